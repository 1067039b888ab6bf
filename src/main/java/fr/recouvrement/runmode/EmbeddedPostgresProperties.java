package fr.recouvrement.runmode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The default run's PostgreSQL.
 *
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param port 0 for any free port (the JDBC URL is logged at start-up)
 * @param cleanDataDirectory true only for throw-away test databases
 * @param startupWait how long to wait for the server to accept connections
 * @param serverConfig further {@code postgresql.conf} settings, by name (the benchmark loads
 *     {@code pg_stat_statements} through it)
 */
@ConfigurationProperties("recouvrement.embedded-postgres")
public record EmbeddedPostgresProperties(
        Path dataDirectory, int port, boolean cleanDataDirectory, Duration startupWait,
        Map<String, String> serverConfig) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of("var", "postgres");
        }
        if (startupWait == null) {
            startupWait = Duration.ofSeconds(60);
        }
        serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
    }
}
