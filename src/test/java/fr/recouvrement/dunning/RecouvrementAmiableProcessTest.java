package fr.recouvrement.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * recouvrement-amiable as far as it goes today: the dossier is read, the scenario decided, the conciliation call
 * handed to the agents; a payment updates it and full settlement closes it.
 */
class RecouvrementAmiableProcessTest extends LedgerTest {

    @Autowired
    FormService forms;

    /** A late invoice of a new company, followed up until its dossier waits for the conciliation call. */
    ProcessInstance dossierWaitingForTheCall(String invoice, String amount) {
        fixtures.registerB2b(invoice, siren, "2026-11-20", amount);
        ProcessInstance followUp = runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult();
        driver.runDueJobs(followUp.getId());
        ProcessInstance dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey("D-" + siren + "-001").singleResult();
        driver.runDueJobs(dossier.getId());
        return dossier;
    }

    @Test
    void theAgentsGetTheConciliationCallWithTheDebtorAndWhatIsOwed() throws IOException {
        String invoice = LedgerFixtures.newNumber("RA");
        ProcessInstance dossier = dossierWaitingForTheCall(invoice, "1500.00");

        assertThat(dossier).isWaitingAt("AppelConciliation").hasPassed("LireDossier", "DeterminerScenarioDossier");
        assertThat(task()).hasCandidateGroup("agents-recouvrement");
        // Today Tuesday 24 November + 2 business days (the DMN's taskSlaDays for a PME): Thursday 26, 09:00.
        assertThat(task().getDueDate().toInstant())
                .isEqualTo(LocalDateTime.of(2026, 11, 26, 9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        assertThat(runtime.getVariables(dossier.getId())).containsEntry("debtorName", "Total Négoce")
                .containsEntry("amountDueText", "1\u00A0500,00\u00A0€");
        // The dossier at hand, in the task: what is owed, per invoice, and what comes next.
        SpinJsonNode atHand = (SpinJsonNode) taskService().getVariableLocal(task().getId(), "dossierAtHand");
        assertThat(atHand.prop("owed").prop("principal").stringValue()).isEqualTo("1\u00A0500,00\u00A0€");
        assertThat(atHand.prop("invoices").elements()).singleElement().satisfies(row -> {
            assertThat(row.prop("number").stringValue()).isEqualTo(invoice);
            assertThat(row.prop("dueDate").stringValue()).isEqualTo("20/11/2026");
            assertThat(row.prop("status").stringValue()).isEqualTo("À recouvrer");
        });
        assertThat(atHand.prop("next").stringValue()).isEqualTo("Relance 1 par e-mail : 27/11/2026.");
        try (InputStream form = forms.getDeployedTaskForm(task().getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"appel-conciliation\"");
        }
        assertThat(jdbc.queryForObject("select stage from recouvrement.dossier where number = ?", String.class,
                "D-" + siren + "-001")).isEqualTo("CONCILIATION");

        complete(task(), withVariables("callOutcome", "REFUS"));
        assertThat(dossier).hasPassed("ConciliationFaite");
    }

    @Test
    void aPartialPaymentIsTakenInThenFullSettlementClosesTheDossier() {
        String invoice = LedgerFixtures.newNumber("RA");
        ProcessInstance dossier = dossierWaitingForTheCall(invoice, "1000.00");

        fixtures.pay(invoice, "VIR-1", "400.00", clock.today());
        driver.runDueJobs(dossier.getId());
        assertThat(dossier).isWaitingAt("AppelConciliation").hasPassed("PaiementEnregistre");
        assertThat(runtime.getVariable(dossier.getId(), "amountDueText")).isEqualTo("600,00\u00A0€");

        fixtures.pay(invoice, "VIR-2", "600.00", clock.today());
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded().hasPassed("CloreDossierSolde", "DossierSoldeSignale", "Solde")
                .hasNotPassed("ConciliationFaite");
        assertThat(jdbc.queryForMap("select status, closing_reason, stage from recouvrement.dossier where number = ?",
                "D-" + siren + "-001")).containsEntry("status", "CLOSED").containsEntry("closing_reason", "SOLDE")
                .containsEntry("stage", "TERMINE");
    }
}
