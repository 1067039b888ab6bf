package fr.recouvrement.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.RecouvrementSpringTest;
import fr.recouvrement.api.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/invoices/import over real HTTP (docs/api.md). */
@RecouvrementSpringTest
class InvoiceImportTest {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String HEADER = "number,issueDate,dueDate,amount,currency,description,debtorName,siren,type,"
            + "segment,email,phone,line1,line2,postalCode,city,country";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @LocalServerPort
    int port;
    LedgerFixtures fixtures;
    String prefix;

    @Test
    void theVatColumnsAreOptionalAndReadTheFrenchWay() {
        String company = "Dupont & Fils;" + LedgerFixtures.newSiren() + ";B2B;PME;compta@dupont.fr;12 rue de la Paix;75002;Paris;FR";
        String csv = "number;issueDate;dueDate;amount;currency;vatRate;vatOnReceipt;debtorName;siren;type;segment;email;"
                + "line1;postalCode;city;country\n"
                + prefix + "-A;2026-10-01;2026-10-31;100;EUR;5,5;;" + company + "\n"       // 2: decimal comma
                + prefix + "-B;2026-10-01;2026-10-31;100;EUR;;true;" + company + "\n"      // 3: default rate, on receipt
                + prefix + "-C;2026-10-01;2026-10-31;100;EUR;19,999;;" + company + "\n"    // 4: three decimals: refused
                + prefix + "-D;2026-10-01;2026-10-31;100;EUR;10;peut-être;" + company + "\n"; // 5: not a boolean

        JsonNode report = upload(csv).getBody();

        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("rejected")).extracting(r -> r.get("line").asInt(), r -> r.get("field").asText())
                .containsExactlyInAnyOrder(tuple(4, "vatRate"), tuple(5, "vatOnReceipt"));
        JsonNode a = http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + prefix + "-A", JsonNode.class);
        JsonNode b = http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + prefix + "-B", JsonNode.class);
        assertThat(a.get("vatRate").asText() + " " + a.get("vatOnReceipt").asBoolean()).isEqualTo("5.50 false");
        assertThat(b.get("vatRate").asText() + " " + b.get("vatOnReceipt").asBoolean()).isEqualTo("20.00 true");
    }

    @BeforeEach
    void fixtures() {
        fixtures = new LedgerFixtures(http, jdbc);
        prefix = LedgerFixtures.newNumber("IMP");
    }

    ResponseEntity<JsonNode> upload(String user, byte[] body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.withBasicAuth(user, user).postForEntity("/api/invoices/import", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    ResponseEntity<JsonNode> upload(String csv) {
        return upload("agent", csv.getBytes(StandardCharsets.UTF_8), CSV);
    }

    int stored(String number) {
        return jdbc.queryForObject("select count(*) from recouvrement.invoice where number = ?", Integer.class, number);
    }

    @Test
    void importsGoodRowsCountsDuplicatesAndReportsEveryProblemOfTheBadOnes() {
        String siren = LedgerFixtures.newSiren();
        fixtures.registerB2b(prefix + "-K", siren, "2026-10-31", "99.00");
        fixtures.registerB2b(prefix + "-L", siren, "2026-10-31", "99.00");
        String company = "Dupont & Fils;" + siren + ";b2b;PME;compta@dupont.fr;01 23 45 67 89;12 rue de la Paix;;75002;Paris;FR;Léa";
        String known = "Total Négoce;" + siren + ";B2B;GRAND_COMPTE;compta@example.fr;;1 place Jean Millier;;92400;Courbevoie;FR;x";
        String csv = "\uFEFFNumber;IssueDate;DueDate;Amount;Currency;Description;DebtorName;SIREN;Type;Segment;Email;"
                + "Phone;Line1;Line2;PostalCode;City;Country;Commercial\n"
                + prefix + "-A;01/10/2026;31/10/2026;1 234,50;EUR;Maintenance;" + company + "\n"          // 2: imported
                + prefix + "-B;2026-10-01;2026-10-31;350.00;eur;\"Pièces\ndétachées\";" + company + "\n"   // 3-4: imported
                + prefix + "-C;2026-10-01;2026-10-31;10;EUR;;" + company.replace(siren, "552081318") + "\n" // 5: SIREN
                + prefix + "-D;2026-10-01;2026-10-31;-10,00;EUR;;" + company + "\n"                      // 6: amount
                + prefix + "-E;2026-10-01;;10;EUR;;" + company + "\n"                                    // 7: due date
                + prefix + "-F;2026-13-01;2026-10-31;10;EUR;;" + company + "\n"                          // 8: bad date
                + prefix + "-A;01/10/2026;31/10/2026;1234.5;EUR;Maintenance;" + company + "\n"           // 9: duplicate
                + prefix + "-A;01/10/2026;31/10/2026;1300;EUR;Maintenance;" + company + "\n"             // 10: other values
                + prefix + "-K;2026-10-01;2026-10-31;99.00;EUR;;" + known + "\n"                          // 11: already stored
                + prefix + "-L;2026-10-01;2026-10-31;98.00;EUR;;" + known + "\n"                          // 12: stored, other amount
                + "\n"                                                                                   // 13: blank
                + prefix + "-M;2026-10-01;2026-10-31;45;EUR;;Jeanne Martin;;B2C;PME;jeanne@example.fr;;3 rue Haute;;69001;Lyon;FR;\n" // 14
                + prefix + "-N;2026-10-01;2026-10-31;45;EUR;;Jean Petit;;B2C;PME;jean@;;3 rue Haute;;6900;Lyon;FR;\n";   // 15: 2 problems

        ResponseEntity<JsonNode> response = upload(csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = response.getBody();
        assertThat(report.get("imported").asInt()).isEqualTo(3);
        assertThat(report.get("duplicates").asInt()).isEqualTo(2);
        assertThat(report.get("rejected")).extracting(r -> r.get("line").asInt(), r -> r.get("field").asText())
                .containsExactlyInAnyOrder(tuple(5, "SIREN"), tuple(6, "Amount"), tuple(7, "DueDate"),
                        tuple(8, "IssueDate"), tuple(10, "Number"), tuple(12, "Number"), tuple(15, "Email"),
                        tuple(15, "PostalCode"));
        assertThat(messageFor(report, 10)).contains("ligne 2");
        assertThat(messageFor(report, 12)).contains("déjà enregistrée");
        assertThat(messageFor(report, 5)).contains("Luhn");

        for (String imported : new String[] {"-A", "-B", "-M"}) {
            assertThat(stored(prefix + imported)).as(imported).isEqualTo(1);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(prefix + imported).count())
                    .as(imported).isEqualTo(1);
        }
        for (String rejected : new String[] {"-C", "-D", "-E", "-F", "-N"}) {
            assertThat(stored(prefix + rejected)).as(rejected).isZero();
        }
        JsonNode a = http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + prefix + "-A", JsonNode.class);
        assertThat(a.get("amount").asText()).isEqualTo("1234.50");
        assertThat(a.get("issueDate").asText()).isEqualTo("2026-10-01");
        JsonNode b = http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + prefix + "-B", JsonNode.class);
        assertThat(b.get("description").asText()).isEqualTo("Pièces\ndétachées");
        assertThat(b.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void theRetentionOfTitleColumnIsOptionalAndReadAsTrueOrFalseOuiOrNon() {
        String company = "Dupont & Fils;" + LedgerFixtures.newSiren() + ";B2B;PME;compta@dupont.fr;12 rue de la Paix;75002;Paris;FR";
        String csv = "number;issueDate;dueDate;amount;currency;RetentionOfTitle;debtorName;siren;type;segment;email;"
                + "line1;postalCode;city;country\n"
                + prefix + "-A;2026-10-01;2026-10-31;100;EUR;true;" + company + "\n"    // 2
                + prefix + "-B;2026-10-01;2026-10-31;100;EUR;Oui;" + company + "\n"     // 3: as a French sheet writes it
                + prefix + "-C;2026-10-01;2026-10-31;100;EUR;non;" + company + "\n"     // 4
                + prefix + "-D;2026-10-01;2026-10-31;100;EUR;;" + company + "\n"        // 5: empty: no clause
                + prefix + "-E;2026-10-01;2026-10-31;100;EUR;x;" + company + "\n";      // 6: refused

        JsonNode report = upload(csv).getBody();

        assertThat(report.get("imported").asInt()).isEqualTo(4);
        assertThat(report.get("rejected")).extracting(r -> r.get("line").asInt(), r -> r.get("field").asText())
                .containsExactly(tuple(6, "RetentionOfTitle"));
        assertThat(stored(prefix + "-E")).isZero();
        for (String[] row : new String[][] {{"-A", "true"}, {"-B", "true"}, {"-C", "false"}, {"-D", "false"}}) {
            JsonNode read = http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + prefix + row[0],
                    JsonNode.class);
            assertThat(read.get("retentionOfTitle").asText()).as(row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void thePerformanceDateColumnIsOptionalAndReadInBothFormats() {
        String company = "Dupont & Fils;" + LedgerFixtures.newSiren() + ";B2B;PME;compta@dupont.fr;12 rue de la Paix;75002;Paris;FR";
        String csv = "number;issueDate;dueDate;performanceDate;amount;currency;debtorName;siren;type;segment;email;"
                + "line1;postalCode;city;country\n"
                + prefix + "-A;01/10/2026;31/10/2026;15/09/2026;100;EUR;" + company + "\n"   // 2: French: + 5 years
                + prefix + "-B;2026-10-01;2026-10-31;2026-10-20;100;EUR;" + company + "\n"   // 3: ISO, after the issue
                + prefix + "-C;2026-10-01;2026-10-31;;100;EUR;" + company + "\n"             // 4: empty: the issue date
                + prefix + "-D;2026-10-01;2026-10-31;25/11/2026;100;EUR;" + company + "\n"   // 5: tomorrow: refused
                + prefix + "-E;2026-10-01;2026-10-31;2026-02-30;100;EUR;" + company + "\n";  // 6: malformed

        JsonNode report = upload(csv).getBody();

        assertThat(report.get("imported").asInt()).isEqualTo(3);
        assertThat(report.get("rejected")).extracting(r -> r.get("line").asInt(), r -> r.get("field").asText())
                .containsExactlyInAnyOrder(tuple(5, "performanceDate"), tuple(6, "performanceDate"));
        assertThat(stored(prefix + "-D") + stored(prefix + "-E")).isZero();
        // Performed 2026-09-15, 2026-10-20, or not given (issued 2026-10-01): five years later between professionals.
        for (String[] row : new String[][] {{"-A", "2026-09-15", "2031-09-15"}, {"-B", "2026-10-20", "2031-10-20"},
                {"-C", "2026-10-01", "2031-10-01"}}) {
            JsonNode read = http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + prefix + row[0],
                    JsonNode.class);
            assertThat(read.get("performanceDate").asText()).as(row[0]).isEqualTo(row[1]);
            assertThat(read.get("prescriptionDate").asText()).as(row[0]).isEqualTo(row[2]);
        }
    }

    @Test
    void aRowWhoseSegmentTheScenarioDoesNotNameIsRejectedOnItsColumn() {
        String header = "Number;IssueDate;DueDate;Amount;Currency;DebtorName;Type;SEGMENT;Email;Line1;PostalCode;City;Country";
        String csv = header + "\n"
                + prefix + "-A;2026-10-01;2026-10-31;45;EUR;Jeanne Martin;B2C;fidele;jeanne@example.fr;3 rue Haute;69001;Lyon;FR\n"
                + prefix + "-B;2026-10-01;2026-10-31;45;EUR;Jean Petit;B2C;VIP;jean@example.fr;3 rue Haute;69001;Lyon;FR\n";

        ResponseEntity<JsonNode> response = upload(csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = response.getBody();
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("rejected")).extracting(r -> r.get("line").asInt(), r -> r.get("field").asText())
                .containsExactly(tuple(3, "SEGMENT"));
        assertThat(messageFor(report, 3)).isEqualTo("Le segment « VIP » est inconnu ; segments connus du scénario de"
                + " recouvrement déployé : FIDELE, GRAND_COMPTE, MAUVAIS_PAYEUR, PME.");
        assertThat(stored(prefix + "-B")).isZero();
        assertThat(http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + prefix + "-A", JsonNode.class)
                .at("/debtor/segment").asText()).isEqualTo("FIDELE");
    }

    private static String messageFor(JsonNode report, int line) {
        for (JsonNode rejection : report.get("rejected")) {
            if (rejection.get("line").asInt() == line) {
                return rejection.get("message").asText();
            }
        }
        throw new AssertionError("no rejection on line " + line);
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedWhole() {
        String csv = "number,issueDate,amount,currency,debtorName,type,segment,email,line1,postalCode,country\n"
                + prefix + "-A,2026-10-01,10,EUR,X,B2C,PME,x@example.fr,1 rue,75001,FR\n";

        ResponseEntity<JsonNode> response = upload(csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("dueDate", "city");
        assertThat(stored(prefix + "-A")).isZero();
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWholeEvenAfterGoodRows() {
        String row = prefix + "-A,2026-10-01,2026-10-31,10,EUR,,Jeanne,,B2C,PME,j@example.fr,,1 rue,,75001,Paris,FR\n";
        String latin1Row = prefix + "-B,2026-10-01,2026-10-31,10,EUR,Réparation,Jeanne,,B2C,PME,j@example.fr,,1 rue,,75001,Paris,FR\n";
        byte[] body = (HEADER + "\n" + row + latin1Row).getBytes(StandardCharsets.ISO_8859_1);

        ResponseEntity<JsonNode> response = upload("agent", body, CSV);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/errors/0/message").asText()).contains("UTF-8").contains("ligne 3");
        assertThat(stored(prefix + "-A")).isZero();
    }

    @Test
    void anEmptyFileIsRefused() {
        ResponseEntity<JsonNode> response = upload("");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/errors/0/message").asText()).contains("vide");
    }

    @Test
    void onlyCsvIsAcceptedAndOnlyByWriters() {
        String csv = HEADER + "\n";
        assertThat(upload("agent", csv.getBytes(StandardCharsets.UTF_8), MediaType.TEXT_PLAIN).getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(upload("analyste", csv.getBytes(StandardCharsets.UTF_8), CSV).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/invoices/import", csv, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> headerOnly = upload(csv);
        assertThat(headerOnly.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(headerOnly.getBody().get("imported").asInt()).isZero();
    }

    @Test
    void aBodyOver50MegabytesIsA413() throws IOException {
        // A raw request that announces 51 MB and sends none of it: the answer comes from the declared length alone.
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/invoices/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString("agent:agent".getBytes())
                    + "\r\nContent-Length: " + 51L * 1024 * 1024 + "\r\n\r\n" + HEADER + "\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            BufferedReader response = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));

            assertThat(response.readLine()).startsWith("HTTP/1.1 413");
            String line;
            boolean problemJson = false;
            while ((line = response.readLine()) != null && !line.isEmpty()) {
                problemJson |= line.toLowerCase().startsWith("content-type: application/problem+json");
            }
            assertThat(problemJson).isTrue();
        }
    }

    @Test
    void theBytesReadAreCountedWhateverTheDeclaredLength() {
        assertThatThrownBy(() -> CsvInvoiceFile.receive(new Zeros(2048), 1024))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void twoThousandRowsInOneRequest() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        String siren = null;
        for (int i = 0; i < 2000; i++) {
            if (i % 5 == 0) {
                siren = LedgerFixtures.newSiren();
            }
            csv.append(prefix).append('-').append(i).append(",2026-10-01,2026-10-31,").append(100 + i).append(".50,EUR")
                    .append(",Facture ").append(i)
                    .append(",Société ").append(siren).append(',').append(siren)
                    .append(",B2B,PME,compta@example.fr,,1 rue du Port,,13002,Marseille,FR\n");
        }

        ResponseEntity<JsonNode> response = upload(csv.toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("imported").asInt()).isEqualTo(2000);
        assertThat(response.getBody().get("rejected")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from recouvrement.invoice where number like ?", Integer.class,
                prefix + "-%")).isEqualTo(2000);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(prefix + "-%").count())
                .isEqualTo(2000);
        assertThat(jdbc.queryForObject("select count(distinct debtor_id) from recouvrement.invoice where number like ?",
                Integer.class, prefix + "-%")).isEqualTo(400);
    }

    /** {@code size} bytes of "0", generated as they are read. */
    private static final class Zeros extends InputStream {

        private long left;

        Zeros(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return '0';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) '0');
            left -= n;
            return n;
        }
    }
}
