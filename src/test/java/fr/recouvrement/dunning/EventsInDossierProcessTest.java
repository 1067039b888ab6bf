package fr.recouvrement.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** signalement, and what a dossier does with the events it receives. */
class EventsInDossierProcessTest extends LedgerTest {

    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    /** As Tasklist does: the user with their groups, so that Camunda's authorizations apply. */
    ProcessInstance reportAs(String user, Map<String, Object> form) {
        identity.setAuthentication(user, List.of("agents-recouvrement"));
        try {
            return runtime.startProcessInstanceByKey("signalement", form);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void anAgentReportsANoteFromTasklist() {
        String invoice = LedgerFixtures.newNumber("SIG");
        fixtures.registerB2b(invoice, siren, "2026-12-20", "100.00");

        ProcessInstance report = reportAs("agent", Map.of("invoiceNumber", invoice, "eventType", "NOTE",
                "text", "Le client demande un duplicata"));

        assertThat(report).isEnded().hasPassed("TransmettreEvenement", "EvenementTransmis");
        assertThat(jdbc.queryForMap("""
                select e.type, e.created_by, e.payload->>'text' as text from recouvrement.invoice_event e
                join recouvrement.invoice i on i.id = e.invoice_id where i.number = ?""", invoice))
                .containsEntry("type", "NOTE").containsEntry("created_by", "agent")
                .containsEntry("text", "Le client demande un duplicata");
    }

    @Test
    void aReportWithNothingToCorrelateWithFailsClearlyAndRecordsNothing() {
        String invoice = LedgerFixtures.newNumber("SIG");
        fixtures.registerB2b(invoice, siren, "2026-12-20", "100.00");

        assertThatThrownBy(() -> reportAs("agent", Map.of("invoiceNumber", invoice, "eventType", "PROMISE",
                "promiseDate", "2026-12-30"))).hasMessageContaining("aucun dossier de recouvrement en cours");
        assertThatThrownBy(() -> reportAs("agent", Map.of("invoiceNumber", "NOPE-SIG", "eventType", "NOTE",
                "text", "x"))).hasMessageContaining("Aucune facture n'a le numéro NOPE-SIG");

        assertThat(jdbc.queryForObject("select count(*) from recouvrement.invoice_event e join recouvrement.invoice i"
                + " on i.id = e.invoice_id where i.number = ?", Integer.class, invoice)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("signalement").active().count()).isZero();
    }

    @Test
    void aPromisedDateIsTypedJjMmAaaaAndAnImpossibleOrPastOneRecordsNothing() {
        String invoice = LedgerFixtures.newNumber("SIG");
        fixtures.registerB2b(invoice, siren, "2026-11-20", "700.00", "PME");
        driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult().getId());

        for (String[] refusal : new String[][] {
                {"31/02/2027", "La date promise « 31/02/2027 » n'est pas une date : écrivez-la jj/mm/aaaa"},
                {"20/11/2026", "La date promise, 20/11/2026, est passée : au plus tôt aujourd'hui, 24/11/2026."}}) {
            assertThatThrownBy(() -> reportAs("agent", Map.of("invoiceNumber", invoice, "eventType", "PROMISE",
                    "promiseDate", refusal[0]))).hasMessageContaining(refusal[1]);
        }
        assertThat(jdbc.queryForObject("select count(*) from recouvrement.invoice_event e join recouvrement.invoice i"
                + " on i.id = e.invoice_id where i.number = ?", Integer.class, invoice)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("signalement").count()).isZero();

        ProcessInstance report = reportAs("agent", Map.of("invoiceNumber", invoice, "eventType", "PROMISE",
                "promiseDate", "10/12/2026"));

        assertThat(report).isEnded().variables().containsEntry("promiseDate", "2026-12-10");
        assertThat(jdbc.queryForObject("select promise_until from recouvrement.dossier where number = ?",
                LocalDate.class, "D-" + siren + "-001")).isEqualTo("2026-12-10");
    }

    @Test
    void aDisputeInADossierGoesToTheManagersWhoResumeIt() {
        String invoice = LedgerFixtures.newNumber("SIG");
        fixtures.registerB2b(invoice, siren, "2026-11-20", "700.00", "PME");
        driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult().getId());
        ProcessInstance dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey("D-" + siren + "-001").singleResult();
        driver.runDueJobs(dossier.getId());

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        http.withBasicAuth("agent", "agent").postForEntity("/api/invoices/" + invoice + "/events",
                new HttpEntity<>("{\"type\": \"DISPUTE\", \"reason\": \"Livraison incomplète\"}", headers), String.class);
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isWaitingAt("ResoudreLitige");
        Task resolution = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey("ResoudreLitige")
                .singleResult();
        assertThat(resolution).hasCandidateGroup("managers-recouvrement");
        assertThat(runtime.getVariable(dossier.getId(), "reason")).isEqualTo("Livraison incomplète");
        tasks.claim(resolution.getId(), "manager");
        tasks.complete(resolution.getId(), Map.of("action", "RESUME"));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).hasPassed("AppliquerResolution", "LitigeResolu");
        assertThat(jdbc.queryForObject("select status from recouvrement.invoice where number = ?", String.class, invoice))
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForMap("""
                select e.created_by, e.payload->>'action' as action from recouvrement.invoice_event e
                join recouvrement.invoice i on i.id = e.invoice_id where i.number = ? and e.type = 'DISPUTE_RESOLVED'""",
                invoice)).containsEntry("created_by", "manager").containsEntry("action", "RESUME");

        reportAs("agent", Map.of("invoiceNumber", invoice, "eventType", "HOLD", "reason", "Rachat de la société"));
        driver.runDueJobs(dossier.getId());
        assertThat(dossier).hasPassed("EvenementNote");
        // The hold's free text stays in the ledger: no form of the dossier shows it, so its process never holds it.
        assertThat(runtime.getVariable(dossier.getId(), "reason")).isEqualTo("Livraison incomplète");
    }
}
