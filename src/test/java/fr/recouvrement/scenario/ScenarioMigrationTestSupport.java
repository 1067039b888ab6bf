package fr.recouvrement.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Dossiers opened through the real API and run by hand, new versions deployed from the shipped files, and
 * {@code POST /api/scenario/migrate} over real HTTP. The database is shared with the other tests: assertions look only
 * at this test's own dossiers, by their numbers.
 */
abstract class ScenarioMigrationTestSupport extends LedgerTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = new ObjectMapper();

    ScenarioMigrationDeployments deployments;

    @BeforeEach
    void newDeployments() {
        deployments = new ScenarioMigrationDeployments(repository);
    }

    @AfterEach
    void deleteDeployments() {
        deployments.deleteAll();
    }

    /** One invoice of a company of its own, unpaid: its dossier opens and runs what is due today (24 November). */
    ProcessInstance openDossier(String dueDate, String segment) {
        String company = LedgerFixtures.newSiren();
        String invoice = LedgerFixtures.newNumber("MIG");
        fixtures.registerB2b(invoice, company, dueDate, "1500.00", segment);
        driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult()
                .getId());
        ProcessInstance dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey("D-%s-001".formatted(company)).singleResult();
        driver.runDueJobs(dossier.getId());
        return dossier;
    }

    ResponseEntity<String> migrate(String user, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity("/api/scenario/migrate", new HttpEntity<>(body, headers),
                String.class);
    }

    static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }

    /** The numbers of the dossiers listed as not moved, every version together. */
    static List<String> notMoved(JsonNode result) {
        return StreamSupport.stream(result.get("versions").spliterator(), false)
                .flatMap(version -> StreamSupport.stream(version.get("notMoved").spliterator(), false))
                .map(refusal -> refusal.get("dossier").asText()).toList();
    }

    String definitionOf(ProcessInstance dossier) {
        ProcessInstance now = runtime.createProcessInstanceQuery().processInstanceId(dossier.getId()).singleResult();
        assertThat(now).as("dossier %s still running", dossier.getBusinessKey()).isNotNull();
        return now.getProcessDefinitionId();
    }

    static Instant at9(int month, int day) {
        return LocalDateTime.of(2026, month, day, 9, 0).atZone(PARIS).toInstant();
    }

    List<String> communications(ProcessInstance dossier) {
        return jdbc.queryForList("""
                select c.step || '/' || c.status from recouvrement.communication c
                join recouvrement.dossier d on d.id = c.dossier_id where d.number = ? order by c.id""", String.class,
                dossier.getBusinessKey());
    }
}
