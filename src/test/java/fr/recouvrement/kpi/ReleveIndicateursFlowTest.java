package fr.recouvrement.kpi;

import static fr.recouvrement.FastEngine.at9;
import static fr.recouvrement.FastEngine.sets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import fr.recouvrement.DiagramBeans;
import fr.recouvrement.FastEngine;
import fr.recouvrement.FastTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bpmn/releve-indicateurs.bpmn on the fast engine: a snapshot as it starts, then one at each timer, for ever. */
@FastTest
class ReleveIndicateursFlowTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = FastEngine.extension();

    DiagramBeans.KpiSnapshots snapshots;

    @BeforeEach
    void deploy() {
        FastEngine.deploy(engine, "releve-indicateurs.bpmn");
        snapshots = FastEngine.mockBean("kpiSnapshots", DiagramBeans.KpiSnapshots.class);
        doAnswer(sets("nextSnapshotAt", at9("2026-11-25"))).when(snapshots).planNext(any());
    }

    @Test
    void takesASnapshotAsItStartsThenAtEachTimerAndWaitsAgain() {
        ProcessInstance loop = runtimeService().startProcessInstanceByKey("releve-indicateurs");
        // Nothing runs in the transaction that starts it (the application's start-up).
        assertThat(loop).isWaitingAt("ReleveDemarre");
        execute(job("ReleveDemarre", loop));
        assertThat(loop).isWaitingAtExactly("Prochain6h");
        execute(job("Prochain6h", loop));
        execute(job("Prochain6h", loop));

        assertThat(loop).isNotEnded().isWaitingAtExactly("Prochain6h")
                .hasPassedInOrder("ReleverIndicateurs", "PlanifierReleve", "ReleverIndicateurs", "PlanifierReleve");
        verify(snapshots, times(3)).take(any());
        verify(snapshots, times(3)).planNext(any());
    }

    @Test
    void aFailedSnapshotLeavesTheTimersJobToRetryWithTheCycleOfTheDiagram() {
        ProcessInstance loop = runtimeService().startProcessInstanceByKey("releve-indicateurs");
        execute(job("ReleveDemarre", loop));
        doThrow(new IllegalStateException("base indisponible")).when(snapshots).take(any());

        assertThatThrownBy(() -> execute(job("Prochain6h", loop)))
                .hasMessageContaining("base indisponible");
        // R5/PT5M: the first failure leaves four retries, and the instance still waits at its timer.
        assertThat(job("Prochain6h", loop).getRetries()).isEqualTo(4);
        assertThat(loop).isWaitingAtExactly("Prochain6h");
    }
}
