package fr.recouvrement.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The ladder of recouvrement-amiable: relances, mise en demeure by LRAR, deadline, judicial handoff. */
class LadderProcessTest extends LedgerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");


    ProcessInstance openDossier(String invoice, String dueDate, String amount, String segment) {
        fixtures.registerB2b(invoice, siren, dueDate, amount, segment);
        driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult().getId());
        ProcessInstance dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey(dossierNumber(1)).singleResult();
        driver.runDueJobs(dossier.getId());
        return dossier;
    }

    String dossierNumber(int sequence) {
        return "D-%s-%03d".formatted(siren, sequence);
    }

    List<Map<String, Object>> communications(int sequence) {
        return jdbc.queryForList("""
                select c.step, c.status, c.tracking_number from recouvrement.communication c
                join recouvrement.dossier d on d.id = c.dossier_id where d.number = ? order by c.id""", dossierNumber(sequence));
    }

    LocalDateTime at9(int month, int day) {
        return LocalDateTime.of(2026, month, day, 9, 0);
    }

    @Test
    void twoRelancesThenTheNoticeByRegisteredLetterThenSmallClaims() {
        String invoice = LedgerFixtures.newNumber("LAD");
        // PME, 1,500 EUR due Monday 16 November (J); today Tuesday 24 November.
        ProcessInstance dossier = openDossier(invoice, "2026-11-16", "1500.00", "PME");

        // Relance 1 was due J+7 (Monday 23): the latest step due, it goes now.
        assertThat(communications(1)).extracting(c -> c.get("step") + "/" + c.get("status")).containsExactly("RELANCE_1/PENDING");
        // Relance 2 at J+15, Tuesday 1 December, 09:00 (more than minDaysBetween after relance 1).
        assertThat(driver.timerDue(dossier.getId(), "DateRelance2")).isEqualTo(at9(12, 1).atZone(PARIS).toInstant());
        driver.at(at9(12, 1), dossier.getId());
        assertThat(communications(1)).extracting(c -> c.get("step")).containsExactly("RELANCE_1", "RELANCE_2");

        // A PME gets two relances and, under 10,000 EUR, no approval: the notice at J+30, Wednesday 16 December.
        assertThat(driver.timerDue(dossier.getId(), "DateMiseEnDemeure")).isEqualTo(at9(12, 16).atZone(PARIS).toInstant());
        driver.at(at9(12, 16), dossier.getId());
        assertThat(dossier).isWaitingAt("PosterLRAR").hasNotPassed("EnvoyerRelance3", "ValiderMiseEnDemeure");
        assertThat(jdbc.queryForObject("select stage from recouvrement.dossier where number = ?", String.class,
                dossierNumber(1))).isEqualTo("MISE_EN_DEMEURE");

        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A 123 456 789 01", "postedOn", "2026-12-16"));
        driver.runDueJobs(dossier.getId());
        assertThat(communications(1).get(2)).containsEntry("step", "MISE_EN_DEMEURE").containsEntry("status", "SENT")
                .containsEntry("tracking_number", "1A 123 456 789 01");
        assertThat(jdbc.queryForObject("select status from recouvrement.dossier where number = ?", String.class,
                dossierNumber(1))).isEqualTo("NOTICE_SENT");

        clock.setToday(LocalDate.of(2026, 12, 18));
        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "AR", "receivedOn", "2026-12-18"));
        driver.runDueJobs(dossier.getId());
        // "Sous 8 jours à compter de la réception": the deadline ends 26 December; the check runs on the next business
        // day after it, Monday 28 December (27 is a Sunday).
        assertThat(driver.timerDue(dossier.getId(), "FinDuDelai")).isEqualTo(at9(12, 28).atZone(PARIS).toInstant());
        driver.at(at9(12, 28), dossier.getId());

        assertThat(dossier).isWaitingAt("TransmettreJuridique").hasPassed("PreparerContentieux", "ChoisirVoie");
        assertThat(task("TransmettreJuridique", dossier)).hasCandidateGroup("juridique");
        assertThat(runtime.getVariable(dossier.getId(), "route")).isEqualTo("PETITES_CREANCES");
        complete(task("TransmettreJuridique", dossier), withVariables("routeConfirmed", true));
        driver.runDueJobs(dossier.getId());
        complete(task("SuivrePetitesCreances", dossier), withVariables("smallClaimsOutcome", "ACCORD"));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded().hasPassed("TransmisAuJuridique");
        assertThat(jdbc.queryForMap("select status, closing_reason, stage from recouvrement.dossier where number = ?",
                dossierNumber(1))).containsEntry("status", "CLOSED").containsEntry("closing_reason", "PETITES_CREANCES");
        assertThat(jdbc.queryForObject("select status from recouvrement.invoice where number = ?", String.class, invoice))
                .isEqualTo("JUDICIAL");
    }

    /** Completes the task as Tasklist submits its form; refused, nothing of it stays. */
    void refused(ProcessInstance dossier, String taskKey, String variable, String typed, String message) {
        assertThatThrownBy(() -> complete(task(taskKey, dossier), withVariables(variable, typed)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(message);
        assertThat(dossier).isWaitingAt(taskKey);
        assertThat(runtime.getVariable(dossier.getId(), variable)).isNull();
    }

    LocalDate noticeReceivedOn() {
        return jdbc.queryForObject("select notice_received_on from recouvrement.dossier where number = ?",
                LocalDate.class, dossierNumber(1));
    }

    @Test
    void thePostingDateOfTheNoticeIsTypedJjMmAaaaBetweenItsWritingAndToday() {
        // 40 days late: the notice is written today, Tuesday 24 November, and waits to be posted.
        ProcessInstance dossier = openDossier(LedgerFixtures.newNumber("LAD"), "2026-10-15", "900.00", "PME");
        assertThat(dossier).isWaitingAt("PosterLRAR");

        refused(dossier, "PosterLRAR", "postedOn", "31/02/2027",
                "La date de dépôt à la Poste « 31/02/2027 » n'est pas une date : écrivez-la jj/mm/aaaa");
        refused(dossier, "PosterLRAR", "postedOn", "25/11/2026",
                "La date de dépôt à la Poste, 25/11/2026, est dans le futur : au plus tard aujourd'hui, 24/11/2026.");
        refused(dossier, "PosterLRAR", "postedOn", "23/11/2026", "La date de dépôt à la Poste, 23/11/2026, précède "
                + "l'édition de la mise en demeure : au plus tôt le 24/11/2026.");
        driver.runDueJobs(dossier.getId());
        assertThat(communications(1)).extracting(c -> c.get("step") + "/" + c.get("status")).last()
                .isEqualTo("MISE_EN_DEMEURE/PENDING");
        assertThat(jdbc.queryForObject("select status from recouvrement.dossier where number = ?", String.class,
                dossierNumber(1))).isEqualTo("OPEN");

        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A12345678901", "postedOn", "24/11/2026"));
        assertThat(LocalDate.parse((String) runtime.getVariable(dossier.getId(), "postedOn"))).isEqualTo("2026-11-24");
        driver.runDueJobs(dossier.getId());
        assertThat(jdbc.queryForObject("""
                select (c.sent_at at time zone 'Europe/Paris')::date from recouvrement.communication c
                join recouvrement.dossier d on d.id = c.dossier_id
                where d.number = ? and c.step = 'MISE_EN_DEMEURE'""", LocalDate.class, dossierNumber(1)))
                .isEqualTo("2026-11-24");
        assertThat(dossier).isWaitingAt("EnregistrerAR");
    }

    @Test
    void theReceiptDateIsTypedJjMmAaaaBetweenThePostingAndToday() {
        ProcessInstance dossier = openDossier(LedgerFixtures.newNumber("LAD"), "2026-10-15", "900.00", "PME");
        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A12345678901", "postedOn", "24/11/2026"));
        driver.runDueJobs(dossier.getId());
        clock.setToday(LocalDate.of(2026, 11, 27));

        refused(dossier, "EnregistrerAR", "receivedOn", "31/02/2027", "La date de réception ou de première "
                + "présentation « 31/02/2027 » n'est pas une date : écrivez-la jj/mm/aaaa, par exemple 05/01/2027.");
        refused(dossier, "EnregistrerAR", "receivedOn", "28/11/2026", "La date de réception ou de première "
                + "présentation, 28/11/2026, est dans le futur : au plus tard aujourd'hui, 27/11/2026.");
        refused(dossier, "EnregistrerAR", "receivedOn", "23/11/2026", "La date de réception ou de première "
                + "présentation, 23/11/2026, précède le dépôt de la lettre recommandée : au plus tôt le 24/11/2026.");
        driver.runDueJobs(dossier.getId());
        assertThat(noticeReceivedOn()).isNull();

        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "AR", "receivedOn", "26/11/2026"));
        assertThat(LocalDate.parse((String) runtime.getVariable(dossier.getId(), "receivedOn"))).isEqualTo("2026-11-26");
        driver.runDueJobs(dossier.getId());
        assertThat(noticeReceivedOn()).isEqualTo("2026-11-26");
        // A PME has 8 days from the AR: 4 December; the check runs the next business day, Monday 7 December.
        assertThat(driver.timerDue(dossier.getId(), "FinDuDelai")).isEqualTo(at9(12, 7).atZone(PARIS).toInstant());
    }

    @Test
    void fortyDaysLateTheDossierEntersAtTheNoticeAndSkipsTheRelances() {
        ProcessInstance dossier = openDossier(LedgerFixtures.newNumber("LAD"), "2026-10-15", "900.00", "PME");

        assertThat(communications(1)).extracting(c -> c.get("step") + "/" + c.get("status"))
                .containsExactly("RELANCE_1/SKIPPED", "RELANCE_2/SKIPPED", "MISE_EN_DEMEURE/PENDING");
        assertThat(dossier).isWaitingAt("PosterLRAR");
    }

    @Test
    void anInvoiceFallingDueAfterTheNoticeOpensTheNextDossier() {
        ProcessInstance first = openDossier(LedgerFixtures.newNumber("LAD"), "2026-10-15", "900.00", "PME");
        complete(task("PosterLRAR", first), withVariables("trackingNumber", "1A12345678901", "postedOn", "2026-11-24"));
        driver.runDueJobs(first.getId());

        String later = LedgerFixtures.newNumber("LAD");
        fixtures.registerB2b(later, siren, "2026-11-20", "300.00", "PME");
        driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(later).singleResult().getId());

        assertThat(jdbc.queryForObject("select d.number from recouvrement.invoice i join recouvrement.dossier d"
                + " on d.id = i.dossier_id where i.number = ?", String.class, later)).isEqualTo(dossierNumber(2));
    }

    @Test
    void aLargeAccountGetsThreeRelancesAndARefusedNoticeGoesToTheManagersDecision() {
        ProcessInstance dossier = openDossier(LedgerFixtures.newNumber("LAD"), "2026-11-16", "2500.00", "GRAND_COMPTE");
        driver.at(at9(12, 1), dossier.getId());
        // Relance 3 at J+30 (Wednesday 16 December), then approval; the notice would come at J+45.
        driver.at(at9(12, 16), dossier.getId());
        assertThat(communications(1)).extracting(c -> c.get("step")).containsExactly("RELANCE_1", "RELANCE_2", "RELANCE_3");
        assertThat(dossier).isWaitingAt("ValiderMiseEnDemeure");
        assertThat(task("ValiderMiseEnDemeure", dossier)).hasCandidateGroup("managers-recouvrement");

        complete(task("ValiderMiseEnDemeure", dossier), withVariables("approval", "REFUSEE"));
        assertThat(dossier).isWaitingAt("DeciderDossier");
        complete(task("DeciderDossier", dossier), withVariables("decision", "ABANDON", "comment", "Client stratégique"));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded().hasPassed("ClosParDecision").hasNotPassed("PreparerMiseEnDemeure");
        assertThat(jdbc.queryForObject("select closing_reason from recouvrement.dossier where number = ?", String.class,
                dossierNumber(1))).isEqualTo("ABANDON");
    }

    @Test
    void aPrescribedClaimNeverGoesToCourtButToTheManagers() {
        // Due 1 October 2021: 5 years between professionals ended on 1 October 2026.
        ProcessInstance dossier = openDossier(LedgerFixtures.newNumber("LAD"), "2021-10-01", "4000.00", "PME");
        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A12345678901", "postedOn", "2026-11-24"));
        driver.runDueJobs(dossier.getId());
        clock.setToday(LocalDate.of(2026, 11, 26));
        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "NON_RECLAMEE", "receivedOn", "2026-11-26"));
        driver.at(at9(12, 7), dossier.getId());

        assertThat(runtime.getVariable(dossier.getId(), "prescribed")).isEqualTo(true);
        assertThat(runtime.getVariable(dossier.getId(), "route")).isEqualTo("DECISION_MANAGER");
        assertThat(dossier).isWaitingAt("DeciderDossier").hasNotPassed("TransmettreJuridique");
        complete(task("DeciderDossier", dossier), withVariables("decision", "PRESCRITE", "comment", "Prescrite"));
        driver.runDueJobs(dossier.getId());
        assertThat(dossier).isEnded().hasPassed("ClosParDecision");
    }

    @Test
    void aClaimCloseToPrescriptionAlertsTheManagers() {
        // Due 15 December 2021: prescribed on 15 December 2026, less than three months from today.
        ProcessInstance dossier = openDossier(LedgerFixtures.newNumber("LAD"), "2021-12-15", "600.00", "PME");

        org.camunda.bpm.engine.task.Task alert = task("AgirAvantPrescription", dossier);
        assertThat(alert).hasCandidateGroup("managers-recouvrement");
        assertThat(runtime.getVariable(dossier.getId(), "prescriptionDateText")).isEqualTo("15/12/2026");
        complete(alert, withVariables("prescriptionAction", "Injonction de payer déposée"));
        assertThat(dossier).hasPassed("PrescriptionTraitee");
    }

    @Test
    void aPartialPaymentPushesThePrescriptionAlertBack() {
        String invoice = LedgerFixtures.newNumber("LAD");
        // Due 1 March 2022: prescribed 1 March 2027, so the alert is due Tuesday 1 December 2026, 09:00.
        ProcessInstance dossier = openDossier(invoice, "2022-03-01", "600.00", "PME");
        assertThat(driver.timerDue(dossier.getId(), "AlertePrescription")).isEqualTo(at9(12, 1).atZone(PARIS).toInstant());

        // Paid in part today: the debtor acknowledged the debt, prescription restarts (24 November 2031).
        fixtures.pay(invoice, "VIR-PART", "100.00", clock.today());
        driver.at(at9(12, 1), dossier.getId());

        assertThat(dossier).hasPassed("VerifierPrescription").hasNotPassed("AgirAvantPrescription");
        // 24 August 2031 is a Sunday: the alert moves to Monday 25.
        assertThat(driver.timerDue(dossier.getId(), "AlertePrescription"))
                .isEqualTo(LocalDateTime.of(2031, 8, 25, 9, 0).atZone(PARIS).toInstant());
    }

    @Test
    void anApprovedNoticeGoesOut() {
        ProcessInstance dossier = openDossier(LedgerFixtures.newNumber("LAD"), "2026-11-16", "2500.00", "GRAND_COMPTE");
        driver.at(at9(12, 1), dossier.getId());
        driver.at(at9(12, 16), dossier.getId());

        complete(task("ValiderMiseEnDemeure", dossier), withVariables("approval", "APPROUVEE"));
        driver.runDueJobs(dossier.getId());
        assertThat(driver.timerDue(dossier.getId(), "DateMiseEnDemeure")).isEqualTo(at9(12, 31).atZone(PARIS).toInstant());
        driver.at(at9(12, 31), dossier.getId());

        assertThat(dossier).isWaitingAt("PosterLRAR");
    }

    private static org.camunda.bpm.engine.task.Task task(String activity, ProcessInstance instance) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(activity, instance);
    }
}
