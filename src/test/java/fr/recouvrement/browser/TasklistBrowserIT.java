package fr.recouvrement.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.TestApplications;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An agent's conciliation call in Tasklist, as the agent sees it in a real Chromium speaking French (issue #15). The
 * application runs on its own database, with only this test's dossiers, on the real clock: the browser's relative
 * dates ("dans 2 jours") then read as they would for the agent. Screenshots: {@code target/screenshots/}.
 */
class TasklistBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String DEBTOR = "Transports Petit";
    private static final String CALL = "Appel de conciliation — " + DEBTOR;
    /** A card of the task list, by the task's name. */
    private static final String CARD = "//li[contains(@class, 'task')][.//h4//a[normalize-space() = '" + CALL + "']]";

    /** The block "Le dossier" of the form. */
    private static final String BLOCK = "//*[contains(@class, 'fjs-form-field-grouplike')]"
            + "[.//*[normalize-space() = 'Le dossier']]";

    private static ConfigurableApplicationContext app;
    private static String dossier;

    @BeforeAll
    static void fourDossiersAtTheConciliationCall() {
        app = TestApplications.startFresh("tasklist-browser");
        LedgerFixtures fixtures = new LedgerFixtures(TestApplications.http(app), app.getBean(JdbcTemplate.class));
        // Due eight days ago: the PME's conciliation call (J+1) is due, whatever day the test runs.
        String due = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(8).toString();
        String siren = LedgerFixtures.newSiren();
        fixtures.register("F-2026-0412", due, "2500.00", debtor(DEBTOR, siren, "01 42 68 53 00"));
        fixtures.register("F-2026-0413", due, "980.50", debtor("Boulangerie Martin", LedgerFixtures.newSiren(),
                "05 56 44 12 80"));
        fixtures.register("F-2026-0414", due, "4120.00", debtor("Dupont & Fils", LedgerFixtures.newSiren(),
                "04 78 92 10 36"));
        fixtures.register("F-2026-0415", due, "1760.00", debtor("Maison Bernard", LedgerFixtures.newSiren(),
                "02 40 35 71 64"));
        TestApplications.runDueJobs(app);
        dossier = "D-" + siren + "-001";
        browser.at(TestApplications.url(app));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String debtor(String name, String siren, String phone) {
        return """
                {"name": "%s", "siren": "%s", "type": "B2B", "segment": "PME", "email": "compta@example.fr",
                 "phone": "%s", "address": {"line1": "12 rue de la Paix", "postalCode": "75002", "city": "Paris",
                                            "country": "FR"}}""".formatted(name, siren, phone);
    }

    @Test
    void anAgentWorksAConciliationCallFromTheTeamsList() {
        logsInToTasklistInFrench();
        findsTheCallInTheTeamsList();
        opensTheCallAndTakesIt();
        readsTheDossierAtHand();
        recordsNoAnswer();
        findsTheNextAttemptPlanned();
    }

    private void logsInToTasklistInFrench() {
        browser.open(Browser.TASKLIST);
        assertThat(browser.shown(By.cssSelector("input[type='password']")).getAttribute("placeholder"))
                .isEqualTo("Mot de passe");
        assertThat(browser.text(By.cssSelector("form button[type='submit']"))).isEqualTo("Se connecter");
        browser.screenshot("1-connexion");

        browser.loginToTasklist("agent", "agent");

        assertThat(browser.text(By.cssSelector("[cam-widget-header]")))
                .contains("Démarrer un processus", "Créer une tâche", "Amélie Agent");
        assertThat(browser.isShown(By.cssSelector(".ce-eol-banner"))).as("the end-of-life banner").isFalse();
        assertThat(browser.text(By.cssSelector("[cam-tasklist-filters]")))
                .contains("Mes tâches", "Mon équipe", "À échéance aujourd'hui", "Courriers à poster", "En retard");
        browser.screenshot("2-accueil");
    }

    private void findsTheCallInTheTeamsList() {
        browser.click(By.xpath("//*[contains(@class, 'task-filter')]//a[normalize-space(text()) = 'Mon équipe']"));
        // The card shows the debtor and the dossier; the amount, third, once the agent unfolds the card.
        browser.click(By.xpath(CARD + "//*[contains(@class, 'shutter')]"));

        assertThat(browser.textOnceItContains(By.xpath(CARD), "Montant dû")).contains(
                "Recouvrement amiable d'un dossier", "Débiteur:\n" + DEBTOR, "Dossier:\n" + dossier,
                "Montant dû:\n2 500,00 €");
        assertThat(browser.text(By.cssSelector(".tasks-list"))).contains("Appel de conciliation — Boulangerie Martin",
                "Appel de conciliation — Dupont & Fils", "Appel de conciliation — Maison Bernard");
        browser.screenshot("3-mon-equipe");
    }

    private void opensTheCallAndTakesIt() {
        browser.click(By.xpath(CARD + "//h4//a"));

        assertThat(browser.text(By.cssSelector(".task-details h2"))).isEqualTo(CALL);
        assertThat(browser.text(By.cssSelector(".task-details .nav-tabs")))
                .contains("Formulaire", "Historique", "Diagramme", "Description");
        assertThat(browser.text(By.cssSelector(".fjs-container h3")))
                .isEqualTo("Appel de conciliation — tentative 1 sur 3");
        assertThat(field("Débiteur")).isEqualTo(DEBTOR);
        assertThat(field("Téléphone")).isEqualTo("01 42 68 53 00");
        assertThat(field("Montant dû")).isEqualTo("2 500,00 €");
        browser.screenshot("4-appel-ouvert");

        // Tasklist 7.24 keeps a form disabled until the agent takes the task.
        assertThat(browser.text(By.cssSelector("button.claim"))).isEqualTo("Prendre en charge");
        browser.click(By.cssSelector("button.claim"));

        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
        assertThat(browser.text(By.cssSelector(".task-details .assignee"))).contains("Amélie Agent");
        assertThat(browser.shown(By.xpath("//label[normalize-space() = 'Pas de réponse']//input[@type = 'radio']"))
                .isEnabled()).as("the call's outcome can be entered").isTrue();
        browser.screenshot("5-appel-pris-en-charge");
    }

    private void readsTheDossierAtHand() {
        browser.shown(By.xpath(BLOCK));

        assertThat(text(BLOCK)).contains("Dossier " + dossier, "Dû : 2 540,00 €", "principal 2 500,00 €",
                "indemnité forfaitaire 40,00 €", "Prochaine étape :", "F-2026-0412", "À recouvrer",
                "Historique, le plus récent d'abord", "Dossier ouvert ; J, la plus ancienne échéance");
        browser.screenshot("6-le-dossier");
    }

    private void recordsNoAnswer() {
        assertThat(field("Numéro composé")).as("the debtor's number, prefilled").isEqualTo("01 42 68 53 00");
        browser.click(By.xpath("//label[normalize-space() = 'Pas de réponse']//input[@type = 'radio']"));
        assertThat(browser.text(By.cssSelector(".fjs-container")))
                .contains("Un nouvel appel sera planifié le jour ouvré suivant");
        browser.screenshot("7-pas-de-reponse");

        browser.click(By.xpath("//button[normalize-space() = 'Terminer']"));
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-details h2")));
    }

    private void findsTheNextAttemptPlanned() {
        browser.click(By.xpath("//*[contains(@class, 'task-filter')]//a[normalize-space(text()) = 'Mon équipe']"));
        // The same call, planned for the next business day: its card says when to follow it up.
        assertThat(browser.text(By.xpath(CARD))).contains("Suivi");
        browser.click(By.xpath(CARD + "//h4//a"));

        assertThat(browser.text(By.cssSelector(".fjs-container h3")))
                .isEqualTo("Appel de conciliation — tentative 2 sur 3");
        assertThat(text(BLOCK)).contains("Appel n° 1 au 01 42 68 53 00 : pas de réponse. — agent");
        browser.screenshot("8-tentative-suivante");
    }

    /** What a block of the form reads, no-break spaces as spaces. */
    private static String text(String xpath) {
        return browser.text(By.xpath(xpath)).replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    /** The value a form field shows, by its label; no-break spaces read as spaces. */
    private static String field(String label) {
        // A required field's label ends with "*".
        return browser.shown(By.xpath("//label[starts-with(normalize-space(), '" + label + "')]"
                        + "/following-sibling::*//input"))
                .getDomProperty("value").replace('\u00A0', ' ');
    }
}
