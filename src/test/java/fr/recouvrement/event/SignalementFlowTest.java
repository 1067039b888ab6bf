package fr.recouvrement.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processDefinition;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

import fr.recouvrement.DiagramBeans;
import fr.recouvrement.FastEngine;
import fr.recouvrement.FastTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bpmn/signalement.bpmn on the fast engine: an agent's report, passed on to the dossier in the same transaction. */
@FastTest
class SignalementFlowTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = FastEngine.extension();

    DiagramBeans.EventReporting events;

    @BeforeEach
    void deploy() {
        FastEngine.deploy(engine, "signalement.bpmn");
        events = FastEngine.mockBean("eventReporting", DiagramBeans.EventReporting.class);
    }

    ProcessInstance reportAs(String user, Map<String, Object> form) {
        identityService().setAuthenticatedUserId(user);
        try {
            return runtimeService().startProcessInstanceByKey("signalement", form);
        } finally {
            identityService().clearAuthentication();
        }
    }

    @Test
    void theReportGoesToTheDossierWithWhoMadeIt() {
        Map<String, Object> seen = new HashMap<>();
        doAnswer(call -> {
            seen.putAll(call.<DelegateExecution>getArgument(0).getVariables());
            return null;
        }).when(events).report(any());

        ProcessInstance report = reportAs("agent", Map.of("invoiceNumber", "F-1", "eventType", "NOTE", "text", "Duplicata"));

        assertThat(report).isEnded().hasPassedInOrder("EvenementSaisi", "TransmettreEvenement", "EvenementTransmis");
        // The start event names the reporter: the event is recorded as theirs.
        assertThat(seen).containsEntry("initiator", "agent").containsEntry("invoiceNumber", "F-1")
                .containsEntry("eventType", "NOTE");
    }

    @Test
    void aReportTheDossierRefusesStartsNothing() {
        doThrow(new ProcessEngineException("Aucune facture n'a le numéro F-0")).when(events).report(any());

        // No wait state before the report: the agent sees the refusal in Tasklist, and nothing is left behind.
        assertThatThrownBy(() -> reportAs("agent", Map.of("invoiceNumber", "F-0", "eventType", "NOTE")))
                .hasMessageContaining("F-0");
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("signalement").count())
                .isZero();
    }

    @Test
    void agentsStartItFromTasklistWithItsForm() throws IOException {
        assertThat(processDefinition("signalement").isStartableInTasklist()).isTrue();
        try (InputStream form = formService().getDeployedStartForm(processDefinition("signalement").getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"signaler-evenement\"");
        }
    }
}
