package fr.recouvrement.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.RecouvrementSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /api/dossiers/{number} and the communications list. Dossiers and communications are written by the scenario
 * and the outbox (later issues); here they are set up in SQL, exactly as those will store them.
 */
@RecouvrementSpringTest
class DossierApiTest {

    private static final String SIREN = "542107651";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void showsTheDossierWithItsInvoicesAmountsAndCommunications() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String first = "DOS-" + suffix + "-1";
        String second = "DOS-" + suffix + "-2";
        String disputed = "DOS-" + suffix + "-3";
        register(first, "2026-09-30", "1000.00");
        register(second, "2026-10-15", "250.50");
        register(disputed, "2026-10-20", "99.99");
        String dossier = "D-" + SIREN + "-" + suffix;
        long debtorId = jdbc.queryForObject("select debtor_id from recouvrement.invoice where number = ?", Long.class, first);
        long dossierId = jdbc.queryForObject("""
                insert into recouvrement.dossier (number, debtor_id, debtor_type, sequence, status, origin_date, stage)
                values (?, ?, 'B2B', (select coalesce(max(sequence), 0) + 1 from recouvrement.dossier where debtor_id = ?),
                        'OPEN', '2026-09-30', 'RELANCE_1') returning id""", Long.class, dossier, debtorId, debtorId);
        jdbc.update("update recouvrement.invoice set dossier_id = ? where number in (?, ?, ?)", dossierId, first, second, disputed);
        jdbc.update("update recouvrement.invoice set status = 'DISPUTED' where number = ?", disputed);
        jdbc.update("""
                insert into recouvrement.communication (dossier_id, step, channel, status, recipient, subject, sent_at)
                values (?, 'RELANCE_1', 'EMAIL', 'SENT', 'compta@example.fr', 'Relance', now())""", dossierId);
        long invoiceId = jdbc.queryForObject("select id from recouvrement.invoice where number = ?", Long.class, first);
        jdbc.update("""
                insert into recouvrement.communication (invoice_id, step, channel, status, recipient, subject, created_at)
                values (?, 'PRE_ECHEANCE', 'EMAIL', 'SENT', 'compta@example.fr', 'Rappel', now() - interval '1 day')""",
                invoiceId);

        JsonNode view = http.withBasicAuth("manager", "manager").getForObject("/api/dossiers/" + dossier, JsonNode.class);

        assertThat(view.get("originDate").asText()).isEqualTo("2026-09-30");
        assertThat(view.get("stage").asText()).isEqualTo("RELANCE_1");
        assertThat(view.at("/debtor/siren").asText()).isEqualTo(SIREN);
        assertThat(view.get("invoices").findValuesAsText("number")).containsExactly(first, second, disputed);
        assertThat(view.get("amountDue").asText()).isEqualTo("1250.50");
        assertThat(view.get("amountDisputed").asText()).isEqualTo("99.99");
        assertThat(view.get("communications").findValuesAsText("step")).containsExactly("RELANCE_1");

        JsonNode invoice = http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + first, JsonNode.class);
        assertThat(invoice.get("dossier").asText()).isEqualTo(dossier);

        JsonNode communications = http.withBasicAuth("agent", "agent")
                .getForObject("/api/invoices/" + first + "/communications", JsonNode.class);
        assertThat(communications.findValuesAsText("step")).containsExactly("PRE_ECHEANCE", "RELANCE_1");
        assertThat(communications.get(1).get("channel").asText()).isEqualTo("EMAIL");
        assertThat(communications.get(1).get("status").asText()).isEqualTo("SENT");
    }

    @Test
    void unknownDossiersAndInvoicesAre404() {
        ResponseEntity<JsonNode> dossier = http.withBasicAuth("agent", "agent")
                .getForEntity("/api/dossiers/D-000000000-999", JsonNode.class);
        ResponseEntity<JsonNode> communications = http.withBasicAuth("agent", "agent")
                .getForEntity("/api/invoices/NOPE-1/communications", JsonNode.class);

        assertThat(dossier.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(dossier.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(communications.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void register(String number, String dueDate, String amount) {
        String body = """
                {"number": "%s", "issueDate": "2026-09-01", "dueDate": "%s", "amount": "%s", "currency": "EUR",
                 "debtor": {"name": "Total Négoce", "siren": "%s", "type": "B2B", "segment": "GRAND_COMPTE",
                            "email": "compta@example.fr",
                            "address": {"line1": "1 place Jean Millier", "postalCode": "92400", "city": "Courbevoie",
                                        "country": "FR"}}}""".formatted(number, dueDate, amount, SIREN);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth("agent", "agent")
                .postForEntity("/api/invoices", new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
}
