package fr.recouvrement.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.MutableClock;
import fr.recouvrement.RecouvrementSpringTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The daily snapshot taken by {@code releve-indicateurs} as the clock moves, and GET /api/kpis/trend. The snapshots
 * cover the whole portfolio, which other tests share: each is compared with GET /api/kpis taken at the same moment,
 * whose figures KpiApiTest works out by hand.
 */
@RecouvrementSpringTest
class KpiTrendTest extends KpiSpringTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    KpiSnapshotProcess process;
    @Autowired
    KpiSnapshots steps;

    /** No snapshot yet, and the one instance the start-up leaves, freshly started, waiting for its start job. */
    @BeforeEach
    void freshProcess() {
        jdbc.update("delete from recouvrement.kpi_snapshot");
        runtime.createProcessInstanceQuery().processDefinitionKey(KpiSnapshots.PROCESS).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test"));
        process.ensureRunning();
        assertThat(instances()).hasSize(1);
    }

    @Test
    void oneSnapshotADayAtSixInParisAndNoneForTheDaysTheApplicationWasDown() {
        // Tuesday 2026-11-24 at 10:00: the instance started at boot takes today's snapshot at once.
        portfolio.b2b(LedgerFixtures.newSiren(), "2026-11-20", "500.00");
        assertThat(runDueJobs()).isEqualTo(1);
        assertThat(timerDue()).isEqualTo(paris("2026-11-25T06:00"));
        JsonNode first = sameAsTheKpis("2026-11-24");
        assertThat(first.at("/overdue/invoices").asLong()).isPositive();
        assertThat(first.get("takenAt").asText()).startsWith("2026-11-24T10:00");

        clock.set(paris("2026-11-25T05:59").toInstant());
        assertThat(runDueJobs()).isZero();
        clock.set(paris("2026-11-25T06:00").toInstant());
        portfolio.b2b(LedgerFixtures.newSiren(), "2026-11-21", "250.00");
        assertThat(runDueJobs()).isEqualTo(1);
        assertThat(timerDue()).isEqualTo(paris("2026-11-26T06:00"));
        JsonNode second = sameAsTheKpis("2026-11-25");
        assertThat(second.get("takenAt").asText()).startsWith("2026-11-25T06:00");

        // Down from the 25th until Saturday the 28th at 11:00: the timer of the 26th fires once, as the application
        // starts; the 26th and the 27th have no row.
        clock.set(paris("2026-11-28T11:00").toInstant());
        assertThat(runDueJobs()).isEqualTo(1);
        assertThat(timerDue()).isEqualTo(paris("2026-11-29T06:00"));
        sameAsTheKpis("2026-11-28");

        JsonNode trend = trend("from=2026-11-20&to=2026-11-30");
        assertThat(trend.get("from").asText()).isEqualTo("2026-11-20");
        assertThat(trend.get("to").asText()).isEqualTo("2026-11-30");
        assertThat(trend.get("currency").asText()).isEqualTo("EUR");
        assertThat(days(trend)).containsExactly("2026-11-24", "2026-11-25", "2026-11-28");
        assertThat(days(trend("from=2026-11-25&to=2026-11-28"))).containsExactly("2026-11-25", "2026-11-28");
    }

    @Test
    void aRetriedJobASecondInstanceOrARestartAddNoSecondRowForTheDay() {
        runDueJobs();
        JsonNode taken = sameAsTheKpis("2026-11-24");
        portfolio.b2b(LedgerFixtures.newSiren(), "2026-11-01", "99.00");

        // The step again, as a retry after a failure past its write would run it; then a second instance.
        clock.set(paris("2026-11-24T15:00").toInstant());
        steps.take(null);
        runtime.startProcessInstanceByKey(KpiSnapshots.PROCESS);
        assertThat(runDueJobs()).isEqualTo(1);

        assertThat(trend("from=2026-11-24&to=2026-11-24").get("days")).hasSize(1);
        assertThat(trend("from=2026-11-24&to=2026-11-24").at("/days/0")).isEqualTo(taken);
        // The next start keeps one instance: the duplicate goes, with its timer.
        assertThat(instances()).hasSize(2);
        process.ensureRunning();
        assertThat(instances()).hasSize(1);
        assertThat(management.createJobQuery().processDefinitionKey(KpiSnapshots.PROCESS).count()).isEqualTo(1);
    }

    @Test
    void afterANewVersionIsDeployedTheNextStartRunsTheLatestOnly() {
        runDueJobs();
        ProcessInstance old = instances().get(0);
        Deployment newer = repository.createDeployment().name("KpiTrendTest")
                .addClasspathResource("deployment/bpmn/releve-indicateurs.bpmn").deploy();
        try {
            process.ensureRunning();
            List<ProcessInstance> running = instances();
            assertThat(running).hasSize(1);
            assertThat(running.get(0).getId()).isNotEqualTo(old.getId());
            assertThat(repository.getProcessDefinition(running.get(0).getProcessDefinitionId()).getDeploymentId())
                    .isEqualTo(newer.getId());
            // The new instance finds today's snapshot taken.
            runDueJobs();
            assertThat(trend("from=2026-11-24&to=2026-11-24").get("days")).hasSize(1);
        } finally {
            repository.deleteDeployment(newer.getId(), true);
        }
    }

    @Test
    void theDefaultPeriodIsTheTwelveWeeksEndingToday() {
        runDueJobs();

        JsonNode trend = trend("");

        // 2026-11-24 and the 83 days before it: 84 days, twelve weeks.
        assertThat(trend.get("from").asText()).isEqualTo(LocalDate.of(2026, 11, 24).minusDays(83).toString())
                .isEqualTo("2026-09-02");
        assertThat(trend.get("to").asText()).isEqualTo("2026-11-24");
        assertThat(days(trend)).containsExactly("2026-11-24");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "from=2026-02-30                | from | La date « 2026-02-30 » n'est pas une date valide (AAAA-MM-JJ).",
            "to=hier                        | to   | La date « hier » n'est pas une date valide (AAAA-MM-JJ).",
            "from=2026-11-25&to=2026-11-24  | from | La période commence le 2026-11-25, après sa fin (to) le 2026-11-24."})
    void badDatesAre400WithTheFieldAndWhy(String parameters, String field, String message) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("manager", "manager")
                .getForEntity("/api/kpis/trend?" + parameters, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(response.getBody().at("/errors/0/message").asText()).isEqualTo(message);
    }

    @Test
    void agentsAndTheLegalTeamMayNotReadTheTrend() {
        for (String user : List.of("agent", "juriste")) {
            assertThat(http.withBasicAuth(user, user).getForEntity("/api/kpis/trend", String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.withBasicAuth("analyste", "analyste").getForEntity("/api/kpis/trend", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /**
     * The day's row of the trend: its figures are those GET /api/kpis gives for the whole portfolio at the same
     * moment (ledger as of that day, stages now).
     */
    private JsonNode sameAsTheKpis(String day) {
        JsonNode row = trend("from=" + day + "&to=" + day).at("/days/0");
        assertThat(row.get("day").asText()).isEqualTo(day);
        ResponseEntity<JsonNode> answer = http.withBasicAuth("manager", "manager")
                .getForEntity("/api/kpis?asOf=" + day, JsonNode.class);
        JsonNode ledger = answer.getBody().get("ledger");
        assertThat(row.get("outstanding")).isEqualTo(ledger.get("outstanding"));
        assertThat(row.get("overdue")).isEqualTo(ledger.get("overdue"));
        assertThat(row.get("agedBalance")).isEqualTo(ledger.get("agedBalance"));
        assertThat(row.get("dsoDays")).isEqualTo(ledger.at("/dso/days"));
        assertThat(row.get("dsoCapped")).isEqualTo(ledger.at("/dso/capped"));
        assertThat(row.get("stages")).isEqualTo(answer.getBody().at("/operational/stages"));
        return row;
    }

    private JsonNode trend(String parameters) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("manager", "manager")
                .getForEntity("/api/kpis/trend?" + parameters, JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<String> days(JsonNode trend) {
        List<String> days = new ArrayList<>();
        trend.get("days").forEach(day -> days.add(day.get("day").asText()));
        return days;
    }

    /** Runs the process's due jobs, as the job executor would; how many ran. */
    private int runDueJobs() {
        int ran = 0;
        List<Job> due;
        while (!(due = management.createJobQuery().processDefinitionKey(KpiSnapshots.PROCESS).executable().list())
                .isEmpty()) {
            due.forEach(job -> management.executeJob(job.getId()));
            ran += due.size();
        }
        return ran;
    }

    private ZonedDateTime timerDue() {
        Job timer = management.createJobQuery().processDefinitionKey(KpiSnapshots.PROCESS).timers().singleResult();
        return ZonedDateTime.ofInstant(timer.getDuedate().toInstant(), clock.getZone());
    }

    private List<ProcessInstance> instances() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KpiSnapshots.PROCESS).list();
    }

    private static ZonedDateTime paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MutableClock.PARIS);
    }
}
