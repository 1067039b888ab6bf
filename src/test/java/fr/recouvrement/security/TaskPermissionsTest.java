package fr.recouvrement.security;

import static fr.recouvrement.security.CollectionGroups.AGENTS;
import static fr.recouvrement.security.CollectionGroups.LEGAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.communication.MailTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who sees and who works a task, as Tasklist asks it (the user and their groups authenticated): every collection
 * group sees the tasks of the collection processes; only the task's candidates claim and complete it.
 */
class TaskPermissionsTest extends MailTest {

    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;

    ProcessInstance dossier;
    Task call;

    @BeforeEach
    void aConciliationCallForTheAgents() {
        dossier = openDossier(b2bDebtor("Droits Des Tâches", "PME"), "2026-11-16", newInvoice(), "900.00");
        call = task("AppelConciliation", dossier);
    }

    @Test
    void anAgentFindsTheCallInTheGroupsListClaimsAndCompletesIt() {
        List<Task> list = as("agent", AGENTS, () -> tasks.createTaskQuery().taskCandidateGroup(AGENTS)
                .processInstanceId(dossier.getId()).orderByDueDate().asc().listPage(0, 15));
        assertThat(list).extracting(Task::getId).containsExactly(call.getId());

        as("agent", AGENTS, () -> {
            tasks.claim(call.getId(), "agent");
            tasks.complete(call.getId(), Map.of("callOutcome", "REFUS"));
            return null;
        });

        assertThat(dossier).hasPassed("ConciliationFaite");
    }

    @Test
    void anotherGroupSeesTheCallButMayNeitherClaimNorCompleteIt() {
        assertThat(as("juriste", LEGAL, () -> tasks.createTaskQuery().processInstanceId(dossier.getId()).listPage(0, 50)))
                .extracting(Task::getId).containsExactly(call.getId());

        assertThatThrownBy(() -> as("juriste", LEGAL, () -> {
            tasks.claim(call.getId(), "juriste");
            return null;
        })).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> as("juriste", LEGAL, () -> {
            tasks.complete(call.getId(), Map.of("callOutcome", "PAS_DE_REPONSE"));
            return null;
        })).isInstanceOf(AuthorizationException.class);
        assertThat(dossier).isWaitingAt("AppelConciliation");
    }

    @Test
    void theCandidateGroupsOwnAuthorizationOnTheTaskGrantsWorkNotRead() {
        // READ per task would make every task-list query join one authorization row per open task
        // (docs/performance.md): the groups read tasks through READ_TASK on the process definitions instead.
        Authorization own = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(call.getId()).groupIdIn(AGENTS).singleResult();

        assertThat(own.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        assertThat(own.isPermissionGranted(Permissions.READ)).isFalse();
    }

    @Test
    void theTaskSaysWhoseDossierItIsAbout() {
        assertThat(call.getName()).isEqualTo("Appel de conciliation — Droits Des Tâches");
    }

    @Test
    void anAgentsTaskListShowsTheDebtorTheDossierAndTheAmount() throws Exception {
        // As Tasklist asks it: the shared filter's list, as HAL, with the variables the filter declares.
        String filterId = new ObjectMapper().readTree(http.withBasicAuth("agent", "agent")
                .getForObject("/engine-rest/filter?name=Mon équipe&firstResult=0&maxResults=1", String.class)).get(0).path("id").asText();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        ResponseEntity<String> list = http.withBasicAuth("agent", "agent").postForEntity(
                "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50",
                new HttpEntity<>("{\"processInstanceId\": \"" + dossier.getId() + "\"}", headers), String.class);

        assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, String> shown = new HashMap<>();
        new ObjectMapper().readTree(list.getBody()).path("_embedded").path("task").forEach(task -> task
                .path("_embedded").path("variable")
                .forEach(variable -> shown.put(variable.path("name").asText(), variable.path("value").asText())));
        assertThat(shown).containsEntry("debtorName", "Droits Des Tâches")
                .containsEntry("dossierNumber", dossierNumber(dossier));
        assertThat(shown.get("amountDueText")).as("the amount as agents read it").isEqualTo("900,00\u00A0€");
    }

    private <T> T as(String user, String group, Supplier<T> work) {
        identity.setAuthentication(user, List.of(group));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
