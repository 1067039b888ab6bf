package fr.recouvrement.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.MutableClock;
import fr.recouvrement.RecouvrementSpringTest;
import fr.recouvrement.bank.ReconciliationTasks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /api/debtors/{id}/export: a debtor with rows in every table of the export gets all of them back, with the engine
 * history of their processes, and nothing of another debtor who has rows in the same tables.
 */
@RecouvrementSpringTest
class AccessExportTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    Person camille;
    Person other;

    /** A consumer with a dossier of one invoice, a second invoice outside it, and a row in every table. */
    record Person(long debtorId, String name, String email, String dossier, String invoice, String looseInvoice,
            String note, long communicationId, byte[] pdf) {
    }

    @BeforeEach
    void twoDebtorsWithDataEverywhere() {
        camille = person("Camille Export");
        other = person("Dominique Autre");
    }

    @Test
    void anAdministratorGetsEveryTableOfTheDebtorAndTheEngineHistoryAndNothingOfAnother() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("demo", "demo")
                .getForEntity("/api/debtors/" + camille.debtorId() + "/export", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode export = response.getBody();
        assertThat(export.get("debtorId").asLong()).isEqualTo(camille.debtorId());
        assertThat(export.get("exportedBy").asText()).isEqualTo("demo");
        JsonNode ledger = export.get("ledger");
        for (AccessExportTables.Table table : AccessExportTables.TABLES) {
            assertThat(ledger.get(table.name())).as(table.name() + ": the debtor has rows there").isNotEmpty();
        }
        assertThat(ledger.get("debtor").get(0).get("name").asText()).isEqualTo(camille.name());
        assertThat(ledger.get("debtor").get(0).get("email").asText()).isEqualTo(camille.email());
        assertThat(ledger.get("dossier").findValuesAsText("number")).containsExactly(camille.dossier());
        assertThat(ledger.get("invoice").findValuesAsText("number"))
                .containsExactly(camille.invoice(), camille.looseInvoice());
        assertThat(ledger.get("payment").findValuesAsText("amount")).containsExactly("10.00");
        // The call note, with its free text, as the agent typed it.
        assertThat(ledger.get("invoice_event").get(0).at("/payload/comment").asText()).isEqualTo(camille.note());

        // A PDF is listed with its size and the link that serves it, not inlined; the link works.
        JsonNode letter = ledger.get("communication").get(0);
        assertThat(letter.get("body").asText()).contains(camille.name());
        assertThat(letter.at("/pdf/sizeBytes").asLong()).isEqualTo(camille.pdf().length);
        String href = letter.at("/pdf/href").asText();
        assertThat(href).isEqualTo("/api/dossiers/" + camille.dossier() + "/communications/"
                + camille.communicationId() + "/pdf");
        assertThat(http.withBasicAuth("demo", "demo").getForObject(href, byte[].class)).isEqualTo(camille.pdf());
        JsonNode reminder = ledger.get("communication").get(1);
        assertThat(reminder.at("/pdf/href").asText()).startsWith("/api/invoices/" + camille.looseInvoice()
                + "/communications/");
        assertThat(ledger.get("invoice").get(0).at("/document/href").asText())
                .isEqualTo("/api/invoices/" + camille.invoice() + "/document");
        assertThat(ledger.get("invoice").get(1).get("document").isNull()).isTrue();
        assertThat(ledger.get("dossier_document").get(0).at("/content/href").asText())
                .startsWith("/api/dossiers/" + camille.dossier() + "/documents/");
        assertThat(ledger.get("judicial_file").get(0).at("/pdf/href").asText())
                .isEqualTo("/api/dossiers/" + camille.dossier() + "/judicial-file");
        assertThat(ledger.get("judicial_file").get(0).at("/content/debtor").asText()).isEqualTo(camille.name());

        // The engine: each invoice's suivi-facture, the signalement that named an invoice, with comments and operations.
        JsonNode history = export.get("engineHistory");
        assertThat(history.findValuesAsText("businessKey")).contains(camille.invoice(), camille.looseInvoice());
        assertThat(history.findValuesAsText("processDefinitionKey")).contains("suivi-facture", "signalement",
                "rapprochement-encaissement");
        assertThat(history.findValues("comments").stream().flatMap(c -> c.findValuesAsText("message").stream()))
                .contains("Rappeler après 18 h : " + camille.name());
        assertThat(history.findValues("userOperations").stream()
                .flatMap(o -> o.findValuesAsText("userId").stream())).contains("demo");
        assertThat(history.findValues("variables").stream().flatMap(v -> v.findValuesAsText("value").stream()))
                .contains(camille.invoice());
        // A JSON variable comes as JSON, not as a string of it.
        JsonNode followUp = history.findParents("businessKey").stream()
                .filter(instance -> instance.get("businessKey").asText().equals(camille.invoice())).findFirst()
                .orElseThrow();
        JsonNode rappel = followUp.get("variables").findParents("name").stream()
                .filter(variable -> variable.get("name").asText().equals("rappel")).findFirst().orElseThrow();
        assertThat(rappel.at("/value/qui").asText()).isEqualTo(camille.name());
        assertThat(followUp.get("attachments").findValuesAsText("description")).containsExactly("Lettre du débiteur");

        String text = export.toString();
        for (String theirs : List.of(other.name(), other.email(), other.dossier(), other.invoice(),
                other.looseInvoice(), other.note())) {
            assertThat(text).as("another debtor's data").doesNotContain(theirs);
        }
    }

    @Test
    void onlyAnAdministratorMayExportAndAnUnknownDebtorIsNotFound() {
        for (String user : List.of("agent", "manager", "analyste", "juriste")) {
            ResponseEntity<JsonNode> refused = http.withBasicAuth(user, user)
                    .getForEntity("/api/debtors/" + camille.debtorId() + "/export", JsonNode.class);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody().toString()).doesNotContain(camille.name());
        }
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/debtors/" + camille.debtorId() + "/export",
                JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        long unknown = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from recouvrement.debtor", Long.class);
        ResponseEntity<JsonNode> notFound = http.withBasicAuth("demo", "demo")
                .getForEntity("/api/debtors/" + unknown + "/export", JsonNode.class);
        assertThat(notFound.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notFound.getBody().get("detail").asText())
                .isEqualTo("Aucun débiteur n'a l'identifiant " + unknown + ".");
    }

    private Person person(String fullName) {
        String tag = LedgerFixtures.newNumber("X");
        String name = fullName + " " + tag;
        String email = tag.toLowerCase() + "@example.fr";
        String invoice = LedgerFixtures.newNumber("EXP");
        String looseInvoice = LedgerFixtures.newNumber("EXP");
        String consumer = """
                {"name": "%s", "type": "B2C", "segment": "PME", "email": "%s",
                 "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}}"""
                .formatted(name, email);
        LedgerFixtures fixtures = new LedgerFixtures(http, jdbc);
        fixtures.register(invoice, "2026-09-30", "250.00", consumer);
        fixtures.register(looseInvoice, "2026-12-15", "90.00", consumer);
        String dossier = fixtures.openDossier("RELANCE_1", "2026-09-30", invoice);
        fixtures.pay(invoice, "VIR-" + tag, "10.00", MutableClock.DEFAULT_TODAY);
        long debtorId = jdbc.queryForObject("select debtor_id from recouvrement.invoice where number = ?", Long.class,
                invoice);
        long dossierId = jdbc.queryForObject("select id from recouvrement.dossier where number = ?", Long.class,
                dossier);
        long invoiceId = jdbc.queryForObject("select id from recouvrement.invoice where number = ?", Long.class,
                invoice);
        long looseInvoiceId = jdbc.queryForObject("select id from recouvrement.invoice where number = ?", Long.class,
                looseInvoice);
        byte[] pdf = ("%PDF-1.7\n% relance de " + tag + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        String note = "Le débiteur dit que sa fille paiera " + tag;

        // Rows as their owners store them, in every table the export reads.
        jdbc.update("update recouvrement.invoice set document = ? where id = ?", pdf, invoiceId);
        jdbc.update("insert into recouvrement.dossier_stage (dossier_id, stage, entered_at) values (?, 'RELANCE_1', now())",
                dossierId);
        long callId = jdbc.queryForObject("""
                insert into recouvrement.invoice_event (invoice_id, dossier_id, type, payload, created_by)
                values (?, ?, 'CALL', cast(? as jsonb), 'agent') returning id""", Long.class, invoiceId, dossierId,
                "{\"comment\": \"" + note + "\", \"answeredBy\": \"" + name + "\"}");
        jdbc.update("insert into recouvrement.debt_acknowledgement (invoice_id, event_id, acknowledged_on) "
                + "values (?, ?, date '2026-11-20')", invoiceId, callId);
        long communicationId = jdbc.queryForObject("""
                insert into recouvrement.communication (dossier_id, step, channel, status, recipient, subject, body, pdf,
                    pdf_name)
                values (?, 'RELANCE_1', 'EMAIL', 'SENT', ?, 'Relance', ?, ?, 'releve.pdf') returning id""", Long.class,
                dossierId, email, "Bonjour " + name + ", sauf erreur de notre part…", pdf);
        jdbc.update("""
                insert into recouvrement.communication (invoice_id, step, channel, status, recipient, body, pdf)
                values (?, 'PRE_ECHEANCE', 'EMAIL', 'SENT', ?, 'Rappel', ?)""", looseInvoiceId, email, pdf);
        jdbc.update("""
                insert into recouvrement.dossier_document (dossier_id, file_name, media_type, size_bytes, content,
                    uploaded_by)
                values (?, 'echeancier.pdf', 'application/pdf', ?, ?, 'agent')""", dossierId, pdf.length, pdf);
        jdbc.update("""
                insert into recouvrement.judicial_file (dossier_id, route, pdf, created_at, content)
                values (?, 'INJONCTION_DE_PAYER', ?, now(), cast(? as jsonb))""", dossierId, pdf,
                "{\"debtor\": \"" + name + "\"}");
        jdbc.update("""
                insert into recouvrement.write_off (dossier_id, invoice_id, balance, vat_rate, vat_on_receipt,
                    amount_excluding_vat, vat_recoverable, recorded_at)
                values (?, ?, 240.00, 20.00, false, 200.00, 40.00, now())""", dossierId, invoiceId);
        long bankEntryId = jdbc.queryForObject("""
                insert into recouvrement.bank_entry (account, entry_key, key_kind, line_no, message_type, paid_on, amount,
                    payer_name, payer_iban, remittance, status, debtor_id, explanation)
                values ('FR7630006000011234567890189', ?, 'ACCOUNT_SERVICER_REF', 1, 'camt.053.001.08',
                    date '2026-11-24', 10.00, ?, 'FR7610107001011234567890129', ?, 'MATCHED', ?, 'Facture citée')
                returning id""", Long.class, "REF-" + tag, name, "Facture " + invoice, debtorId);
        // The task an agent matched it with, which showed the payer's name and IBAN.
        runtime.startProcessInstanceByKey("rapprochement-encaissement", ReconciliationTasks.businessKey(bankEntryId),
                Map.of("bankEntryId", bankEntryId));

        // The engine: a note left on the invoice's process, a variable an administrator set, a signalement.
        ProcessInstance followUp = runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice)
                .singleResult();
        tasks.createComment(null, followUp.getId(), "Rappeler après 18 h : " + name);
        identity.setAuthentication("demo", List.of("camunda-admin"));
        try {
            runtime.setVariable(followUp.getId(), "rappel", Spin.JSON("{\"heure\": \"18 h\", \"qui\": \"" + name
                    + "\"}"));
        } finally {
            identity.clearAuthentication();
        }
        tasks.createAttachment("application/pdf", null, followUp.getId(), "courrier-" + tag + ".pdf",
                "Lettre du débiteur", new ByteArrayInputStream(pdf));
        runtime.startProcessInstanceByKey("signalement", Map.of("eventType", "NOTE", "invoiceNumber", invoice,
                "text", note + " (signalement)"));
        return new Person(debtorId, name, email, dossier, invoice, looseInvoice, note, communicationId, pdf);
    }
}
