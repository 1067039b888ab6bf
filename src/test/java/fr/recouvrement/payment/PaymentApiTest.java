package fr.recouvrement.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import fr.recouvrement.MutableClock;
import fr.recouvrement.dossier.DossierMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Payments and credit notes over real HTTP: idempotency, settlement, validation, the PaiementRecu message. */
class PaymentApiTest extends LedgerTest {

    private static final String TODAY = MutableClock.DEFAULT_TODAY.toString();


    String invoice(String amount) {
        String number = LedgerFixtures.newNumber("PAY");
        fixtures.registerB2b(number, siren, "2026-10-31", amount);
        return number;
    }

    ResponseEntity<JsonNode> pay(String invoice, String reference, String amount, String date, String type) {
        return pay("agent", invoice, """
                {"reference": "%s", "amount": "%s", "date": "%s", "type": "%s"}""".formatted(reference, amount, date, type));
    }

    ResponseEntity<JsonNode> pay(String user, String invoice, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity("/api/invoices/" + invoice + "/payments",
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    JsonNode read(String invoice) {
        return http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + invoice, JsonNode.class);
    }

    @Test
    void aPartialPaymentThenTheRestSettleTheInvoice() {
        String number = invoice("1000.00");

        ResponseEntity<JsonNode> partial = pay(number, "VIR-1", "400.00", "2026-11-10", "PAYMENT");

        assertThat(partial.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(partial.getHeaders().getLocation()).hasPath("/api/invoices/" + number + "/payments/VIR-1");
        assertThat(partial.getBody().get("amount").asText()).isEqualTo("400.00");
        assertThat(read(number).get("paid").asText()).isEqualTo("400.00");
        assertThat(read(number).get("balance").asText()).isEqualTo("600.00");
        assertThat(read(number).get("status").asText()).isEqualTo("OPEN");
        // A partial payment acknowledges the debt: prescription restarts from its date.
        assertThat(read(number).get("prescriptionDate").asText()).isEqualTo("2031-11-10");

        pay(number, "VIR-2", "600.00", TODAY, "PAYMENT");

        JsonNode settled = read(number);
        assertThat(settled.get("balance").asText()).isEqualTo("0.00");
        assertThat(settled.get("status").asText()).isEqualTo("PAID");
        assertThat(settled.get("stage").asText()).isEqualTo("TERMINE");
    }

    @Test
    void aCreditNoteCoveringTheWholeInvoiceCancelsIt() {
        String number = invoice("250.00");

        assertThat(pay(number, "AV-1", "250.00", TODAY, "CREDIT_NOTE").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode cancelled = read(number);
        assertThat(cancelled.get("credited").asText()).isEqualTo("250.00");
        assertThat(cancelled.get("paid").asText()).isEqualTo("0.00");
        assertThat(cancelled.get("balance").asText()).isEqualTo("0.00");
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        // The claim is withdrawn: no penalty, no indemnity.
        assertThat(cancelled.get("penalties").asText()).isEqualTo("0.00");
        assertThat(cancelled.get("indemnity").asText()).isEqualTo("0.00");
    }

    @Test
    void aCreditNoteAndAPaymentTogetherSettleIt() {
        String number = invoice("300.00");
        pay(number, "AV-1", "100.00", "2026-11-01", "CREDIT_NOTE");
        pay(number, "VIR-1", "200.00", TODAY, "PAYMENT");

        assertThat(read(number).get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void aPaymentOnASettledInvoiceIsRecordedWithAWarning() {
        String number = invoice("100.00");
        pay(number, "VIR-1", "100.00", TODAY, "PAYMENT");

        ResponseEntity<JsonNode> extra = pay(number, "VIR-2", "100.00", TODAY, "PAYMENT");

        assertThat(extra.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(extra.getBody().get("warnings").get(0).asText()).contains("déjà soldée");
        assertThat(read(number).get("balance").asText()).isEqualTo("-100.00");
    }

    @Test
    void theSameReferenceAgainChangesNothingAnotherBodyIsAConflict() {
        String number = invoice("1000.00");
        ResponseEntity<JsonNode> first = pay(number, "CHQ-7", "100.00", TODAY, "PAYMENT");

        ResponseEntity<JsonNode> again = pay(number, "CHQ-7", "100.00", TODAY, "PAYMENT");
        ResponseEntity<JsonNode> other = pay(number, "CHQ-7", "150.00", TODAY, "PAYMENT");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getBody().get("errors").findValuesAsText("field")).containsExactly("amount");
        assertThat(read(number).get("paid").asText()).isEqualTo("100.00");
    }

    @Test
    void concurrentPostsOfOnePaymentStoreOneRowAndConcurrentPaymentsSettleTogether() throws Exception {
        String number = invoice("800.00");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> pay(number, "SAME", "100.00", TODAY, "PAYMENT").getStatusCode().value());
            }
            for (int i = 0; i < 7; i++) {
                String reference = "PART-" + i;
                calls.add(() -> pay(number, reference, "100.00", TODAY, "PAYMENT").getStatusCode().value());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(8);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(7);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from recouvrement.payment p join recouvrement.invoice i"
                + " on i.id = p.invoice_id where i.number = ? and p.reference = 'SAME'", Integer.class, number)).isEqualTo(1);
        assertThat(read(number).get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void eachRuleNamesItsField() {
        String number = invoice("100.00");

        assertThat(fields(pay("agent", number, "{}"))).containsExactly("reference", "amount", "date");
        assertThat(fields(pay(number, "R", "0", TODAY, "PAYMENT"))).containsExactly("amount");
        assertThat(fields(pay(number, "R", "10.001", TODAY, "PAYMENT"))).containsExactly("amount");
        assertThat(fields(pay(number, "R", "10.00", "2026-11-31", "PAYMENT"))).containsExactly("date");
        assertThat(fields(pay(number, "R", "10.00", "2026-11-25", "PAYMENT"))).containsExactly("date");
        assertThat(fields(pay(number, "R", "10.00", TODAY, "CASH"))).containsExactly("type");
        assertThat(fields(pay(number, "R".repeat(101), "10.00", TODAY, "PAYMENT"))).containsExactly("reference");
    }

    @Test
    void listsAndReadsPaymentsAndAnswers404ForTheUnknown() {
        String number = invoice("1000.00");
        pay(number, "B", "20.00", "2026-11-20", "PAYMENT");
        pay(number, "A", "10.00", "2026-11-02", "CREDIT_NOTE");

        JsonNode list = http.withBasicAuth("juriste", "juriste")
                .getForObject("/api/invoices/" + number + "/payments", JsonNode.class);
        JsonNode one = http.withBasicAuth("agent", "agent")
                .getForObject("/api/invoices/" + number + "/payments/A", JsonNode.class);

        assertThat(list.findValuesAsText("reference")).containsExactly("A", "B");
        assertThat(one.get("type").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(http.withBasicAuth("agent", "agent").getForEntity("/api/invoices/" + number + "/payments/Z",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(pay("NOPE-PAY", "X", "1.00", TODAY, "PAYMENT").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void readOnlyGroupsMayNotRecordPayments() {
        String number = invoice("100.00");
        String body = "{\"reference\": \"R\", \"amount\": \"1.00\", \"date\": \"" + TODAY + "\"}";

        assertThat(pay("analyste", number, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/invoices/" + number + "/payments", body, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theDossierProcessReceivesPaiementRecu() {
        String deployment = deployProcessWaitingFor("test-paiement-recu", DossierMessages.PAYMENT_RECEIVED);
        try {
            String number = invoice("500.00");
            String dossier = fixtures.openDossier("RELANCE_1", "2026-10-31", number);
            ProcessInstance instance = runtime.startProcessInstanceByKey("test-paiement-recu", dossier);

            pay(number, "VIR-9", "500.00", TODAY, "PAYMENT");

            Map<String, Object> variables = runtime.getVariables(instance.getId());
            assertThat(variables).containsEntry("invoiceNumber", number).containsEntry("amount", "500.00")
                    .containsEntry("type", "PAYMENT").containsEntry("settled", true);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    private static List<String> fields(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return response.getBody().get("errors").findValuesAsText("field");
    }
}
