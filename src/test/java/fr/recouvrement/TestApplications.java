package fr.recouvrement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real application the way {@code java -jar} does, for tests that restart it or change its mode. */
public final class TestApplications {

    private TestApplications() {
    }

    /** Arguments win over application.yaml, as on a real command line. */
    public static ConfigurableApplicationContext start(Map<String, String> arguments) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--server.shutdown=immediate");
        arguments.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(RecouvrementApplication.class).run(args.toArray(String[]::new));
    }

    /** A default run whose PostgreSQL keeps its data in {@code dataDirectory} across starts. */
    public static ConfigurableApplicationContext startDefaultRun(Path dataDirectory, Map<String, String> more) {
        Map<String, String> arguments = new java.util.LinkedHashMap<>(more);
        arguments.put("recouvrement.embedded-postgres.data-directory", dataDirectory.toString());
        arguments.put("recouvrement.embedded-postgres.clean-data-directory", "false");
        return start(arguments);
    }

    /**
     * A default run of its own, for a test that wants no other test's data: a fresh database under
     * {@code target/postgres/<name>-<random>}, the company registry and BODACC not consulted, and the job executor off
     * (the test runs the jobs: {@link #runDueJobs}).
     */
    public static ConfigurableApplicationContext startFresh(String name) {
        return start(Map.of(
                "recouvrement.embedded-postgres.data-directory",
                Path.of("target", "postgres", name + "-" + UUID.randomUUID()).toString(),
                "recouvrement.embedded-postgres.clean-data-directory", "true",
                "recouvrement.connect.registry-enabled", "false",
                "recouvrement.connect.bodacc-enabled", "false",
                "camunda.bpm.job-execution.enabled", "false"));
    }

    /** Where a started application listens, on the loopback: {@code http://127.0.0.1:<port>}. */
    public static String url(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    /** A client of a started application's HTTP API, with paths relative to {@link #url}. */
    public static TestRestTemplate http(ConfigurableApplicationContext app) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(url(app)));
    }

    /**
     * For an application started with its job executor off: runs every due job, as the executor would, until none is
     * left.
     */
    public static void runDueJobs(ConfigurableApplicationContext app) {
        ManagementService management = app.getBean(ManagementService.class);
        for (int round = 0; round < 200; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming");
    }
}
