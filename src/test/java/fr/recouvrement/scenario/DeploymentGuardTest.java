package fr.recouvrement.scenario;

import static fr.recouvrement.scenario.GuardDiagrams.bpmn;
import static fr.recouvrement.scenario.GuardDiagrams.connector;
import static fr.recouvrement.scenario.GuardDiagrams.dmn;
import static fr.recouvrement.scenario.ModelerDeployment.deployAsAnalyst;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.RecouvrementSpringTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What an analyst may deploy from Camunda Modeler (docs/architecture.md §2, «What a diagram may contain»): each
 * refused construct, deployed through the real REST API as an analyst, is answered 400 with the element and the
 * reason, and nothing is deployed; what the shipped diagrams and a well-behaved diagram contain is deployed.
 */
@RecouvrementSpringTest
class DeploymentGuardTest {

    private static final String RUNTIME = "${execution.getClass().forName('java.lang.Runtime')"
            + ".getMethod('getRuntime').invoke(null).exec('touch /tmp/pwned')}";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Value("${recouvrement.connect.registry-url}")
    String registryUrl;

    static Stream<Arguments> refusedConstructs() {
        return Stream.of(
                refused("a script task", bpmn("""
                        <scriptTask id="Calculer" scriptFormat="javascript">
                          <script>java.lang.Runtime.getRuntime().exec('id')</script>
                        </scriptTask>"""), "Calculer", "script task"),
                refused("an execution listener's script", bpmn("""
                        <serviceTask id="Relancer" camunda:expression="${ladderSteps.resumeLadder(execution)}">
                          <extensionElements>
                            <camunda:executionListener event="start">
                              <camunda:script scriptFormat="groovy">'id'.execute()</camunda:script>
                            </camunda:executionListener>
                          </extensionElements>
                        </serviceTask>"""), "Relancer", "script"),
                refused("a script in an input parameter", bpmn("""
                        <userTask id="Appeler">
                          <extensionElements>
                            <camunda:inputOutput>
                              <camunda:inputParameter name="x">
                                <camunda:script scriptFormat="javascript">1 + 1</camunda:script>
                              </camunda:inputParameter>
                            </camunda:inputOutput>
                          </extensionElements>
                        </userTask>"""), "Appeler", "script"),
                refused("a script condition", bpmn("""
                        <exclusiveGateway id="Choix"/>
                        <sequenceFlow id="SiScript" sourceRef="Choix" targetRef="Debut">
                          <conditionExpression language="groovy">'id'.execute() != null</conditionExpression>
                        </sequenceFlow>"""), "SiScript", "script"),
                refused("camunda:class on a service task",
                        bpmn("<serviceTask id=\"Executer\" camunda:class=\"org.example.Evil\"/>"),
                        "Executer", "Java class"),
                refused("a task listener's class", bpmn("""
                        <userTask id="Valider">
                          <extensionElements>
                            <camunda:taskListener event="create" class="org.example.Evil"/>
                          </extensionElements>
                        </userTask>"""), "Valider", "Java class"),
                refused("camunda:delegateExpression",
                        bpmn("<serviceTask id=\"Deleguer\" camunda:delegateExpression=\"${ladderSteps}\"/>"),
                        "Deleguer", "delegate expression"),
                refused("a method of a bean that is no scenario bean",
                        bpmn("<serviceTask id=\"Horloge\" camunda:expression=\"${clock.instant()}\"/>"),
                        "Horloge", "clock.instant(), which is not a scenario step"),
                refused("the runtime service in a listener", bpmn("""
                        <userTask id="Supprimer">
                          <extensionElements>
                            <camunda:executionListener event="start"
                                expression="${runtimeService.deleteProcessInstance(execution.processInstanceId, 'x')}"/>
                          </extensionElements>
                        </userTask>"""), "Supprimer", "not a scenario step"),
                refused("a method of a scenario bean that is not marked",
                        bpmn("<serviceTask id=\"Texte\" camunda:expression=\"${ladderSteps.toString()}\"/>"),
                        "Texte", "ladderSteps.toString(), which is not a scenario step"),
                refused("a variable passed to a step", bpmn("""
                        <serviceTask id="Planifier" camunda:expression="${ladderSteps.planStep(execution, stepName)}"/>"""),
                        "Planifier", "passes stepName"),
                refused("getClass() to java.lang.Runtime from the execution",
                        bpmn("<serviceTask id=\"Evasion\" camunda:expression=\"" + RUNTIME + "\"/>"),
                        "Evasion", "not a scenario step"),
                refused("getClass() to java.lang.Runtime from a string, in a timer", bpmn("""
                        <intermediateCatchEvent id="Attendre">
                          <timerEventDefinition id="Minuteur">
                            <timeDate>${"".getClass().forName("java.lang.Runtime")}</timeDate>
                          </timerEventDefinition>
                        </intermediateCatchEvent>"""), "Attendre", "getClass()"),
                refused("a method call in a sequence flow's condition", bpmn("""
                        <exclusiveGateway id="Choix"/>
                        <sequenceFlow id="SiTroisRelances" sourceRef="Choix" targetRef="Debut">
                          <conditionExpression>${scenario.relanceCount.toString() == '3'}</conditionExpression>
                        </sequenceFlow>"""), "SiTroisRelances", "a condition only compares"),
                refused("a step called in a conditional event", bpmn("""
                        <intermediateCatchEvent id="SiSolde">
                          <conditionalEventDefinition>
                            <condition>${dossierReading.load(execution) == null}</condition>
                          </conditionalEventDefinition>
                        </intermediateCatchEvent>"""), "SiSolde", "a condition only compares"),
                refused("a JavaScript input expression in a decision", "garde.dmn",
                        dmn("", "expressionLanguage=\"javascript\""), "montant-expr", "only use FEEL"),
                refused("JUEL for the whole decision", "garde.dmn",
                        dmn("expressionLanguage=\"juel\"", ""), "Definitions_GardeDecision", "only use FEEL"),
                refused("a connector to an internal address",
                        bpmn(connector("Appeler", "http://169.254.169.254/latest/meta-data/")),
                        "Appeler", "may only call"),
                refused("a CMMN case", "garde.cmmn", "<definitions/>", "garde.cmmn", "CMMN"));
    }

    private static Arguments refused(String construct, String bpmn, String elementId, String reason) {
        return refused(construct, "garde.bpmn", bpmn, elementId, reason);
    }

    private static Arguments refused(String construct, String file, String content, String elementId,
            String reason) {
        return Arguments.of(construct, file, content, elementId, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusedConstructs(String construct, String file, String content, String elementId, String reason)
            throws IOException {
        long deployments = repository.createDeploymentQuery().count();

        ResponseEntity<String> response = deployAsAnalyst(http, file, content);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        assertThat(body.path("message").asText()).contains("Deployment refused", elementId, reason);
        if (!file.endsWith(".cmmn")) {
            assertThat(elementIds(body.path("details").path(file).path("errors"))).contains(elementId);
        }
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aConnectorWhoseAddressAnExpressionCompletesIsRefused() throws IOException {
        // https://registry${suffix} could become https://registry.evil.example: the host must be written out.
        ResponseEntity<String> response = deployAsAnalyst(http, "garde.bpmn",
                bpmn(connector("Prolonger", registryUrl + "${suffix}")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(elementIds(new ObjectMapper().readTree(response.getBody()).path("details").path("garde.bpmn")
                .path("errors"))).containsExactly("Prolonger", "Prolonger");
    }

    /** The ids each error names: its main element, then its element ids. */
    private static List<String> elementIds(JsonNode errors) {
        List<String> ids = new ArrayList<>();
        errors.forEach(error -> {
            ids.add(error.path("mainElementId").asText());
            // Camunda 7.24's ProblemDto spells this field with a Cyrillic "е": match it by its end.
            error.fields().forEachRemaining(field -> {
                if (field.getKey().endsWith("lementIds")) {
                    field.getValue().forEach(id -> ids.add(id.asText()));
                }
            });
        });
        return ids;
    }

    @Test
    void oneRefusedFileRefusesTheWholeDeploymentAndEveryOffenceIsNamed() throws IOException {
        long deployments = repository.createDeploymentQuery().count();
        Map<String, byte[]> files = Map.of(
                "permise.bpmn", GuardDiagrams.allowed(registryUrl).getBytes(),
                "garde.bpmn", bpmn("<serviceTask id=\"Executer\" camunda:class=\"org.example.Evil\"/>"
                        + "<scriptTask id=\"Calculer\" scriptFormat=\"groovy\"><script>1</script></scriptTask>")
                        .getBytes());

        ResponseEntity<String> response = deployAsAnalyst(http, "garde-mixte", files, false);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = new ObjectMapper().readTree(response.getBody()).path("details").path("garde.bpmn")
                .path("errors");
        assertThat(errors.findValuesAsText("mainElementId")).containsExactly("Executer", "Calculer");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("garde-permise").count()).isZero();
    }

    @Test
    void aDiagramThatOnlyCallsStepsIsDeployed() {
        ResponseEntity<String> response = deployAsAnalyst(http, "garde-permise.bpmn",
                GuardDiagrams.allowed(registryUrl));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        repository.deleteDeployment(deploymentId(response), true);
    }

    @Test
    void theShippedDiagramsAndDecisionsPass() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> shipped = Files.list(Path.of("bpmn"))) {
            for (Path file : shipped.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        assertThat(files).containsKeys("recouvrement-amiable.bpmn", "scenario-recouvrement.dmn");

        ResponseEntity<String> response = deployAsAnalyst(http, "bpmn-as-shipped", files, false);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        // Other tests run on the versions ScenarioDeployer deployed: they become the latest again.
        repository.deleteDeployment(deploymentId(response), true);
    }

    private static String deploymentId(ResponseEntity<String> response) {
        try {
            return new ObjectMapper().readTree(response.getBody()).path("id").asText();
        } catch (IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}
