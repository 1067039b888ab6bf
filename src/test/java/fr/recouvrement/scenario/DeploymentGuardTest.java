package fr.recouvrement.scenario;

import static fr.recouvrement.scenario.GuardDiagrams.bpmn;
import static fr.recouvrement.scenario.GuardDiagrams.connector;
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

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Value("${recouvrement.connect.registry-url}")
    String registryUrl;

    @ParameterizedTest(name = "{0}")
    @MethodSource("fr.recouvrement.scenario.RefusedConstructs#all")
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
