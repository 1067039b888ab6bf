package fr.recouvrement.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.TestApplications;
import fr.recouvrement.dossier.DossierOpening;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager reads the collection figures in Cockpit, in French, and finds the API's figures there (issue #16): the
 * tile on the start page, the page #/recouvrement, a filter, and a debtor's dossier opened in Cockpit. The application
 * runs on its own database with only this test's invoices. Screenshots: {@code target/screenshots/}.
 */
class CockpitBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String PAGE = Browser.COCKPIT + "#/recouvrement";
    private static final String TOP_DEBTOR = "Dupont & Fils";

    private static ConfigurableApplicationContext app;
    private static TestRestTemplate http;
    private static String topDossier;

    @BeforeAll
    static void invoicesOfFourDebtors() {
        app = TestApplications.startFresh("cockpit-browser");
        http = TestApplications.http(app);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        LedgerFixtures fixtures = new LedgerFixtures(http, jdbc);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        // Due eight days ago: each debtor's dossier opens at the conciliation call, whatever day the test runs.
        String due = today.minusDays(8).toString();
        String dupont = LedgerFixtures.newSiren();
        fixtures.register("F-2026-0501", due, "4120.00", debtor(TOP_DEBTOR, dupont, "B2B", "PME"));
        fixtures.register("F-2026-0502", due, "1890.40", debtor(TOP_DEBTOR, dupont, "B2B", "PME"));
        fixtures.register("F-2026-0503", due, "980.50", debtor("Boulangerie Martin", LedgerFixtures.newSiren(),
                "B2B", "FIDELE"));
        fixtures.register("F-2026-0504", due, "3245.67", debtor("Transports Petit", LedgerFixtures.newSiren(),
                "B2B", "GRAND_COMPTE"));
        fixtures.register("F-2026-0505", today.plusDays(25).toString(), "760.00",
                debtor("Maison Bernard", LedgerFixtures.newSiren(), "B2B", "PME"));
        TestApplications.runDueJobs(app);
        // The ledger ages an invoice by its due date alone: moving two due dates back, once the dossiers are open,
        // spreads the aged balance over several buckets without running weeks of the scenario.
        jdbc.update("update recouvrement.invoice set due_date = due_date - 60, issue_date = issue_date - 60"
                + " where number = 'F-2026-0502'");
        jdbc.update("update recouvrement.invoice set due_date = due_date - 120, issue_date = issue_date - 120"
                + " where number = 'F-2026-0504'");
        topDossier = "D-" + dupont + "-001";
        browser.at(TestApplications.url(app));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String debtor(String name, String siren, String type, String segment) {
        return """
                {"name": "%s", "siren": "%s", "type": "%s", "segment": "%s", "email": "compta@example.fr",
                 "address": {"line1": "12 rue de la Paix", "postalCode": "75002", "city": "Paris",
                             "country": "FR"}}""".formatted(name, siren, type, segment);
    }

    @Test
    void aManagerReadsTheApisFiguresInCockpit() {
        JsonNode kpis = kpis("");
        JsonNode ledger = kpis.get("ledger");

        browser.loginToCockpit("manager", "manager");

        By tile = By.cssSelector("[data-plugin-id='recouvrement.kpis.dashboard']");
        assertThat(figure("tile-overdue")).isEqualTo(euros(ledger.at("/overdue/amount")));
        assertThat(browser.text(tile)).contains("Recouvrement", "ÉCHU", "ENCOURS", "DSO",
                invoices(ledger.at("/overdue/invoices").asLong()));
        browser.screenshot("1-accueil");

        By open = By.linkText("Voir tous les indicateurs du recouvrement");
        scrollTo(open);
        browser.click(open);
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/recouvrement");
        assertThat(browser.text(By.cssSelector(".rec-kpis h2"))).isEqualTo("Recouvrement");
        assertThat(figure("outstanding")).isEqualTo(euros(ledger.at("/outstanding/amount")));
        assertThat(figure("overdue")).isEqualTo(euros(ledger.at("/overdue/amount")));
        assertThat(figure("dso")).isEqualTo(ledger.at("/dso/days").asText().replace('.', ',') + " jours");
        assertThat(figure("disputed")).isEqualTo(euros(ledger.at("/disputed/amount")));
        assertThat(browser.text(By.cssSelector(".rec-asof")))
                .startsWith("Situation au " + frenchDate(kpis.get("asOf").asText()));
        for (JsonNode bucket : ledger.get("agedBalance")) {
            assertThat(browser.text(By.cssSelector(
                            "[data-bucket='" + bucket.get("bucket").asText() + "'] .rec-bar-amount")))
                    .as(bucket.get("label").asText()).isEqualTo(euros(bucket.get("amount")));
        }
        JsonNode first = ledger.at("/topDebtors/0");
        assertThat(first.get("name").asText()).isEqualTo(TOP_DEBTOR);
        By firstRow = By.cssSelector("[data-figure='topDebtors'] tbody tr:first-child");
        assertThat(browser.text(firstRow)).contains(TOP_DEBTOR, euros(first.get("outstanding")),
                euros(first.get("overdue")), topDossier);
        assertThat(browser.driver().findElements(By.cssSelector("[data-figure='stages'] tbody tr")))
                .hasSize(kpis.at("/recovery/stages").size());
        assertThat(browser.text(By.cssSelector("[data-figure='lettersToPost'] .rec-alert-count")))
                .isEqualTo(kpis.at("/operational/lettersToPost").asText());
        // The trend: as many days as the daily snapshot recorded, the last one's overdue named at the line's end.
        JsonNode days = get("/api/kpis/trend").get("days");
        assertThat(days.size()).isPositive();
        assertThat(browser.text(By.cssSelector("[data-figure='trend'] .rec-trend-caption")))
                .startsWith(days.size() + (days.size() > 1 ? " jours relevés" : " jour relevé"));
        assertThat(browser.text(By.cssSelector("[data-figure='trend'] .rec-bar-amount")))
                .isEqualTo("échu " + euros(days.get(days.size() - 1).at("/overdue/amount")));
        browser.screenshot("2-indicateurs");
        scrollTo(By.cssSelector("[data-figure='topDebtors']"));
        browser.screenshot("3-debiteurs");

        filtersOnASegment();
        opensTheTopDebtorsDossier();
    }

    private void filtersOnASegment() {
        JsonNode pme = kpis("?segment=PME&debtorType=B2B").get("ledger");
        browser.shown(By.id("rec-segment")).sendKeys("PME");
        browser.driver().findElement(By.cssSelector("#rec-type option[value='B2B']")).click();
        browser.click(By.cssSelector(".rec-filters button[type='submit']"));

        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".rec-asof"), "PME"));
        assertThat(browser.text(By.cssSelector(".rec-asof"))).endsWith("— PME, Entreprises (B2B)");
        assertThat(figure("outstanding")).isEqualTo(euros(pme.at("/outstanding/amount")));
        assertThat(figure("overdue")).isEqualTo(euros(pme.at("/overdue/amount")));
        assertThat(browser.driver().findElements(By.cssSelector("[data-figure='topDebtors'] tbody tr")))
                .hasSize(pme.get("topDebtors").size());
    }

    private void opensTheTopDebtorsDossier() {
        String instance = app.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey(DossierOpening.PROCESS).processInstanceBusinessKey(topDossier).singleResult()
                .getId();
        By link = By.cssSelector("a[data-dossier='" + topDossier + "']");
        scrollTo(link);
        browser.click(link);

        browser.until(ExpectedConditions.urlContains("#/process-instance/" + instance + "/runtime"));
        browser.shown(By.cssSelector(".process-instance-page, [cam-breadcrumbs-panel]"));
        browser.screenshot("4-dossier");
    }

    @Test
    void aPersonWithoutTheRightReadsWhyInFrench() {
        String user = "stagiaire";
        // New users are held to the password policy.
        String password = "Formation-2026!";
        IdentityService identity = app.getBean(IdentityService.class);
        if (identity.createUserQuery().userId(user).count() == 0) {
            User trainee = identity.newUser(user);
            trainee.setFirstName("Sam");
            trainee.setLastName("Stagiaire");
            trainee.setPassword(password);
            identity.saveUser(trainee);
            AuthorizationService authorizations = app.getBean(AuthorizationService.class);
            Authorization cockpit = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            cockpit.setUserId(user);
            cockpit.setResource(Resources.APPLICATION);
            cockpit.setResourceId("cockpit");
            cockpit.addPermission(Permissions.ACCESS);
            authorizations.saveAuthorization(cockpit);
        }
        ResponseEntity<String> refused = http.withBasicAuth(user, password).getForEntity("/api/kpis", String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        browser.loginToCockpit(user, password);
        browser.open(PAGE);

        assertThat(browser.text(By.cssSelector(".rec-kpis .rec-problem"))).isEqualTo("Indicateurs indisponibles. "
                + "Les indicateurs du recouvrement sont réservés aux managers, aux analystes et aux administrateurs. "
                + "Demandez cet accès à un administrateur.");
        browser.screenshot("acces-refuse");
    }

    private static JsonNode kpis(String query) {
        return get("/api/kpis" + query);
    }

    private static JsonNode get(String path) {
        ResponseEntity<String> response = http.withBasicAuth("manager", "manager").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return new ObjectMapper().readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The value a figure's tile shows, once the page has it. */
    private static String figure(String name) {
        return browser.text(By.cssSelector("[data-figure='" + name + "'] .rec-tile-value"));
    }

    private static void scrollTo(By element) {
        WebElement target = browser.shown(element);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                target);
    }

    /** An amount of the API ("3245.67") as the page writes it: "12 345,67 €". */
    private static String euros(JsonNode amount) {
        return String.format(Locale.FRANCE, "%,.2f €", new BigDecimal(amount.asText()))
                .replace('\u202F', ' ').replace('\u00A0', ' ');
    }

    private static String invoices(long count) {
        return count + (count > 1 ? " factures" : " facture");
    }

    private static String frenchDate(String iso) {
        List<String> parts = List.of(iso.split("-"));
        return parts.get(2) + "/" + parts.get(1) + "/" + parts.get(0);
    }
}
