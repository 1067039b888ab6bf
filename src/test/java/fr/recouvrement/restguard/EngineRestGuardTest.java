package fr.recouvrement.restguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.recouvrement.communication.MailTest;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/**
 * What arrives through the engine's REST API is checked on the server, at both roots: {@code /engine-rest} with HTTP
 * Basic, and the webapps' {@code /camunda/api/engine}, which Tasklist calls with its session. Over real HTTP, as the
 * test's users. Today is the test clock's day; the invoice fell due on Monday 16 November 2026.
 */
class EngineRestGuardTest extends MailTest {

    private static final String ENGINE_REST = "/engine-rest";
    private static final String TASKLIST_ROOT = "/camunda/api/engine/engine/default";

    @Autowired
    HistoryService history;

    ProcessInstance dossier;
    String invoice;

    @BeforeEach
    void aDossierWaitingForItsConciliationCall() {
        invoice = newInvoice();
        dossier = openDossier(b2bDebtor("Garde Du Moteur", "PME"), "2026-11-16", invoice, "900.00");
        assertThat(dossier).isWaitingAt("AppelConciliation");
    }

    @Test
    void anAgentMayNotResolveADisputeByStartingSignalementAtEitherRoot() {
        String body = variables(Map.of("invoiceNumber", invoice, "eventType", "DISPUTE_RESOLVED"));
        long before = signalements();

        ResponseEntity<String> engineRest = basic("agent", HttpMethod.POST,
                ENGINE_REST + "/process-definition/key/signalement/start", body);
        ResponseEntity<String> tasklist = tasklist("agent", HttpMethod.POST,
                TASKLIST_ROOT + "/process-definition/key/signalement/submit-form", body);

        for (ResponseEntity<String> refused : new ResponseEntity[] {engineRest, tasklist}) {
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).contains("\"message\":\"Seul un responsable recouvrement peut signaler"
                    + " l'événement DISPUTE_RESOLVED");
        }
        assertThat(signalements()).as("nothing started").isEqualTo(before);
    }

    @Test
    void anAgentReportsADisputeFromTasklistAsTheAuthenticatedUser() {
        ResponseEntity<String> started = tasklist("agent", HttpMethod.POST,
                TASKLIST_ROOT + "/process-definition/key/signalement/submit-form",
                variables(Map.of("invoiceNumber", invoice, "eventType", "DISPUTE", "reason", "Livraison incomplète")));

        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("""
                select e.type || '/' || e.created_by from recouvrement.invoice_event e
                join recouvrement.invoice i on i.id = e.invoice_id where i.number = ?""", String.class, invoice))
                .isEqualTo("DISPUTE/agent");
    }

    @Test
    void theAuthorIsNeverAVariable() {
        ResponseEntity<String> refused = basic("agent", HttpMethod.POST,
                ENGINE_REST + "/process-definition/key/signalement/start", variables(Map.of("invoiceNumber", invoice,
                        "eventType", "NOTE", "text", "Au nom d'un autre", "initiator", "manager")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("l'auteur est toujours l'utilisateur authentifié");
    }

    @Test
    void aTaskCompletedWithTheScenarioIsRefusedAtBothRootsAndTheProcessKeepsItsOwn() {
        Task call = claimedCall();
        Object scenario = runtime.getVariable(dossier.getId(), "scenario");
        String body = variables(Map.of("callOutcome", "REFUS", "scenario", "TRES_DOUX"));

        ResponseEntity<String> engineRest = basic("agent", HttpMethod.POST,
                ENGINE_REST + "/task/" + call.getId() + "/complete", body);
        ResponseEntity<String> tasklist = tasklist("agent", HttpMethod.POST,
                TASKLIST_ROOT + "/task/" + call.getId() + "/submit-form", body);
        // The path as the REST resources read it, decoded: a completion still. (A ;parameter is refused earlier, by
        // Spring Security's firewall.)
        ResponseEntity<String> disguised = http.withBasicAuth("agent", "agent").exchange(RequestEntity
                .post(URI.create(ENGINE_REST + "/task/" + call.getId() + "/%63omplete"))
                .contentType(MediaType.APPLICATION_JSON).body(body), String.class);

        for (ResponseEntity<String> refused : new ResponseEntity[] {engineRest, tasklist, disguised}) {
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).contains("La variable « scenario » appartient au processus");
        }
        assertThat(scenario).as("the dossier has a scenario to protect").isNotNull();
        assertThat(runtime.getVariable(dossier.getId(), "scenario")).isEqualTo(scenario);
        assertThat(dossier).isWaitingAt("AppelConciliation");
    }

    @Test
    void aTaskAcceptsOnlyTheFieldsItsFormSubmits() {
        Task call = claimedCall();

        // debtorPhone is on the form, disabled: shown to the agent, never submitted by it.
        ResponseEntity<String> refused = basic("agent", HttpMethod.POST,
                ENGINE_REST + "/task/" + call.getId() + "/complete",
                variables(Map.of("callOutcome", "REFUS", "debtorPhone", "06 00 00 00 00", "priority", "1")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Les variables « debtorPhone », « priority » ne sont pas des champs"
                + " modifiables du formulaire de la tâche");

        ResponseEntity<String> completed = tasklist("agent", HttpMethod.POST,
                TASKLIST_ROOT + "/task/" + call.getId() + "/submit-form",
                variables(Map.of("callOutcome", "REFUS", "callComment", "Refus net")));
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(dossier).hasPassed("ConciliationFaite");
    }

    @Test
    void aPlanOf25InstalmentsIsRefusedThroughTheListAndTheFormsCount() {
        Task call = claimedCall();
        tasks.complete(call.getId(), Map.of("callOutcome", "ECHEANCIER"));
        Task plan = task("EtablirEcheancier", dossier);
        tasks.claim(plan.getId(), "agent");
        // 25 monthly instalments of 36.00 EUR: 25 × 36.00 = 900.00, what is owed; only their number is wrong.
        String list = IntStream.rangeClosed(1, 25).mapToObj(month -> "{\\\"date\\\": \\\"%s\\\", \\\"amount\\\": \\\"36.00\\\"}"
                .formatted(java.time.LocalDate.of(2027, 1, 15).plusMonths(month - 1)))
                .collect(Collectors.joining(", ", "[", "]"));

        ResponseEntity<String> asList = basic("agent", HttpMethod.POST,
                ENGINE_REST + "/task/" + plan.getId() + "/complete",
                "{\"variables\": {\"instalments\": {\"value\": \"" + list + "\", \"type\": \"Json\"}}}");
        ResponseEntity<String> asCount = tasklist("agent", HttpMethod.POST,
                TASKLIST_ROOT + "/task/" + plan.getId() + "/submit-form", variables(Map.of("instalmentCount", "25")));

        for (ResponseEntity<String> refused : new ResponseEntity[] {asList, asCount}) {
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains("Un échéancier compte au plus 24 échéances ; celui-ci en a 25.");
        }
        assertThat(dossier).isWaitingAt("EtablirEcheancier");
    }

    @Test
    void settingAProcessVariableOrCorrelatingAMessageIsAnAdministratorsAtBothRoots() {
        String variable = "{\"value\": \"TRES_DOUX\", \"type\": \"String\"}";
        Object scenario = runtime.getVariable(dossier.getId(), "scenario");

        ResponseEntity<String> engineRest = basic("agent", HttpMethod.PUT,
                ENGINE_REST + "/process-instance/" + dossier.getId() + "/variables/scenario", variable);
        ResponseEntity<String> tasklist = tasklist("manager", HttpMethod.PUT,
                TASKLIST_ROOT + "/process-instance/" + dossier.getId() + "/variables/scenario", variable);
        ResponseEntity<String> message = basic("manager", HttpMethod.POST, ENGINE_REST + "/message",
                "{\"messageName\": \"EvenementSignale\", \"businessKey\": \"" + dossierNumber(dossier) + "\"}");

        for (ResponseEntity<String> refused : new ResponseEntity[] {engineRest, tasklist, message}) {
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).contains("Seul un administrateur peut modifier les variables");
        }
        assertThat(runtime.getVariable(dossier.getId(), "scenario")).isEqualTo(scenario);
        assertThat(basic("demo", HttpMethod.PUT,
                ENGINE_REST + "/process-instance/" + dossier.getId() + "/variables/note", variable).getStatusCode())
                .as("an administrator still may").isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void throughTheApiOnlyAManagerResolvesADispute() {
        String dispute = "{\"type\": \"DISPUTE\", \"reason\": \"Prix contesté\"}";
        String resolution = "{\"type\": \"DISPUTE_RESOLVED\", \"justified\": false, \"action\": \"RESUME\"}";
        assertThat(basic("agent", HttpMethod.POST, "/api/invoices/" + invoice + "/events", dispute).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<String> agent = basic("agent", HttpMethod.POST, "/api/invoices/" + invoice + "/events",
                resolution.replace("DISPUTE_RESOLVED", "dispute_resolved"));
        ResponseEntity<String> manager = basic("manager", HttpMethod.POST, "/api/invoices/" + invoice + "/events",
                resolution);

        assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(agent.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(agent.getBody()).contains("Seul un responsable recouvrement peut signaler");
        assertThat(manager.getStatusCode()).as(manager.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aPlanOf25InstalmentsIsRefusedThroughTheApi() {
        String instalments = IntStream.rangeClosed(1, 25).mapToObj(month -> "{\"date\": \"%s\", \"amount\": \"36.00\"}"
                .formatted(java.time.LocalDate.of(2027, 1, 15).plusMonths(month - 1)))
                .collect(Collectors.joining(", ", "[", "]"));

        ResponseEntity<String> refused = basic("agent", HttpMethod.POST, "/api/invoices/" + invoice + "/events",
                "{\"type\": \"PAYMENT_PLAN\", \"instalments\": " + instalments + "}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Au plus 24 échéances.");
    }

    private Task claimedCall() {
        Task call = task("AppelConciliation", dossier);
        tasks.claim(call.getId(), "agent");
        return call;
    }

    private long signalements() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("signalement").count();
    }

    /** The engine REST body of string variables. */
    private static String variables(Map<String, String> values) {
        return values.entrySet().stream()
                .map(entry -> "\"%s\": {\"value\": \"%s\", \"type\": \"String\"}".formatted(entry.getKey(),
                        entry.getValue()))
                .collect(Collectors.joining(", ", "{\"variables\": {", "}}"));
    }

    private ResponseEntity<String> basic(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** As Tasklist calls it: the session of the user's login, its anti-CSRF token in the header. */
    private ResponseEntity<String> tasklist(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = logIn(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private HttpHeaders logIn(String user) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        String xsrf = cookie(page, "XSRF-TOKEN");
        HttpHeaders login = new HttpHeaders();
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        login.add("X-XSRF-TOKEN", xsrf);
        login.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + "; JSESSIONID=" + cookie(page, "JSESSIONID"));
        ResponseEntity<String> loggedIn = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>("username=" + user + "&password=" + user, login), String.class);
        assertThat(loggedIn.getStatusCode()).as(loggedIn.getBody()).isEqualTo(HttpStatus.OK);
        String session = cookie(loggedIn, "JSESSIONID");
        HttpHeaders next = new HttpHeaders();
        next.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
        String token = cookie(http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(next),
                String.class), "XSRF-TOKEN");
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + token);
        headers.add("X-XSRF-TOKEN", token);
        return headers;
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, header.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("No cookie " + name));
    }
}
