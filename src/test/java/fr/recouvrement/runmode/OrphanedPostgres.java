package fr.recouvrement.runmode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** The child JVM of {@link StalePostmasterIT}: a PostgreSQL with some data, left running when the JVM is killed. */
public final class OrphanedPostgres {

    static final String READY = "POSTMASTER ";

    private OrphanedPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database survivor");
        }
        String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
        System.out.println(READY + pid);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
