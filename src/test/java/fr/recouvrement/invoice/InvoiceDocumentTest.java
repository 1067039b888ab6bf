package fr.recouvrement.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.RecouvrementSpringTest;
import fr.recouvrement.letters.PdfPrinter;
import java.util.Arrays;
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
 * The invoice's own PDF (POST /api/invoices/{n}/document), checked before it is kept, and the debtor's reference
 * (debtorReference), through the JSON API and the CSV import.
 */
@RecouvrementSpringTest
class InvoiceDocumentTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private LedgerFixtures fixtures() {
        return new LedgerFixtures(http, jdbc);
    }

    private ResponseEntity<JsonNode> store(String invoice, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        return http.withBasicAuth("agent", "agent").postForEntity("/api/invoices/" + invoice + "/document",
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static byte[] pdf() {
        return new PdfPrinter().print("<html><body><p>Facture</p></body></html>");
    }

    @Test
    void aPdfIsKeptWithItsInvoiceAndAnythingElseIsRefusedWithItsReason() {
        String invoice = LedgerFixtures.newNumber("DOC");
        fixtures().registerB2b(invoice, LedgerFixtures.newSiren(), "2026-10-31", "120.00");

        ResponseEntity<JsonNode> notPdf = store(invoice, "PK\u0003\u0004 une archive".getBytes());
        assertThat(notPdf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notPdf.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(notPdf.getBody().toString()).contains("document", "n'est pas un PDF");

        byte[] truncated = Arrays.copyOf(pdf(), 40);
        assertThat(store(invoice, truncated).getBody().toString()).contains("illisible");
        assertThat(jdbc.queryForObject("select document is null from recouvrement.invoice where number = ?",
                Boolean.class, invoice)).as("nothing kept after a refusal").isTrue();

        byte[] tooLarge = new byte[InvoiceDocumentController.MAX_BYTES + 1];
        System.arraycopy("%PDF-".getBytes(), 0, tooLarge, 0, 5);
        assertThat(store(invoice, tooLarge).getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);

        assertThat(store("INCONNUE-" + invoice, pdf()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> kept = store(invoice, pdf());
        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(kept.getBody().get("document").asBoolean()).isTrue();
        assertThat(http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + invoice, JsonNode.class)
                .get("document").asBoolean()).isTrue();
    }

    @Test
    void theDebtorsReferenceComesThroughJsonAndCsvAndMayBeLeftOut() {
        String fromJson = LedgerFixtures.newNumber("REF");
        String siren = LedgerFixtures.newSiren();
        String body = """
                {"number": "%s", "issueDate": "2026-10-01", "dueDate": "2026-10-31", "amount": "80.00",
                 "currency": "EUR", "debtorReference": "  BC-2026-118 ",
                 "debtor": {"name": "Référence SA", "siren": "%s", "type": "B2B", "segment": "PME",
                            "email": "compta@reference.fr",
                            "address": {"line1": "1 rue Haute", "postalCode": "75001", "city": "Paris", "country": "FR"}}}
                """.formatted(fromJson, siren);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> created = http.withBasicAuth("agent", "agent").postForEntity("/api/invoices",
                new HttpEntity<>(body, json), JsonNode.class);
        assertThat(created.getStatusCode()).as(created.getBody().toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("debtorReference").asText()).isEqualTo("BC-2026-118");

        ResponseEntity<JsonNode> tooLong = http.withBasicAuth("agent", "agent").postForEntity("/api/invoices",
                new HttpEntity<>(body.replace(fromJson, fromJson + "-L").replace("  BC-2026-118 ", "R".repeat(101)),
                        json), JsonNode.class);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().toString()).contains("debtorReference");

        String withColumn = LedgerFixtures.newNumber("REF");
        String withoutValue = LedgerFixtures.newNumber("REF");
        String csv = "number;issueDate;dueDate;amount;currency;debtorName;siren;type;segment;email;line1;postalCode;"
                + "city;country;debtorReference\n"
                + withColumn + ";01/10/2026;31/10/2026;90,00;EUR;Référence SA;" + siren
                + ";B2B;PME;compta@reference.fr;1 rue Haute;75001;Paris;FR;CPT-7781\n"
                + withoutValue + ";01/10/2026;31/10/2026;91,00;EUR;Référence SA;" + siren
                + ";B2B;PME;compta@reference.fr;1 rue Haute;75001;Paris;FR;\n";
        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> imported = http.withBasicAuth("agent", "agent").postForEntity("/api/invoices/import",
                new HttpEntity<>(csv, text), JsonNode.class);
        assertThat(imported.getBody().get("imported").asInt()).as(imported.getBody().toString()).isEqualTo(2);
        assertThat(http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + withColumn, JsonNode.class)
                .get("debtorReference").asText()).isEqualTo("CPT-7781");
        assertThat(http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + withoutValue, JsonNode.class)
                .get("debtorReference").isNull()).isTrue();
    }
}
