package fr.recouvrement.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * docs/droit-francais.md §5: only the debtor's acknowledgement restarts prescription. A payment plan an agent typed
 * does not; one the debtor signed does, from the day of the signature, for the invoices it covers, unless the invoice
 * was already prescribed that day. Every date is read through GET /api/invoices/{number}. Today is 2026-11-24.
 */
class SignedPaymentPlanTest extends LedgerTest {

    /**
     * One invoice alone in its dossier, performed on {@code performedOn}, then a plan signed on {@code signedOn} (null:
     * typed, not signed).
     */
    record Case(String what, boolean consumer, String performedOn, String signedOn, String expected) {
    }

    @Test
    void aSignedPlanRestartsPrescriptionFromItsSignatureAndATypedOneDoesNot() {
        List<Case> cases = List.of(
                // B2B, 5 years: 2022-03-10 + 5 = 2027-03-10; a typed plan changes nothing.
                new Case("typed, company", false, "2022-03-10", null, "2027-03-10"),
                // Signed 2026-11-20, before 2027-03-10: 2026-11-20 + 5 = 2031-11-20.
                new Case("signed, company", false, "2022-03-10", "2026-11-20", "2031-11-20"),
                // B2C, 2 years: 2025-01-15 + 2 = 2027-01-15; typed: unchanged.
                new Case("typed, consumer", true, "2025-01-15", null, "2027-01-15"),
                // Signed 2026-11-02: 2026-11-02 + 2 = 2028-11-02.
                new Case("signed, consumer", true, "2025-01-15", "2026-11-02", "2028-11-02"),
                // 2024-11-20 + 2 = 2026-11-20, the last day to act: a signature that day still restarts, 2028-11-20.
                new Case("signed on the last day", true, "2024-11-20", "2026-11-20", "2028-11-20"),
                // 2024-11-10 + 2 = 2026-11-10: signed 2026-11-20, after it, revives nothing (Code civil 2240 interrupts
                // a running period only).
                new Case("signed after prescription", true, "2024-11-10", "2026-11-20", "2026-11-10"),
                // A signature before the performance date acknowledges nothing that ran: 2024-02-29 + 2 = 2026-02-28
                // (CPC 641), prescribed; the plan of 2024-01-10 changes nothing.
                new Case("signed before performance", true, "2024-02-29", "2024-01-10", "2026-02-28"));

        for (Case c : cases) {
            String number = LedgerFixtures.newNumber("SP");
            fixtures.register(number, c.performedOn(), c.performedOn(), "300.00",
                    c.consumer() ? consumer() : LedgerFixtures.company(LedgerFixtures.newSiren(), "PME"));
            fixtures.openDossier("RELANCE_1", c.performedOn(), number);
            ResponseEntity<JsonNode> plan = post(number, plan("300.00", c.signedOn()));
            assertThat(plan.getStatusCode()).as(c.what() + ": " + plan.getBody()).isEqualTo(HttpStatus.CREATED);

            assertThat(read(number).get("prescriptionDate").asText()).as(c.what()).isEqualTo(c.expected());
        }
    }

    @Test
    void theSignatureCoversTheInvoicesOfThePlanNotTheDisputedOne() {
        // Three invoices of a company performed 2022-01-31, 2022-02-28, 2022-03-31: prescribed 5 years later. The plan
        // covers the two open ones (250.00 + 150.00 = 400.00), signed 2026-11-16; the third is disputed, outside it.
        String first = LedgerFixtures.newNumber("SP");
        String second = LedgerFixtures.newNumber("SP");
        String disputed = LedgerFixtures.newNumber("SP");
        fixtures.registerB2b(first, siren, "2022-01-31", "250.00");
        fixtures.registerB2b(second, siren, "2022-02-28", "150.00");
        fixtures.registerB2b(disputed, siren, "2022-03-31", "90.00");
        fixtures.openDossier("RELANCE_2", "2022-01-31", first, second, disputed);
        post(disputed, "{\"type\": \"DISPUTE\", \"reason\": \"Prestation contestée\"}");

        ResponseEntity<JsonNode> plan = post(first, plan("400.00", "2026-11-16"));

        assertThat(plan.getStatusCode()).as(plan.getBody().toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(plan.getBody().get("signedOn").asText()).isEqualTo("2026-11-16");
        // 2026-11-16 + 5 = 2031-11-16 for both covered invoices; the disputed one keeps 2022-03-31 + 5 = 2027-03-31.
        assertThat(read(first).get("prescriptionDate").asText()).isEqualTo("2031-11-16");
        assertThat(read(second).get("prescriptionDate").asText()).isEqualTo("2031-11-16");
        assertThat(read(disputed).get("prescriptionDate").asText()).isEqualTo("2027-03-31");
    }

    @Test
    void aSignatureIsDatedAndNotInTheFutureAndARefusedPlanLeavesNothing() {
        String number = LedgerFixtures.newNumber("SP");
        fixtures.registerB2b(number, siren, "2022-03-10", "300.00");
        fixtures.openDossier("RELANCE_1", "2022-03-10", number);
        String instalments = "\"instalments\": [{\"date\": \"2026-12-15\", \"amount\": \"300.00\"}]";

        assertThat(problems(post(number, "{\"type\": \"PAYMENT_PLAN\", " + instalments + ", \"signed\": true}")))
                .containsExactly("signedOn: La date de signature de l'échéancier est obligatoire quand il est signé.");
        assertThat(problems(post(number, "{\"type\": \"PAYMENT_PLAN\", " + instalments
                + ", \"signedOn\": \"2026-11-20\"}")))
                .containsExactly("signedOn: Une date de signature ne vaut que pour un échéancier signé (signed: true).");
        assertThat(problems(post(number, "{\"type\": \"PAYMENT_PLAN\", " + instalments
                + ", \"signed\": true, \"signedOn\": \"2026-11-25\"}")))
                .containsExactly("signedOn: La date de signature, 25/11/2026, est dans le futur : au plus tard"
                        + " aujourd'hui, 24/11/2026.");
        assertThat(problems(post(number, "{\"type\": \"PAYMENT_PLAN\", " + instalments
                + ", \"signed\": true, \"signedOn\": \"20/11/2026\"}")))
                .containsExactly("signedOn: La date de signature « 20/11/2026 » n'est pas une date valide (AAAA-MM-JJ).");

        assertThat(read(number).get("status").asText()).isEqualTo("OPEN");
        assertThat(read(number).get("prescriptionDate").asText()).isEqualTo("2027-03-10");
        assertThat(jdbc.queryForObject("select count(*) from recouvrement.debt_acknowledgement a"
                + " join recouvrement.invoice i on i.id = a.invoice_id where i.number = ?", Integer.class, number))
                .isZero();
    }

    @Test
    void aSignatureReturnedAfterThePlanWasTypedRestartsPrescriptionFromItsDate() {
        // A company's invoice performed 2022-03-10: 2027-03-10. The plan is typed first: unchanged.
        String number = LedgerFixtures.newNumber("SP");
        fixtures.registerB2b(number, siren, "2022-03-10", "300.00");
        fixtures.openDossier("RELANCE_1", "2022-03-10", number);

        ResponseEntity<JsonNode> early = post(number, "{\"type\": \"PLAN_SIGNED\", \"signedOn\": \"2026-11-20\"}");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("detail").asText()).contains("ne suit aucun échéancier");

        post(number, plan("300.00", null));
        assertThat(read(number).get("prescriptionDate").asText()).isEqualTo("2027-03-10");
        assertThat(problems(post(number, "{\"type\": \"PLAN_SIGNED\", \"signedOn\": \"2026-11-25\"}")))
                .containsExactly("signedOn: La date de signature, 25/11/2026, est dans le futur : au plus tard"
                        + " aujourd'hui, 24/11/2026.");

        ResponseEntity<JsonNode> signed = post(number, "{\"type\": \"PLAN_SIGNED\", \"signedOn\": \"2026-11-23\"}");

        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // Signed 2026-11-23, before 2027-03-10: 2026-11-23 + 5 = 2031-11-23.
        assertThat(read(number).get("prescriptionDate").asText()).isEqualTo("2031-11-23");
        assertThat(read(number).get("status").asText()).isEqualTo("PAYMENT_PLAN");
    }

    private static String plan(String amount, String signedOn) {
        String signature = signedOn == null ? "" : ", \"signed\": true, \"signedOn\": \"" + signedOn + "\"";
        return """
                {"type": "PAYMENT_PLAN", "instalments": [{"date": "2026-12-15", "amount": "%s"}]%s}"""
                .formatted(amount, signature);
    }

    private static String consumer() {
        return """
                {"name": "Particulier %s", "type": "B2C", "segment": "PME", "email": "particulier@example.fr",
                 "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}}"""
                .formatted(LedgerFixtures.newNumber("C"));
    }

    private ResponseEntity<JsonNode> post(String invoice, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("agent", "agent").postForEntity("/api/invoices/" + invoice + "/events",
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static List<String> problems(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        List<String> problems = new ArrayList<>();
        response.getBody().get("errors").forEach(e -> problems.add(e.get("field").asText() + ": "
                + e.get("message").asText()));
        return problems;
    }

    private JsonNode read(String invoice) {
        return http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + invoice, JsonNode.class);
    }
}
