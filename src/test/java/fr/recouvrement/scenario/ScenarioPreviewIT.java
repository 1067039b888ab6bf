package fr.recouvrement.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.TestApplications;
import fr.recouvrement.calendar.BusinessCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A candidate scenario tried on a portfolio built for the test, in an application of its own so that no other test's
 * dossier counts in the totals: relance 1 moves from J+7 to J+10 for the PME companies, and nothing else moves.
 */
class ScenarioPreviewIT {

    private static ConfigurableApplicationContext app;
    private static TestRestTemplate http;
    private static BusinessCalendar calendar;
    /** J of every dossier: due three days before the application's "today". */
    private static LocalDate origin;
    private static final List<String> PME = new ArrayList<>();
    private static String largeAccount;

    @BeforeAll
    static void portfolio() {
        app = TestApplications.startFresh("preview");
        http = TestApplications.http(app);
        calendar = app.getBean(BusinessCalendar.class);
        // Noon on a business day, so that the dossiers' first steps are due whatever day the test runs.
        LocalDate today = calendar.onOrAfter(LocalDate.now().plusDays(1));
        move(today);
        origin = today.minusDays(3);
        LedgerFixtures fixtures = new LedgerFixtures(http, app.getBean(JdbcTemplate.class));
        for (int i = 0; i < 3; i++) {
            String siren = LedgerFixtures.newSiren();
            fixtures.registerB2b("PRV-" + siren, siren, origin.toString(), "1500.00", "PME");
            PME.add("D-" + siren + "-001");
        }
        String siren = LedgerFixtures.newSiren();
        fixtures.registerB2b("PRV-" + siren, siren, origin.toString(), "1500.00", "GRAND_COMPTE");
        largeAccount = "D-" + siren + "-001";
        TestApplications.runDueJobs(app);
    }

    @AfterAll
    static void stop() {
        app.close();
        ClockUtil.reset();
    }

    @AfterEach
    void checkNothingWasDeployed() {
        assertThat(app.getBean(RepositoryService.class).createDeploymentQuery().count())
                .as("a preview deploys nothing").isEqualTo(1);
    }

    private static void move(LocalDate day) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("demo", "demo").postForEntity("/api/simulation/clock",
                new HttpEntity<>("{\"date\": \"" + day + "\"}", headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static ResponseEntity<String> preview(String user, byte[] scenario) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("scenario", new ByteArrayResource(scenario) {
            @Override
            public String getFilename() {
                return "scenario-recouvrement.dmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).postForEntity("/api/scenario/preview", new HttpEntity<>(parts, headers),
                String.class);
    }

    private static byte[] relanceOneAtJPlusTenForPme() throws IOException {
        String dmn = Files.readString(Path.of("bpmn", "scenario-recouvrement.dmn"));
        for (String rule : List.of("r-pme-b2b-out2", "r-pme-b2b-big-out2")) {
            String shipped = "<outputEntry id=\"" + rule + "\"><text>7</text>";
            assertThat(dmn).contains(shipped);
            dmn = dmn.replace(shipped, "<outputEntry id=\"" + rule + "\"><text>10</text>");
        }
        return dmn.getBytes(StandardCharsets.UTF_8);
    }

    /** The ladder of a PME: relances at J+r1 and J+15, the notice at J+30, each 5 days after the one before. */
    private static List<LocalDate> ladder(int relanceOneDay) {
        LocalDate r1 = calendar.onOrAfter(origin.plusDays(relanceOneDay));
        LocalDate r2 = calendar.onOrAfter(later(origin.plusDays(15), r1.plusDays(5)));
        LocalDate notice = calendar.onOrAfter(later(origin.plusDays(30), r2.plusDays(5)));
        return List.of(r1, r2, notice);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    @Test
    void relanceOneMovesForThePmeDossiersOnly() throws IOException {
        ResponseEntity<String> response = preview("analyste", relanceOneAtJPlusTenForPme());
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode report = new ObjectMapper().readTree(response.getBody());

        Map<String, JsonNode> dossiers = new HashMap<>();
        report.path("dossiers").forEach(d -> dossiers.put(d.path("number").asText(), d));
        assertThat(dossiers).containsOnlyKeys(PME.get(0), PME.get(1), PME.get(2), largeAccount);
        for (String number : PME) {
            assertThat(dates(dossiers.get(number).path("current"))).isEqualTo(ladder(7));
            assertThat(dates(dossiers.get(number).path("candidate"))).isEqualTo(ladder(10));
        }
        JsonNode large = dossiers.get(largeAccount);
        assertThat(dates(large.path("candidate"))).isEqualTo(dates(large.path("current")));
        assertThat(large.path("current").path("steps")).extracting(s -> s.path("step").asText())
                .containsExactly("RELANCE_1", "RELANCE_2", "RELANCE_3", "MISE_EN_DEMEURE");
        assertThat(report.path("nextStepMoves")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(PME);

        // Week by week: the three PME relances 1 leave the week of J+7 for the week of J+10.
        LocalDate r1Large = dates(large.path("current")).get(0);
        assertThat(weekly(report.path("current"), "RELANCE_1 EMAIL"))
                .isEqualTo(byWeek(List.of(ladder(7).get(0), ladder(7).get(0), ladder(7).get(0), r1Large)));
        assertThat(weekly(report.path("candidate"), "RELANCE_1 EMAIL"))
                .isEqualTo(byWeek(List.of(ladder(10).get(0), ladder(10).get(0), ladder(10).get(0), r1Large)));
        // Four notices within thirteen weeks, each a registered letter at 5.50 EUR.
        for (String totals : List.of("current", "candidate")) {
            assertThat(report.path(totals).path("registeredLetters").asInt()).isEqualTo(4);
            assertThat(report.path(totals).path("registeredLettersCost").asText()).isEqualTo("22.00");
            assertThat(report.path(totals).path("notices").asInt()).isEqualTo(4);
        }
    }

    @Test
    void aFileThatIsNotADecisionTableIsRefusedWithTheReason() {
        ResponseEntity<String> response = preview("analyste", "<definitions>".getBytes());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"scenario\"").contains("scenario-recouvrement.dmn");
    }

    @Test
    void agentsDoNotPreview() throws IOException {
        assertThat(preview("agent", relanceOneAtJPlusTenForPme()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static List<LocalDate> dates(JsonNode forecast) {
        List<LocalDate> dates = new ArrayList<>();
        forecast.path("steps").forEach(step -> dates.add(LocalDate.parse(step.path("date").asText())));
        return dates;
    }

    private static Map<LocalDate, Integer> weekly(JsonNode totals, String key) {
        Map<LocalDate, Integer> counts = new TreeMap<>();
        totals.path("weeks").forEach(week -> {
            if (week.path("messages").has(key)) {
                counts.put(LocalDate.parse(week.path("monday").asText()), week.path("messages").path(key).asInt());
            }
        });
        return counts;
    }

    private static Map<LocalDate, Integer> byWeek(List<LocalDate> days) {
        Map<LocalDate, Integer> counts = new TreeMap<>();
        days.forEach(day -> counts.merge(day.minusDays(day.getDayOfWeek().getValue() - 1L), 1, Integer::sum));
        return counts;
    }
}
