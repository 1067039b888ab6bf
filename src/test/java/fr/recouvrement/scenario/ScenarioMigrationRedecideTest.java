package fr.recouvrement.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A new decision table moves relance 2 from J+15 to J+20. A moved dossier that waits for relance 2 takes the new date
 * only when asked to decide its scenario again; otherwise it keeps the scenario it decided when it opened.
 */
class ScenarioMigrationRedecideTest extends ScenarioMigrationTestSupport {

    private ProcessInstance dossier;
    private String latest;

    @BeforeEach
    void aDossierWaitsForRelance2ThenTheScenarioChanges() {
        // FIDELE, due Monday 16 November (J): relance 1 went today, relance 2 at J+15, Tuesday 1 December.
        dossier = openDossier("2026-11-16", "FIDELE");
        assertThat(driver.timerDue(dossier.getId(), "DateRelance2")).isEqualTo(at9(12, 1));
        deployments.decision(dmn -> ScenarioMigrationDeployments.replaceEvery(dmn, "-out3\"><text>15</text>",
                "-out3\"><text>20</text>"));
        latest = deployments.renamedDiagram();
    }

    @Test
    void redecidedTheDossierWaitsForTheNewDateOfRelance2() {
        ResponseEntity<String> response = migrate("manager", "{\"segment\": \"FIDELE\", \"redecide\": true}");
        driver.runDueJobs(dossier.getId());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(definitionOf(dossier)).isEqualTo(latest);
        JsonNode redecision = StreamSupport.stream(json(response).get("redecisions").spliterator(), false)
                .filter(r -> r.get("dossier").asText().equals(dossier.getBusinessKey())).findFirst().orElseThrow();
        assertThat(redecision.get("outcome").asText()).isEqualTo("REPLANNED");
        assertThat(scenario()).containsEntry("relance2Day", 20).containsEntry("relance1Day", 7);
        // J+20 is Sunday 6 December: Monday 7, 09:00. Nothing went out on the way.
        assertThat(driver.timerDue(dossier.getId(), "DateRelance2")).isEqualTo(at9(12, 7));
        driver.at(LocalDateTime.of(2026, 12, 1, 9, 0), dossier.getId());
        assertThat(communications(dossier)).containsExactly("RELANCE_1/PENDING");
        driver.at(LocalDateTime.of(2026, 12, 7, 9, 0), dossier.getId());
        assertThat(communications(dossier)).containsExactly("RELANCE_1/PENDING", "RELANCE_2/PENDING");
    }

    @Test
    void withoutRedecideTheDossierKeepsTheScenarioItOpenedWith() {
        ResponseEntity<String> response = migrate("manager", "{\"segment\": \"FIDELE\"}");
        driver.runDueJobs(dossier.getId());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(response).get("redecisions")).isEmpty();
        assertThat(definitionOf(dossier)).isEqualTo(latest);
        assertThat(scenario()).containsEntry("relance2Day", 15);
        assertThat(driver.timerDue(dossier.getId(), "DateRelance2")).isEqualTo(at9(12, 1));
    }

    @Test
    void aDossierWhoseFiguresDoNotChangeIsLeftAsItWas() {
        // Deployed last, the shipped table (a harmless change) is the latest again: relance 2 back at J+15.
        deployments.decision(dmn -> ScenarioMigrationDeployments.replaceEvery(dmn, "exporterVersion=\"5.31.0\"",
                "exporterVersion=\"5.31.1\""));

        ResponseEntity<String> response = migrate("manager", "{\"segment\": \"FIDELE\", \"redecide\": true}");

        assertThat(StreamSupport.stream(json(response).get("redecisions").spliterator(), false)
                .filter(r -> r.get("dossier").asText().equals(dossier.getBusinessKey()))
                .map(r -> r.get("outcome").asText())).containsExactly("UNCHANGED");
        assertThat(driver.timerDue(dossier.getId(), "DateRelance2")).isEqualTo(at9(12, 1));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scenario() {
        return (Map<String, Object>) runtime.getVariable(dossier.getId(), "scenario");
    }
}
