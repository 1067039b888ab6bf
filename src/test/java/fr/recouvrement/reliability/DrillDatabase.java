package fr.recouvrement.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * The one PostgreSQL of the drills: zonky's embedded server on a fixed data directory and port, so that it can be
 * stopped and started again under the nodes' feet. The harness reads its figures here; it acts on the nodes through
 * their HTTP APIs only.
 */
final class DrillDatabase implements AutoCloseable {

    private final Path directory;
    private final int port;
    private EmbeddedPostgres postgres;
    /** CPU time of the servers stopped so far, in seconds. */
    private double earlierCpu;

    DrillDatabase(Path directory) throws IOException {
        this.directory = directory;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
        // A fresh directory for the run, then never cleaned: zonky deletes a directory it cleaned when it stops.
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory.getParent());
        postgres = start();
    }

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .start();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Stops the server (fast shutdown: every session is cut), leaves it down that long, then starts it again. */
    long restart(long downMillis) throws IOException, InterruptedException {
        long started = System.nanoTime();
        earlierCpu += currentCpu();
        postgres.close();
        Thread.sleep(downMillis);
        postgres = start();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** CPU time of PostgreSQL so far (the postmaster, its sessions alive and ended), in seconds. */
    double cpuSeconds() {
        return earlierCpu + currentCpu();
    }

    /** From /proc (Linux): the postmaster's own and reaped children's time, plus its live sessions'. */
    private double currentCpu() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
            long[] own = ticks(postmaster);
            long total = own[0] + own[1] + own[2] + own[3];
            for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList())
                    .orElse(List.of())) {
                try {
                    long[] session = ticks(child.pid());
                    total += session[0] + session[1];
                } catch (IOException ended) {
                    // Ended meanwhile: its time is in the postmaster's reaped children's.
                }
            }
            return total / 100.0;
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    /** utime, stime, cutime, cstime of /proc/{pid}/stat, in clock ticks (100 a second on Linux). */
    private static long[] ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 to 17 of proc(5); the split starts at field 3 (state).
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14])};
    }

    long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0)[0]).longValue();
    }

    List<Object[]> rows(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
