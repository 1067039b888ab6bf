package fr.recouvrement.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.RecouvrementSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
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

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    LedgerFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new LedgerFixtures(http, jdbc);
    }

    @Test
    void showsTheDossierWithItsInvoicesAmountsAndCommunications() {
        String siren = LedgerFixtures.newSiren();
        String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String first = "DOS-" + suffix + "-1";
        String second = "DOS-" + suffix + "-2";
        String disputed = "DOS-" + suffix + "-3";
        fixtures.registerB2b(first, siren, "2026-09-30", "1000.00");
        fixtures.registerB2b(second, siren, "2026-10-15", "250.50");
        fixtures.registerB2b(disputed, siren, "2026-10-20", "99.99");
        String dossier = fixtures.openDossier("RELANCE_1", "2026-09-30", first, second, disputed);
        long dossierId = jdbc.queryForObject("select id from recouvrement.dossier where number = ?", Long.class, dossier);
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
        assertThat(view.at("/debtor/siren").asText()).isEqualTo(siren);
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
}
