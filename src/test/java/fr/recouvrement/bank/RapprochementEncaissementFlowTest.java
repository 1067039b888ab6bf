package fr.recouvrement.bank;

import static fr.recouvrement.FastEngine.at9;
import static fr.recouvrement.FastEngine.sets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import fr.recouvrement.DiagramBeans;
import fr.recouvrement.FastEngine;
import fr.recouvrement.FastTest;
import fr.recouvrement.api.TasklistRefusal;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bpmn/rapprochement-encaissement.bpmn on the fast engine: presented, matched by an agent, applied or refused. */
@FastTest
class RapprochementEncaissementFlowTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = FastEngine.extension();

    DiagramBeans.BankReconciliation reconciliation;

    @BeforeEach
    void deploy() {
        FastEngine.deploy(engine, "rapprochement-encaissement.bpmn");
        reconciliation = FastEngine.mockBean("bankReconciliation", DiagramBeans.BankReconciliation.class);
        doAnswer(sets("entryAmount", "300,00 €", "amountToAllocate", "300,00 €", "reconciliationDueAt",
                at9("2026-11-26"))).when(reconciliation).present(any());
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("rapprochement-encaissement", "encaissement-7",
                Map.of("bankEntryId", 7L));
    }

    @Test
    void theAgentsGetTheTaskWithTheEntryPresented() {
        ProcessInstance process = start();

        assertThat(process).isWaitingAtExactly("RapprocherEncaissement").hasPassed("PresenterEncaissement")
                .variables().containsEntry("amountToAllocate", "300,00 €");
        assertThat(task(process)).hasCandidateGroup("agents-recouvrement").hasName("Rapprocher un encaissement")
                .hasDueDate(at9("2026-11-26"));
    }

    @Test
    void theDecisionIsAppliedWhenTheAgentCompletes() {
        ProcessInstance process = start();

        complete(task(process), withVariables("reconciliation", "FACTURES", "invoiceAllocations", "F-1 100,00"));

        assertThat(process).isEnded().hasPassedInOrder("PresenterEncaissement", "RapprocherEncaissement",
                "ImputerEncaissement", "EncaissementRapproche");
        verify(reconciliation).allocate(any());
    }

    @Test
    void aRefusedDecisionLeavesTheTaskOpenWithItsMessage() {
        ProcessInstance process = start();
        doThrow(new TasklistRefusal("Les imputations (400,00 €) dépassent le montant restant à imputer (300,00 €)"))
                .when(reconciliation).allocate(any());

        assertThatThrownBy(() -> complete(task(process), withVariables("reconciliation", "FACTURES")))
                .hasMessageContaining("dépassent le montant restant à imputer");

        // The completion rolled back: the same task waits for a decision that can be applied.
        assertThat(process).isWaitingAtExactly("RapprocherEncaissement").hasNotPassed("ImputerEncaissement");
        doNothing().when(reconciliation).allocate(any());
        complete(task(process), withVariables("reconciliation", "PAS_CLIENT", "notCustomerReason", "Remboursement"));
        assertThat(process).isEnded();
    }
}
