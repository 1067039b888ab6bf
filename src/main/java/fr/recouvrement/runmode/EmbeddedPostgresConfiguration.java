package fr.recouvrement.runmode;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default run's database: a real PostgreSQL 17 started from the jar, its data under {@code ./var/postgres}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RunMode.DEFAULT_RUN, havingValue = "true")
public class EmbeddedPostgresConfiguration {

    static final String DATABASE = "recouvrement";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException, SQLException {
        var dataDirectory = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(dataDirectory);
        StalePostmaster.stopIfRunning(dataDirectory);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(properties.cleanDataDirectory())
                .setPGStartupWait(properties.startupWait())
                // Spring closes it as a bean; zonky's own hook would race Spring's and delay every shutdown.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                // The engine inserts and deletes job, execution and variable rows in bursts (an import, a step due for
                // thousands of dossiers at once): analyse them soon after, or plans made for near-empty tables stay.
                .setServerConfig("autovacuum_naptime", "10s")
                .setServerConfig("autovacuum_analyze_scale_factor", "0.02")
                .setServerConfig("autovacuum_vacuum_scale_factor", "0.05");
        properties.serverConfig().forEach(builder::setServerConfig);
        if (properties.port() != 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL {} on {} (data in {})",
                serverVersion(postgres), postgres.getJdbcUrl("postgres", DATABASE), dataDirectory);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + DATABASE + " encoding 'UTF8'");
            }
        }
    }

    private static String serverVersion(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }
}
