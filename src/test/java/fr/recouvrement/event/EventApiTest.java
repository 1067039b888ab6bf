package fr.recouvrement.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import fr.recouvrement.MutableClock;
import fr.recouvrement.dossier.DossierMessages;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** POST /api/invoices/{number}/events: each type, its rules, its effect on the ledger and on the dossier's process. */
class EventApiTest extends LedgerTest {

    private static final LocalDate TODAY = MutableClock.DEFAULT_TODAY;
    private static final String TOMORROW = TODAY.plusDays(1).toString();
    private static final String NEXT_MONTH = TODAY.plusMonths(1).toString();
    private static final String YESTERDAY = TODAY.minusDays(1).toString();


    String invoice(String amount) {
        String number = LedgerFixtures.newNumber("EV");
        fixtures.registerB2b(number, siren, "2026-10-15", amount);
        return number;
    }

    ResponseEntity<JsonNode> post(String invoice, String body) {
        return post("agent", invoice, body);
    }

    ResponseEntity<JsonNode> post(String user, String invoice, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity("/api/invoices/" + invoice + "/events",
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    JsonNode read(String invoice) {
        return http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + invoice, JsonNode.class);
    }

    @Test
    void aDisputeSuspendsTheInvoiceEvenBeforeItJoinsADossier() {
        String number = invoice("300.00");

        ResponseEntity<JsonNode> created = post(number, "{\"type\": \"DISPUTE\", \"reason\": \"Marchandise non livrée\"}");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation().getPath())
                .isEqualTo("/api/invoices/" + number + "/events/" + created.getBody().get("id").asLong());
        assertThat(created.getBody().get("reason").asText()).isEqualTo("Marchandise non livrée");
        assertThat(created.getBody().get("createdBy").asText()).isEqualTo("agent");
        assertThat(read(number).get("status").asText()).isEqualTo("DISPUTED");
        assertThat(read(number).get("stage").asText()).isEqualTo("LITIGE");

        ResponseEntity<JsonNode> again = post(number, "{\"type\": \"DISPUTE\", \"reason\": \"Encore\"}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("déjà en litige");
    }

    @Test
    void aResolvedDisputeResumesOrCancelsTheInvoice() {
        String resumed = invoice("300.00");
        String cancelled = invoice("400.00");
        post(resumed, "{\"type\": \"DISPUTE\", \"reason\": \"Prix contesté\"}");
        post(cancelled, "{\"type\": \"DISPUTE\", \"reason\": \"Doublon\"}");

        ResponseEntity<JsonNode> inconsistent = post("manager", resumed,
                "{\"type\": \"DISPUTE_RESOLVED\", \"justified\": true, \"action\": \"RESUME\"}");
        assertThat(inconsistent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(inconsistent.getBody().get("errors").findValuesAsText("field")).containsExactly("action");

        assertThat(post("manager", resumed, "{\"type\": \"DISPUTE_RESOLVED\", \"justified\": false, \"action\": \"RESUME\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("manager", cancelled, "{\"type\": \"DISPUTE_RESOLVED\", \"justified\": true, \"action\": \"CANCEL\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(read(resumed).get("status").asText()).isEqualTo("OPEN");
        assertThat(read(cancelled).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(read(cancelled).get("stage").asText()).isEqualTo("TERMINE");

        assertThat(post("manager", resumed, "{\"type\": \"DISPUTE_RESOLVED\", \"justified\": false, \"action\": \"RESUME\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void dossierEventsNeedADossier() {
        String number = invoice("300.00");

        for (String body : new String[] {"{\"type\": \"PROMISE\", \"date\": \"" + TOMORROW + "\"}",
                "{\"type\": \"HOLD\", \"reason\": \"Négociation\"}", "{\"type\": \"RELEASE\"}"}) {
            ResponseEntity<JsonNode> response = post(number, body);
            assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.CONFLICT);
            assertThat(response.getBody().get("detail").asText()).contains("aucun dossier");
        }
        assertThat(jdbc.queryForObject("select count(*) from recouvrement.invoice_event e join recouvrement.invoice i"
                + " on i.id = e.invoice_id where i.number = ?", Integer.class, number)).isZero();
    }

    @Test
    void aPromiseAndAHoldShowInTheStage() {
        String number = invoice("300.00");
        fixtures.openDossier("RELANCE_1", "2026-10-15", number);

        assertThat(post(number, "{\"type\": \"PROMISE\", \"date\": \"" + YESTERDAY + "\"}").getBody()
                .get("errors").get(0).get("message").asText()).contains("passée");
        assertThat(post(number, "{\"type\": \"PROMISE\", \"date\": \"" + TOMORROW + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(read(number).get("stage").asText()).isEqualTo("PROMESSE");

        assertThat(post(number, "{\"type\": \"HOLD\", \"reason\": \"Rachat en cours\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(read(number).get("stage").asText()).isEqualTo("SUSPENDU");
        assertThat(post(number, "{\"type\": \"HOLD\", \"reason\": \"Encore\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        assertThat(post(number, "{\"type\": \"RELEASE\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(read(number).get("stage").asText()).isEqualTo("PROMESSE");
        assertThat(post(number, "{\"type\": \"RELEASE\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aPaymentPlanMustCoverExactlyWhatTheDossierOwes() {
        String first = invoice("600.00");
        String second = invoice("400.50");
        fixtures.openDossier("RELANCE_2", "2026-10-15", first, second);

        ResponseEntity<JsonNode> wrongTotal = post(first, """
                {"type": "PAYMENT_PLAN", "instalments": [{"date": "%s", "amount": "500.00"},
                                                         {"date": "%s", "amount": "500.00"}]}""".formatted(TOMORROW, NEXT_MONTH));
        assertThat(wrongTotal.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongTotal.getBody().at("/errors/0/message").asText()).contains("1000.00").contains("1000.50");

        ResponseEntity<JsonNode> unordered = post(first, """
                {"type": "PAYMENT_PLAN", "instalments": [{"date": "%s", "amount": "500.00"},
                                                         {"date": "%s", "amount": "500.50"}]}""".formatted(NEXT_MONTH, TOMORROW));
        assertThat(unordered.getBody().get("errors").findValuesAsText("field")).containsExactly("instalments[1].date");

        ResponseEntity<JsonNode> plan = post(first, """
                {"type": "PAYMENT_PLAN", "instalments": [{"date": "%s", "amount": "500.00"},
                                                         {"date": "%s", "amount": 500.50}]}""".formatted(TOMORROW, NEXT_MONTH));
        assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(plan.getBody().at("/instalments/1/amount").asText()).isEqualTo("500.50");
        assertThat(read(first).get("status").asText()).isEqualTo("PAYMENT_PLAN");
        assertThat(read(second).get("status").asText()).isEqualTo("PAYMENT_PLAN");
        assertThat(read(second).get("stage").asText()).isEqualTo("ECHEANCIER");
    }

    @Test
    void eachRuleNamesItsField() {
        String number = invoice("300.00");

        assertThat(fields(post(number, "{}"))).containsExactly("type");
        assertThat(fields(post(number, "{\"type\": \"APOLOGY\"}"))).containsExactly("type");
        assertThat(fields(post(number, "{\"type\": \"NOTE\"}"))).containsExactly("text");
        assertThat(fields(post(number, "{\"type\": \"DISPUTE\", \"reason\": \"  \"}"))).containsExactly("reason");
        assertThat(fields(post("manager", number, "{\"type\": \"DISPUTE_RESOLVED\"}"))).containsExactly("action", "justified");
        assertThat(fields(post(number, "{\"type\": \"PROMISE\", \"date\": \"2026-02-30\"}"))).containsExactly("date");
        assertThat(fields(post(number, "{\"type\": \"PAYMENT_PLAN\", \"instalments\": []}")))
                .containsExactly("instalments");
        assertThat(fields(post(number, "{\"type\": \"PAYMENT_PLAN\", \"instalments\": [{\"date\": \"" + TOMORROW
                + "\", \"amount\": \"-5\"}]}"))).containsExactly("instalments[0].amount");
    }

    @Test
    void notesAreKeptInOrderWithTheirAuthor() {
        String number = invoice("300.00");
        post(number, "{\"type\": \"NOTE\", \"text\": \"Client joint, rappelle lundi\"}");
        post("manager", number, "{\"type\": \"NOTE\", \"text\": \"Validé\"}");

        JsonNode events = http.withBasicAuth("analyste", "analyste")
                .getForObject("/api/invoices/" + number + "/events", JsonNode.class);

        assertThat(events.findValuesAsText("text")).containsExactly("Client joint, rappelle lundi", "Validé");
        assertThat(events.findValuesAsText("createdBy")).containsExactly("agent", "manager");
    }

    @Test
    void unknownInvoiceAndReadOnlyGroups() {
        assertThat(post("NOPE-EV", "{\"type\": \"NOTE\", \"text\": \"x\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("analyste", invoice("10.00"), "{\"type\": \"NOTE\", \"text\": \"x\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theDossierProcessReceivesTheEvent() {
        String deployment = deployProcessWaitingFor("test-evenement-signale", DossierMessages.EVENT_REPORTED);
        try {
            String number = invoice("300.00");
            String dossier = fixtures.openDossier("RELANCE_1", "2026-10-15", number);
            ProcessInstance instance = runtime.startProcessInstanceByKey("test-evenement-signale", dossier);

            post(number, "{\"type\": \"PROMISE\", \"date\": \"" + TOMORROW + "\"}");

            Map<String, Object> variables = runtime.getVariables(instance.getId());
            assertThat(variables).containsEntry("eventType", "PROMISE").containsEntry("invoiceNumber", number)
                    .containsEntry("promiseDate", TOMORROW);
            assertThat(runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId("Suite").count())
                    .isEqualTo(1);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    private static java.util.List<String> fields(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return response.getBody().get("errors").findValuesAsText("field");
    }
}
