package fr.recouvrement.runmode;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.TestApplications;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/** A default run killed with kill -9 leaves its PostgreSQL behind; the next start copes (issue: foundation). */
class StalePostmasterIT {

    private final Path data = Path.of("target", "postgres", "stale-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void theNextStartStopsThePostgresOfAKilledRunAndKeepsItsData() throws Exception {
        long orphan = startPostgresInAJvmThenKillIt();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        try (ConfigurableApplicationContext app = TestApplications.startDefaultRun(data, Map.of())) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            Integer marker = app.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from pg_database where datname = 'survivor'", Integer.class);
            assertThat(marker).as("data written before the kill").isEqualTo(1);
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    @Test
    void aPidFileOfADeadPostgresIsRemoved() throws IOException {
        Files.createDirectories(data);
        Path pidFile = data.resolve("postmaster.pid");
        Files.writeString(pidFile, Long.MAX_VALUE / 2 + "\n" + data + "\n");
        try {
            StalePostmaster.stopIfRunning(data);
            assertThat(pidFile).doesNotExist();
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    /** Runs {@link OrphanedPostgres} in another JVM, waits for its PostgreSQL, kills that JVM with SIGKILL. */
    private long startPostgresInAJvmThenKillIt() throws IOException, InterruptedException {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanedPostgres.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        long postmasterPid = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(OrphanedPostgres.READY)) {
                    postmasterPid = Long.parseLong(line.substring(OrphanedPostgres.READY.length()).trim());
                    break;
                }
            }
            jvm.destroyForcibly();
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(postmasterPid).as("pid printed by the child JVM").isPositive();
        return postmasterPid;
    }
}
