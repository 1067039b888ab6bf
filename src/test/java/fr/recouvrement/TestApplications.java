package fr.recouvrement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
}
