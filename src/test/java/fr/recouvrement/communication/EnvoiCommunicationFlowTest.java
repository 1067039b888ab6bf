package fr.recouvrement.communication;

import static fr.recouvrement.FastEngine.at9;
import static fr.recouvrement.FastEngine.sets;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.recouvrement.DiagramBeans;
import fr.recouvrement.FastEngine;
import fr.recouvrement.FastTest;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bpmn/envoi-communication.bpmn on the fast engine: each outcome of a delivery, and who handles it. */
@FastTest
class EnvoiCommunicationFlowTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = FastEngine.extension();

    static final Date TASK_DUE = at9("2026-11-26");

    DiagramBeans.CommunicationDelivery delivery;
    DiagramBeans.TaskEscalation escalation;

    @BeforeEach
    void deploy() {
        FastEngine.deploy(engine, "envoi-communication.bpmn");
        delivery = FastEngine.mockBean("communicationDelivery", DiagramBeans.CommunicationDelivery.class);
        escalation = FastEngine.mockBean("taskEscalation", DiagramBeans.TaskEscalation.class);
        when(delivery.taskDue(any())).thenReturn(TASK_DUE);
    }

    /** A message handed over, delivered in a job of its own with the outcome given. */
    ProcessInstance deliver(String outcome) {
        doAnswer(sets("deliveryOutcome", outcome)).when(delivery).deliver(any());
        ProcessInstance message = runtimeService().startProcessInstanceByKey("envoi-communication", "D-1");
        // Nothing is sent in the caller's transaction.
        assertThat(message).isWaitingAtExactly("RemettreMessage");
        verify(delivery, never()).deliver(any());
        execute(job("RemettreMessage", message));
        return message;
    }

    @Test
    void anEmailSentEndsTheDelivery() {
        assertThat(deliver("SENT")).isEnded().hasPassed("MessageRemis").hasNotPassed("PosterCourrier", "VerifierEnvoi");
    }

    @Test
    void aMessageNoLongerOwedIsCancelled() {
        assertThat(deliver("CANCELLED")).isEnded().hasPassed("MessageAnnule").hasNotPassed("MessageRemis");
    }

    @Test
    void aLetterIsPrintedAndPostedByAnAgentAndItsDelayReportedToTheManagers() {
        ProcessInstance letter = deliver("LETTER");

        assertThat(letter).isWaitingAtExactly("PosterCourrier");
        assertThat(task("PosterCourrier", letter)).hasCandidateGroup("agents-recouvrement").hasDueDate(TASK_DUE);
        // The delay timer falls on the task's due date; it reports, and leaves the task to the agents.
        assertThat(job("RetardPosterCourrier", letter)).hasDueDate(TASK_DUE);
        execute(job("RetardPosterCourrier", letter));
        execute(job("SignalerRetardPosterCourrier", letter));
        verify(escalation).escalate(any(), eq("PosterCourrier"));
        assertThat(letter).hasPassed("RetardSignalePosterCourrier").isWaitingAtExactly("PosterCourrier");

        complete(task("PosterCourrier", letter), withVariables("postedOn", "2026-11-24", "trackingNumber", "1A"));
        execute(job("EnregistrerEnvoiCourrier", letter));
        verify(delivery).recordPosted(any());
        assertThat(letter).isEnded().hasPassed("CourrierPoste");
    }

    @Test
    void aPostingDateTheListenerRefusesLeavesTheLetterToPostWithNothingRecorded() {
        ProcessInstance letter = deliver("LETTER");
        doThrow(new ProcessEngineException("La date de dépôt à la Poste, 25/11/2026, est dans le futur"))
                .doNothing().when(delivery).checkPostingDate(any());

        assertThatThrownBy(() -> complete(task("PosterCourrier", letter), withVariables("postedOn", "25/11/2026")))
                .hasMessageContaining("est dans le futur");
        assertThat(letter).isWaitingAtExactly("PosterCourrier").variables().doesNotContainKey("postedOn");

        complete(task("PosterCourrier", letter), withVariables("postedOn", "24/11/2026"));
        assertThat(letter).isWaitingAtExactly("EnregistrerEnvoiCourrier");
        verify(delivery, times(2)).checkPostingDate(any());
        verify(delivery, never()).recordPosted(any());
    }

    @Test
    void anUncertainEmailConfirmedAsSentIsNotSentAgain() {
        ProcessInstance uncertain = deliver("UNKNOWN");

        assertThat(uncertain).isWaitingAtExactly("VerifierEnvoi");
        assertThat(task("VerifierEnvoi", uncertain)).hasCandidateGroup("agents-recouvrement").hasDueDate(TASK_DUE);
        complete(task("VerifierEnvoi", uncertain), withVariables("verification", "ENVOYE"));
        execute(job("AppliquerVerification", uncertain));

        assertThat(uncertain).isEnded().hasPassed("EnvoiConfirme").hasNotPassed("MessageRemis");
        verify(delivery).applyVerification(any());
        verify(delivery, times(1)).deliver(any());
    }

    @Test
    void anUncertainEmailIsSentAgainOnlyWhenAnAgentSaysSo() {
        ProcessInstance uncertain = deliver("UNKNOWN");
        complete(task("VerifierEnvoi", uncertain), withVariables("verification", "RENVOYER"));
        execute(job("AppliquerVerification", uncertain));

        // Back to delivery, again in a job of its own.
        assertThat(uncertain).isWaitingAtExactly("RemettreMessage");
        doAnswer(sets("deliveryOutcome", "SENT")).when(delivery).deliver(any());
        execute(job("RemettreMessage", uncertain));

        assertThat(uncertain).isEnded().hasPassed("MessageRemis");
        verify(delivery, times(2)).deliver(any());
    }
}
