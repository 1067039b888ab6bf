package fr.recouvrement.invoice;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.RecouvrementSpringTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The placeholder "suivi-facture" deployed from bpmn/, until the scenario issue replaces it. */
@RecouvrementSpringTest
class SuiviFactureProcessTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    FormService forms;

    @Test
    void anAgentChecksTheInvoiceThenTheFollowUpEnds() throws IOException {
        ProcessInstance instance = runtime.startProcessInstanceByKey("suivi-facture", "F-2026-0001");

        // Started asynchronously: the caller's transaction only stores the job.
        assertThat(instance).isWaitingAt("FactureEnregistree");
        execute(job());
        assertThat(instance).isWaitingAt("VerifierFacture");
        assertThat(task()).hasCandidateGroup("agents-recouvrement");
        // formRef binding "latest" finds the Camunda Form deployed from forms/.
        try (InputStream form = forms.getDeployedTaskForm(task().getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"verifier-facture\"");
        }
        complete(task(), withVariables("factureConforme", true));

        assertThat(instance).hasPassed("VerifierFacture").isEnded();
    }
}
