package fr.recouvrement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.recouvrement.deployment.ScenarioDeployer;
import fr.recouvrement.penalties.HalfYear;
import fr.recouvrement.penalties.RateTable;
import fr.recouvrement.security.CollectionGroups;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole application on the embedded PostgreSQL, in the default run. */
@RecouvrementSpringTest
class ApplicationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    @Test
    void deploysEveryFileOfBpmnAndFormsUnderItsRelativeName() throws IOException {
        RepositoryService repository = engine.getRepositoryService();
        Deployment deployment = repository.createDeploymentQuery().deploymentName(ScenarioDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().list().get(0);

        assertThat(repository.getDeploymentResourceNames(deployment.getId()))
                .containsExactlyInAnyOrderElementsOf(filesUnder("bpmn", "forms"));
        assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
                .processDefinitionKey("suivi-facture").singleResult().getResourceName())
                .isEqualTo("bpmn/suivi-facture.bpmn");
    }

    @Test
    void flywayMigratedTheLedgerSchema() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from recouvrement.flyway_schema_history where success and version = '1'", Integer.class);
        assertThat(applied).isEqualTo(1);
    }

    @Test
    void createsGroupsDemoUsersAndTasklistFilters() {
        IdentityService identity = engine.getIdentityService();
        assertThat(identity.createGroupQuery().groupIdIn(CollectionGroups.READERS.toArray(String[]::new)).count())
                .isEqualTo(4);
        assertThat(identity.checkPassword("agent", "agent")).isTrue();
        assertThat(identity.createUserQuery().memberOfGroup(CollectionGroups.AGENTS).userId("agent").count())
                .isEqualTo(1);
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("demo").count()).isEqualTo(1);

        FilterService filters = engine.getFilterService();
        assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
                .contains("Mes tâches", "Mon équipe", "À échéance aujourd'hui");
    }

    @Test
    void authorizationsAreOnAndAsyncStepsRetryBeforeRaisingAnIncident() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.getFailedJobRetryTimeCycle()).isEqualTo("R5/PT5M");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("start");
        // Decision tables parse each FEEL expression once (docs/performance.md).
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine().getClass().getSimpleName())
                .isEqualTo("ParsedOnceFeelEngine");
    }

    @Test
    void theJobTableHasTheIndexesTheAcquisitionQueryNeeds() {
        // Without them, every acquisition reads every waiting timer (docs/performance.md, "Job acquisition").
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_job'", String.class))
                .contains("CREATE INDEX rec_idx_job_duedate ON public.act_ru_job USING btree (duedate_)",
                        "CREATE INDEX rec_idx_job_locked_procinst ON public.act_ru_job USING btree"
                                + " (process_instance_id_) WHERE (lock_owner_ IS NOT NULL)");
    }

    @Test
    void shipsTheRulesFrRateTableWithoutGuessingTheNextHalfYear(@Autowired RateTable rates) {
        assertThat(rates.penaltyRate(new HalfYear(2023, 1))).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("12.50"));
        assertThat(rates.penaltyRate(new HalfYear(2026, 1))).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("12.15"));
        assertThat(rates.legalRate(new HalfYear(2026, 1))).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("2.62"));
        // 2026-H2 comes from the test profile; the shipped table stops at 2026-H1.
        assertThat(rates.penaltyRate(new HalfYear(2027, 1))).isEmpty();
    }

    private static List<String> filesUnder(String... folders) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                files.filter(Files::isRegularFile).map(path -> path.toString().replace('\\', '/')).forEach(names::add);
            }
        }
        return names;
    }

    @Test
    void theDefaultRunListensOnTheLoopbackOnly() throws IOException {
        InetAddress outward = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElse(null);
        assumeTrue(outward != null, "this machine has no address but the loopback");

        try (Socket local = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(local.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> new Socket(outward, port).close()).isInstanceOf(ConnectException.class);
    }
}
