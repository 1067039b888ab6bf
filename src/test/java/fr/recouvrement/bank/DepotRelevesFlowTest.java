package fr.recouvrement.bank;

import static fr.recouvrement.FastEngine.sets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import fr.recouvrement.DiagramBeans;
import fr.recouvrement.FastEngine;
import fr.recouvrement.FastTest;
import java.time.Duration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/depot-releves.bpmn on the fast engine: started every 5 minutes, one file per job while others wait, then the
 * missing reconciliation tasks in a job of their own.
 */
@FastTest
class DepotRelevesFlowTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = FastEngine.extension();

    DiagramBeans.BankInbox inbox;
    DiagramBeans.ReconciliationTasks tasks;

    @BeforeEach
    void deploy() {
        FastEngine.deploy(engine, "depot-releves.bpmn");
        inbox = FastEngine.mockBean("bankInbox", DiagramBeans.BankInbox.class);
        tasks = FastEngine.mockBean("reconciliationTasks", DiagramBeans.ReconciliationTasks.class);
    }

    private Job pollTimer() {
        return managementService().createJobQuery().processDefinitionKey("depot-releves").timers().singleResult();
    }

    private ProcessInstance startedByTheTimer() {
        managementService().executeJob(pollTimer().getId());
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("depot-releves").singleResult();
    }

    @Test
    void theTimerIsSetAgainFiveMinutesAfterEachPoll() {
        doAnswer(sets(BankInbox.MORE, false)).when(inbox).importNext(any());
        long polled = System.currentTimeMillis();

        ProcessInstance poll = startedByTheTimer();

        // R/PT5M: the next poll 5 minutes after this one (the engine's due dates are to the second).
        assertThat(pollTimer().getDuedate().getTime() - polled)
                .isBetween(Duration.ofMinutes(5).minusSeconds(2).toMillis(), Duration.ofMinutes(5).plusSeconds(2).toMillis());
        runtimeService().deleteProcessInstance(poll.getId(), "fin du test");
    }

    @Test
    void importsOneFilePerJobWhileOthersWait() {
        doAnswer(sets(BankInbox.MORE, true)).doAnswer(sets(BankInbox.MORE, false)).when(inbox).importNext(any());

        ProcessInstance poll = startedByTheTimer();
        // Nothing runs in the timer's transaction: each file has a job, and a transaction, of its own.
        assertThat(poll).isWaitingAt("ImporterReleve");
        execute(job("ImporterReleve", poll));
        assertThat(poll).isWaitingAt("ImporterReleve");
        execute(job("ImporterReleve", poll));
        // The missing tasks in a job of their own: a failure there leaves the last file's import committed.
        assertThat(poll).isWaitingAt("CreerTachesManquantes");
        execute(job("CreerTachesManquantes", poll));

        assertThat(poll).isEnded().hasPassedInOrder("Toutes5Minutes", "ImporterReleve", "ResteReleves",
                "ImporterReleve", "ResteReleves", "CreerTachesManquantes", "RelevesImportes");
        verify(inbox, times(2)).importNext(any());
        verify(tasks).startMissing(any());
    }

    @Test
    void aFailedStartOfTheMissingTasksIsRetriedWithTheCycleOfTheDiagram() {
        doAnswer(sets(BankInbox.MORE, false)).when(inbox).importNext(any());
        doThrow(new IllegalStateException("moteur indisponible")).when(tasks).startMissing(any());
        ProcessInstance poll = startedByTheTimer();
        execute(job("ImporterReleve", poll));

        assertThatThrownBy(() -> execute(job("CreerTachesManquantes", poll))).hasMessageContaining("indisponible");
        assertThat(job("CreerTachesManquantes", poll).getRetries()).isEqualTo(2);
        runtimeService().deleteProcessInstance(poll.getId(), "fin du test");
    }

    @Test
    void aFailedImportIsRetriedWithTheCycleOfTheDiagram() {
        doThrow(new IllegalStateException("base indisponible")).when(inbox).importNext(any());
        ProcessInstance poll = startedByTheTimer();

        assertThatThrownBy(() -> execute(job("ImporterReleve", poll))).hasMessageContaining("base indisponible");
        // R3/PT5M: the first failure leaves two retries; the file is back in the folder meanwhile (BankInboxTest).
        assertThat(job("ImporterReleve", poll).getRetries()).isEqualTo(2);
        runtimeService().deleteProcessInstance(poll.getId(), "fin du test");
    }
}
