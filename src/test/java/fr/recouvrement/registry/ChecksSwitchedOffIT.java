package fr.recouvrement.registry;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.TestApplications;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A site without internet access switches the public-data checks off: nothing is asked (the registers' URLs point
 * nowhere here, so a call would fail), and the notice's task says plainly that they were not consulted. The whole
 * application runs with its job executor, on today's date.
 */
class ChecksSwitchedOffIT {

    private final Path data = Path.of("target", "postgres", "offline-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void theNoticeGoesToTheKnownAddressAndSaysTheRegistersWereNotConsulted() throws Exception {
        try (ConfigurableApplicationContext app = TestApplications.startDefaultRun(data, Map.of(
                "recouvrement.connect.registry-enabled", "false",
                "recouvrement.connect.bodacc-enabled", "false",
                "recouvrement.connect.registry-url", "http://127.0.0.1:9",
                "recouvrement.connect.bodacc-url", "http://127.0.0.1:9"))) {
            String siren = LedgerFixtures.newSiren();
            LocalDate due = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(31);
            register(app, siren, due);

            Task post = waitForTask(app, "PosterLRAR");
            RuntimeService runtime = app.getBean(RuntimeService.class);
            assertThat(runtime.getVariable(post.getExecutionId(), "registryText").toString())
                    .startsWith("Registre des entreprises non consulté (vérification désactivée)");
            assertThat(runtime.getVariable(post.getExecutionId(), "bodaccText"))
                    .isEqualTo("BODACC non consulté (vérification désactivée).");
            assertThat(runtime.createIncidentQuery().count()).isZero();
            assertThat(app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "select registry_status from recouvrement.debtor where siren = ?", String.class, siren))
                    .isEqualTo("NOT_CONSULTED");
        }
    }

    private static void register(ConfigurableApplicationContext app, String siren, LocalDate due) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        String body = """
                {"number": "%s", "issueDate": "%s", "dueDate": "%s", "amount": "900.00", "currency": "EUR",
                 "debtor": {"name": "Hors Ligne SARL", "siren": "%s", "type": "B2B", "segment": "MAUVAIS_PAYEUR",
                            "email": "compta@hors-ligne.fr",
                            "address": {"line1": "2 rue Basse", "postalCode": "31000", "city": "Toulouse",
                                        "country": "FR"}}}""".formatted(LedgerFixtures.newNumber("OFF"),
                due.minusDays(30), due, siren);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/invoices"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "agent:agent".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** The job executor works through the follow-up, the dossier and the checks; this waits for it, bounded. */
    private static Task waitForTask(ConfigurableApplicationContext app, String key) throws InterruptedException {
        TaskService tasks = app.getBean(TaskService.class);
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            Task task = tasks.createTaskQuery().taskDefinitionKey(key).singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No task " + key + " after 90 s");
    }
}
