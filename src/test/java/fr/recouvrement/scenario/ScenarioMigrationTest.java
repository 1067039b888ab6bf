package fr.recouvrement.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Running dossiers move to the latest diagram version on a manager's request, and go on there. */
class ScenarioMigrationTest extends ScenarioMigrationTestSupport {

    @Test
    void dossiersWaitingForRelance2AndAtTheNoticeMoveKeepTheirDatesAndGoOn() {
        // PME, due 16 November: relance 1 went today, relance 2 waits for 1 December.
        ProcessInstance relance = openDossier("2026-11-16", "PME");
        // Due 15 October: the dossier entered at the notice, waiting for the agents to post it.
        ProcessInstance notice = openDossier("2026-10-15", "PME");
        assertThat(notice).isWaitingAt("PosterLRAR");
        Date escalation = escalationOf(notice);
        String latest = deployments.renamedDiagram();
        // The next morning: a timer computed again on the day of the migration would show it.
        clock.set(LocalDateTime.of(2026, 11, 25, 10, 0).atZone(PARIS).toInstant());

        ResponseEntity<String> response = migrate("manager", "{}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode result = json(response);
        assertThat(result.get("targetProcessDefinitionId").asText()).isEqualTo(latest);
        assertThat(result.get("batch").asBoolean()).isFalse();
        assertThat(result.get("moved").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(notMoved(result)).doesNotContain(relance.getBusinessKey(), notice.getBusinessKey());
        assertThat(definitionOf(relance)).isEqualTo(latest);
        assertThat(definitionOf(notice)).isEqualTo(latest);
        // Timers keep the dates they were given: the step's, and the escalation deadline of the agents' task.
        assertThat(driver.timerDue(relance.getId(), "DateRelance2")).isEqualTo(at9(12, 1));
        assertThat(escalationOf(notice)).isEqualTo(escalation);

        driver.at(LocalDateTime.of(2026, 12, 1, 9, 0), relance.getId());
        assertThat(communications(relance)).containsExactly("RELANCE_1/PENDING", "RELANCE_2/PENDING");
        assertThat(driver.timerDue(relance.getId(), "DateMiseEnDemeure")).isEqualTo(at9(12, 16));

        complete(task("PosterLRAR", notice), withVariables("trackingNumber", "1A 123 456 789 01",
                "postedOn", "2026-11-24"));
        driver.runDueJobs(notice.getId());
        assertThat(notice).isWaitingAt("EnregistrerAR").hasPassed("EnregistrerEnvoi");
        assertThat(jdbc.queryForObject("select status from recouvrement.dossier where number = ?", String.class,
                notice.getBusinessKey())).isEqualTo("NOTICE_SENT");
    }

    @Test
    void aDossierThatCannotMoveStaysAsItWasWithTheReasonWhileTheOthersMove() {
        ProcessInstance relance = openDossier("2026-11-16", "MAUVAIS_PAYEUR");
        ProcessInstance notice = openDossier("2026-10-15", "MAUVAIS_PAYEUR");
        String before = definitionOf(notice);
        // The new version renamed the task the notice waits at: nothing in it matches.
        String latest = deployments.diagram(xml -> ScenarioMigrationDeployments.replaceEvery(xml, "\"PosterLRAR\"",
                "\"PosterLettreRecommandee\""));

        ResponseEntity<String> response = migrate("demo", "{\"segment\": \"mauvais_payeur\", \"redecide\": false}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(definitionOf(relance)).isEqualTo(latest);
        assertThat(definitionOf(notice)).isEqualTo(before);
        JsonNode refusal = StreamSupport.stream(json(response).get("versions").spliterator(), false)
                .flatMap(version -> StreamSupport.stream(version.get("notMoved").spliterator(), false))
                .filter(r -> r.get("dossier").asText().equals(notice.getBusinessKey())).findFirst().orElseThrow();
        assertThat(refusal.get("processInstanceId").asText()).isEqualTo(notice.getId());
        assertThat(refusal.get("reason").asText()).contains("n'a pas d'équivalent dans la version");
        assertThat(refusal.get("details").toString()).contains("PosterLRAR");
        assertThat(json(response).get("notMoved").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(task("PosterLRAR", notice)).isNotNull();
    }

    @Test
    void aSegmentFilterMovesOnlyThatSegmentsDossiers() {
        ProcessInstance fidele = openDossier("2026-11-16", "FIDELE");
        ProcessInstance grandCompte = openDossier("2026-11-16", "GRAND_COMPTE");
        String before = definitionOf(grandCompte);
        String latest = deployments.renamedDiagram();

        ResponseEntity<String> response = migrate("manager", "{\"segment\": \"FIDELE\"}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(response).get("segment").asText()).isEqualTo("FIDELE");
        assertThat(definitionOf(fidele)).isEqualTo(latest);
        assertThat(definitionOf(grandCompte)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyste", "agent", "juriste"})
    void onlyManagersAndAdministratorsMayMoveDossiers(String user) {
        ProcessInstance dossier = openDossier("2026-11-16", "FIDELE");
        String before = definitionOf(dossier);
        deployments.renamedDiagram();

        ResponseEntity<String> response = migrate(user, "{\"segment\": \"FIDELE\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(definitionOf(dossier)).isEqualTo(before);
    }

    @Test
    void anUnknownSegmentIsRefused() {
        ResponseEntity<String> response = migrate("manager", "{\"segment\": \"VIP\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"segment\"", "Segment inconnu");
    }

    private Date escalationOf(ProcessInstance dossier) {
        return management.createJobQuery().processInstanceId(dossier.getId()).activityId("RetardPosterLRAR").timers()
                .singleResult().getDuedate();
    }
}
