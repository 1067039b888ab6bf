package fr.recouvrement.privacy;

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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/conservation-donnees.bpmn on the fast engine: started by its nightly timer, one batch per job until a batch
 * comes back not full.
 */
@FastTest
class ConservationDonneesFlowTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = FastEngine.extension();

    DiagramBeans.PersonalDataRetention retention;

    @BeforeEach
    void deploy() {
        FastEngine.deploy(engine, "conservation-donnees.bpmn");
        retention = FastEngine.mockBean("personalDataRetention", DiagramBeans.PersonalDataRetention.class);
    }

    private Job nightlyTimer() {
        return managementService().createJobQuery().processDefinitionKey("conservation-donnees").timers()
                .singleResult();
    }

    private ProcessInstance startedByTheTimer() {
        managementService().executeJob(nightlyTimer().getId());
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("conservation-donnees")
                .singleResult();
    }

    @Test
    void theTimerFiresEveryNightAtHalfPastTwo() {
        ZonedDateTime due = nightlyTimer().getDuedate().toInstant().atZone(ZoneId.systemDefault());

        // A cron follows the JVM's zone (the container's): the hour does not matter, once a night does.
        assertThat(due.getHour()).isEqualTo(2);
        assertThat(due.getMinute()).isEqualTo(30);
    }

    @Test
    void runsBatchesEachInItsOwnJobUntilOneIsNotFull() {
        doAnswer(sets(PersonalDataRetention.MORE, true)).doAnswer(sets(PersonalDataRetention.MORE, false))
                .when(retention).anonymiseExpired(any());

        ProcessInstance night = startedByTheTimer();
        // Nothing runs in the timer's transaction: the first batch is a job of its own, and so is the next.
        assertThat(night).isWaitingAt("AnonymiserLot");
        execute(job("AnonymiserLot", night));
        assertThat(night).isWaitingAt("AnonymiserLot");
        execute(job("AnonymiserLot", night));

        assertThat(night).isEnded().hasPassedInOrder("ChaqueNuit", "AnonymiserLot", "ResteDonnees", "AnonymiserLot",
                "ResteDonnees", "DonneesAnonymisees");
        verify(retention, times(2)).anonymiseExpired(any());
        assertThat(nightlyTimer()).as("the next night's timer").isNotNull();
    }

    @Test
    void aFailedBatchIsRetriedWithTheCycleOfTheDiagram() {
        doThrow(new IllegalStateException("base indisponible")).when(retention).anonymiseExpired(any());
        ProcessInstance night = startedByTheTimer();

        assertThatThrownBy(() -> execute(job("AnonymiserLot", night))).hasMessageContaining("base indisponible");
        // R5/PT5M: the first failure leaves four retries; nothing is lost, the batch runs again.
        assertThat(job("AnonymiserLot", night).getRetries()).isEqualTo(4);
        runtimeService().deleteProcessInstance(night.getId(), "fin du test");
    }
}
