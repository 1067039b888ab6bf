package fr.recouvrement.registry;

import static fr.recouvrement.registry.FakePublicData.company;
import static fr.recouvrement.registry.FakePublicData.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.recouvrement.communication.MailTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Before the mise en demeure, the dossier asks the company registry and BODACC (docs/droit-francais.md §8) through a
 * real HTTP server that answers as they do. A chronic late payer 30 days late gets its notice today (Tuesday 24
 * November 2026).
 */
class DebtorChecksTest extends MailTest {

    private ProcessInstance dossier;

    private void noticeIsDue(String name) {
        dossier = openDossier(b2bDebtor(name, "MAUVAIS_PAYEUR"), "2026-10-25", newInvoice(), "2000.00");
    }

    private void runChecks() {
        driver.runDueJobs(dossier.getId());
    }

    private ProcessInstance check() {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(dossier.getId()).singleResult();
    }

    private String debtorColumn(String column) {
        return jdbc.queryForObject("select " + column + "::text from recouvrement.debtor where siren = ?", String.class,
                siren);
    }

    @Test
    void anActiveCompanysNoticeGoesToTheRegisteredOfficeTheRegistryGives() {
        FakePublicData.registry(siren, ok(company(siren, "A", null, "5 AVENUE JEAN JAURES 69007 LYON", "69007", "LYON")));
        noticeIsDue("Siège Ailleurs");
        runChecks();

        assertThat(dossier).isWaitingAt("PosterLRAR").hasPassed("VerifierDebiteurAvantMiseEnDemeure");
        assertThat(debtorColumn("registry_status")).isEqualTo("ACTIVE");
        assertThat(debtorColumn("registered_office_line1")).isEqualTo("5 AVENUE JEAN JAURES");
        // Kept for the judicial file's parties: the catégorie juridique and the president, not the auditor.
        assertThat(debtorColumn("legal_form_code")).isEqualTo("5710");
        assertThat(debtorColumn("representative_name")).isEqualTo("Jeanne Marie DURAND");
        assertThat(debtorColumn("representative_title")).isEqualTo("Président");
        assertThat(runtime.getVariable(dossier.getId(), "registryText"))
                .isEqualTo("Entreprise active ; siège social : 5 AVENUE JEAN JAURES, 69007 LYON.");
        String url = (String) runtime.getVariable(dossier.getId(), "letterPdfUrl");
        String notice = pdfText(http.withBasicAuth("agent", "agent").getForObject(url, byte[].class));
        assertThat(notice).contains("5 AVENUE JEAN JAURES", "69007 LYON").doesNotContain("12 rue de la Paix");
        assertThat(rows(dossierNumber(dossier), "MISE_EN_DEMEURE").get(0).get("recipient"))
                .isEqualTo("Siège Ailleurs, 5 AVENUE JEAN JAURES, 69007 LYON, FR");
        assertThat(FakePublicData.requests()).anySatisfy(request -> assertThat(request)
                .startsWith("GET /registre/search?q=" + siren).contains("| Recouvrement/"));
    }

    @Test
    void aPublicPersonIsNotLookedUpAndTheAgentsAreToldWhyNotThatItIsAConsumer() {
        String hospital = """
                {"name": "Centre hospitalier de Villeneuve", "siren": "%s", "type": "PUBLIC", "segment": "MAUVAIS_PAYEUR",
                 "email": "ordonnateur@ch-villeneuve.fr",
                 "address": {"line1": "1 avenue de l'Hôpital", "postalCode": "47300", "city": "Villeneuve-sur-Lot",
                             "country": "FR"}}""".formatted(siren);
        dossier = openDossier(hospital, "2026-10-25", newInvoice(), "2000.00");
        runChecks();
        // A public body's notice is approved by a manager first (scenario-recouvrement).
        complete(task("ValiderMiseEnDemeure", dossier), withVariables("approval", "APPROUVEE"));
        runChecks();
        clock.set(driver.timerDue(dossier.getId(), "DateMiseEnDemeure"));
        runChecks();

        assertThat(dossier).hasPassed("ConsulterBodaccOuverture", "VerifierDebiteurAvantMiseEnDemeure");
        assertThat(runtime.getVariable(dossier.getId(), "registryText")).isEqualTo("Personne publique : registre des"
                + " entreprises non consulté, la lettre part à l'adresse connue du débiteur.");
        assertThat(runtime.getVariable(dossier.getId(), "bodaccText")).isEqualTo("Personne publique : pas de procédure"
                + " collective possible (L620-2, L631-2, L640-2), BODACC non consulté.");
        assertThat(FakePublicData.requests()).noneSatisfy(request -> assertThat(request).contains(siren));
    }

    @Test
    void aClosedCompanyGoesToTheManagersInsteadOfALetter() {
        FakePublicData.registry(siren, ok(company(siren, "C", "2026-06-30", "3 RUE DU COMMERCE 44000 NANTES", "44000",
                "NANTES")));
        noticeIsDue("Fermée Depuis Juin");
        runChecks();

        assertThat(dossier).isWaitingAt("DeciderDossier").hasNotPassed("PreparerMiseEnDemeure");
        assertThat(task("DeciderDossier", dossier)).hasCandidateGroup("managers-recouvrement");
        assertThat(runtime.getVariable(dossier.getId(), "registryText").toString())
                .startsWith("Entreprise fermée selon le registre depuis le 30/06/2026");
        assertThat(rows(dossierNumber(dossier), "MISE_EN_DEMEURE")).isEmpty();
        assertThat(debtorColumn("closed_on")).isEqualTo("2026-06-30");
    }

    @Test
    void aSirenTheRegistryDoesNotKnowGoesToAnAgentNeverToALetter() {
        FakePublicData.registry(siren, ok(FakePublicData.noCompany()));
        noticeIsDue("Inconnue Au Registre");
        runChecks();

        assertThat(check()).isWaitingAt("VerifierDebiteur");
        assertThat(task("VerifierDebiteur", check())).hasCandidateGroup("agents-recouvrement");
        assertThat(rows(dossierNumber(dossier), "MISE_EN_DEMEURE")).isEmpty();

        complete(task("VerifierDebiteur", check()), withVariables("debtorReview", "CONFIRME",
                "debtorReviewComment", "Kbis reçu : siège 12 rue de la Paix"));
        runChecks();
        assertThat(dossier).isWaitingAt("PosterLRAR");
    }

    @Test
    void anAgentWhoCannotFindTheDebtorSendsTheDossierToTheManagers() {
        FakePublicData.registry(siren, ok(FakePublicData.noCompany()));
        noticeIsDue("Vraiment Introuvable");
        runChecks();

        complete(task("VerifierDebiteur", check()), withVariables("debtorReview", "DECISION",
                "debtorReviewComment", "Aucune trace"));
        runChecks();

        assertThat(dossier).isWaitingAt("DeciderDossier");
    }

    @Test
    void aCompanyInRedressementJudiciaireGetsItsClaimDeclaredAndNoNotice() {
        FakePublicData.bodacc(siren, ok(FakePublicData.openingJudgment(siren,
                "Jugement d'ouverture d'une procédure de redressement judiciaire", "2026-11-03", "2026-11-12")));
        noticeIsDue("En Redressement");
        runChecks();

        // Asked as the dossier opens: it stops before any relance.
        assertThat(dossier).isWaitingAt("DeclarerCreance").hasPassed("ConsulterBodaccOuverture")
                .hasNotPassed("EnvoyerRelance1", "PreparerMiseEnDemeure");
        assertThat(task("DeclarerCreance", dossier)).hasCandidateGroup("juridique");
        // Two months after the BODACC publication.
        assertThat(task("DeclarerCreance", dossier).getDueDate().toInstant()).isEqualTo(LocalDate.of(2027, 1, 12)
                .atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        assertThat(debtorColumn("insolvency_opened_on")).isEqualTo("2026-11-03");
        assertThat(rows(dossierNumber(dossier), "MISE_EN_DEMEURE")).isEmpty();
        assertThat(runtime.getVariable(dossier.getId(), "bodaccText").toString()).contains(
                "redressement judiciaire", "jugement du 03/11/2026", "Tribunal de commerce de Paris",
                "au plus tard le 12/01/2027");
        assertThat(runtime.getVariable(dossier.getId(), "claimIndemnityText")).isEqualTo("40,00\u00a0€");

        complete(task("DeclarerCreance", dossier), withVariables("claimDeclared", true,
                "declarationReference", "LRAR 1A 555 au mandataire"));
        driver.runDueJobs(dossier.getId());
        assertThat(dossier).isEnded().hasPassed("CreanceDeclaree");
        assertThat(jdbc.queryForObject("select closing_reason from recouvrement.dossier where number = ?",
                String.class, dossierNumber(dossier))).isEqualTo("DECLARATION_CREANCE");
    }

    @Test
    void aRegistryThatTimesOutOnceIsAskedAgainAndOneNoticeIsWritten() {
        FakePublicData.registry(siren, new FakePublicData.Answer(200, company(siren, "A", null,
                        "12 RUE DE LA PAIX 75002 PARIS", "75002", "PARIS"), 3_000),
                ok(company(siren, "A", null, "12 RUE DE LA PAIX 75002 PARIS", "75002", "PARIS")));

        assertThatThrownBy(() -> noticeIsDue("Registre Lent"))
                .hasMessageContaining("Impossible de joindre le registre des entreprises");
        dossier = dossierOfThisCompany();
        Job retried = management.createJobQuery().processInstanceId(check().getId()).singleResult();
        // Back-off: the first retry waits a minute.
        assertThat(retried.getDuedate().toInstant()).isAfter(clock.instant().plusSeconds(50));
        clock.set(clock.instant().plusSeconds(61));
        runChecks();

        assertThat(dossier).isWaitingAt("PosterLRAR");
        assertThat(rows(dossierNumber(dossier), "MISE_EN_DEMEURE")).hasSize(1);
    }

    @Test
    void aRegistryAnswering500UntilTheRetriesRunOutRaisesAnIncidentAndNoLetter() {
        FakePublicData.registry(siren, new FakePublicData.Answer(500, "{\"erreur\": \"Internal Server Error\"}", 0));
        assertThatThrownBy(() -> noticeIsDue("Registre En Panne")).hasMessageContaining("a répondu 500");
        dossier = dossierOfThisCompany();
        ProcessInstance check = check();

        // One retry for each interval of PT1M,PT5M,PT15M,PT1H,PT4H.
        for (int retry = 1; retry <= 5; retry++) {
            Job job = management.createJobQuery().processInstanceId(check.getId()).singleResult();
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("a répondu 500");
        }

        Incident incident = runtime.createIncidentQuery().processInstanceId(check.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ConsulterRegistre");
        assertThat(rows(dossierNumber(dossier), "MISE_EN_DEMEURE")).isEmpty();
    }

    private ProcessInstance dossierOfThisCompany() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey("D-" + siren + "-001").singleResult();
    }

    @Test
    void aProcedureOpenedAfterTheNoticeSendsTheHandoffToTheClaimDeclaration() {
        noticeIsDue("Redressement Après La Notice");
        runChecks();
        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A 222 333 444 55", "postedOn", "2026-11-24"));
        runChecks();
        clock.setToday(LocalDate.of(2026, 11, 26));
        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "AR", "receivedOn", "2026-11-26"));
        runChecks();
        FakePublicData.bodacc(siren, ok(FakePublicData.openingJudgment(siren,
                "Jugement d'ouverture d'une procédure de liquidation judiciaire", "2026-11-30", "2026-12-02")));

        clock.set(driver.timerDue(dossier.getId(), "FinDuDelai"));
        runChecks();

        // The invoice was performed before the judgment: it is declared, not taken to court.
        assertThat(dossier).hasPassed("VerifierDebiteurAvantContentieux", "ProcedureCollectiveAvantContentieux")
                .isWaitingAt("DeclarerCreance").hasNotPassed("PreparerContentieux", "TransmettreJuridique");
    }
}
