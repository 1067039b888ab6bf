package fr.recouvrement.registry;

import static fr.recouvrement.FastEngine.at9;
import static fr.recouvrement.FastEngine.sets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.when;

import fr.recouvrement.DiagramBeans;
import fr.recouvrement.FastEngine;
import fr.recouvrement.FastTest;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/** bpmn/verification-debiteur.bpmn on the fast engine: the company registry, then BODACC, then the way out. */
@FastTest
class VerificationDebiteurFlowTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = FastEngine.extension();

    DiagramBeans.DebtorChecks checks;
    DiagramBeans.DossierReading dossier;

    @BeforeEach
    void deploy() {
        FastEngine.deploy(engine, "verification-debiteur.bpmn");
        checks = FastEngine.mockBean("debtorChecks", DiagramBeans.DebtorChecks.class);
        dossier = FastEngine.mockBean("dossierReading", DiagramBeans.DossierReading.class);
    }

    /** Starts a check, the registers answering as given; both calls run as jobs of their own. */
    ProcessInstance verify(String registryStatus, boolean claimToDeclare) {
        doAnswer(sets("registryStatus", registryStatus, "debtorReview", "NON_REQUISE")).when(checks).consultRegistry(any());
        doAnswer(sets("insolvent", claimToDeclare, "claimToDeclare", claimToDeclare)).when(checks).consultBodacc(any());
        ProcessInstance check = runtimeService().startProcessInstanceByKey("verification-debiteur", "D-1",
                Map.of("debtorName", "Total Négoce"));
        assertThat(check).isWaitingAtExactly("ConsulterRegistre");
        execute(job("ConsulterRegistre", check));
        assertThat(check).isWaitingAtExactly("ConsulterBodacc");
        execute(job("ConsulterBodacc", check));
        return check;
    }

    @Test
    void anActiveCompanyIsVerifiedAfterBothRegisters() {
        ProcessInstance check = verify("ACTIVE", false);

        assertThat(check).isEnded().hasPassedInOrder("ConsulterRegistre", "ConsulterBodacc", "DebiteurVerifie")
                .hasNotPassed("VerifierDebiteur");
        InOrder order = inOrder(checks);
        order.verify(checks).consultRegistry(any());
        order.verify(checks).consultBodacc(any());
    }

    @Test
    void aCollectiveProcedureWinsOverAClosedCompany() {
        assertThat(verify("CLOSED", true)).isEnded().hasPassed("ProcedureCollective").hasNotPassed("EntrepriseFermee");
    }

    @Test
    void aClosedCompanyEndsAsClosed() {
        assertThat(verify("CLOSED", false)).isEnded().hasPassed("EntrepriseFermee").hasNotPassed("DebiteurVerifie");
    }

    @Test
    void aCompanyTheRegistryDoesNotKnowGoesToAnAgent() {
        Date due = at9("2026-11-26");
        when(dossier.taskDue(any())).thenReturn(due);

        ProcessInstance check = verify("UNKNOWN", false);

        assertThat(check).isWaitingAtExactly("VerifierDebiteur");
        assertThat(task("VerifierDebiteur", check)).hasCandidateGroup("agents-recouvrement").hasDueDate(due);
        complete(task("VerifierDebiteur", check), withVariables("debtorReview", "DECISION"));
        assertThat(check).isEnded().hasPassed("VerifieParUnAgent").variables().containsEntry("debtorReview", "DECISION");
    }

    @Test
    void aRegistryThatFailsIsAskedAgainAMinuteLaterNeverGuessed() {
        ClockUtil.setCurrentTime(at9("2026-11-24"));
        doThrow(new IllegalStateException("Registre indisponible")).when(checks).consultRegistry(any());
        ProcessInstance check = runtimeService().startProcessInstanceByKey("verification-debiteur", "D-1");

        assertThatThrownBy(() -> execute(job("ConsulterRegistre", check))).hasMessageContaining("Registre indisponible");

        // The diagram's retry cycle PT1M,PT5M,PT15M,PT1H,PT4H: five more attempts, the first one a minute later.
        Job retry = job("ConsulterRegistre", check);
        assertThat(retry).hasRetries(5).hasDueDate(Date.from(at9("2026-11-24").toInstant().plus(Duration.ofMinutes(1))));
        assertThat(check).isWaitingAtExactly("ConsulterRegistre").hasNotPassed("ConsulterBodacc");
    }
}
