package fr.recouvrement.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the statements of one answer at once on several pooled connections, each helper in a read-only transaction
 * that imports the snapshot of the caller's ({@code pg_export_snapshot}, {@code SET TRANSACTION SNAPSHOT}): every
 * figure reads the same state of the database, as in one REPEATABLE READ transaction, and PostgreSQL uses more than
 * one core for one request.
 *
 * <p>The caller's thread runs whatever no helper has taken, and waits only for what a helper is running: a request
 * never waits for a helper that could not start (helpers busy with another request, no free connection), it then
 * computes everything itself. A helper that starts once the work is taken ends without a statement.
 */
@Component
class SharedSnapshot implements DisposableBean {

    /** Two helpers and the caller: three connections of the pool per request at most, two more than before. */
    static final int HELPERS = 2;
    private static final Logger log = LoggerFactory.getLogger(SharedSnapshot.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate helperTransaction;
    private final ThreadPoolExecutor helpers;

    SharedSnapshot(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.helperTransaction = new TransactionTemplate(transactions);
        helperTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        helperTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        helperTransaction.setReadOnly(true);
        AtomicInteger threads = new AtomicInteger();
        // A helper queued behind other requests' is of no use once the caller has done the work: discard beyond that.
        this.helpers = new ThreadPoolExecutor(HELPERS, HELPERS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(HELPERS * 4), work -> {
                    Thread thread = new Thread(work, "kpi-figures-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** The statements of one answer, added in the order they should start: the longest first. */
    final class Batch {

        private final List<Task<?>> tasks = new ArrayList<>();

        <T> CompletableFuture<T> add(Supplier<T> statement) {
            Task<T> task = new Task<>(statement, new CompletableFuture<>());
            tasks.add(task);
            return task.result();
        }

        /**
         * Runs them all and returns once each is done, its result in the future {@link #add} gave. Must be called in
         * the caller's REPEATABLE READ transaction, whose snapshot the helpers import.
         */
        void run() {
            Queue<Task<?>> waiting = new ConcurrentLinkedQueue<>(tasks);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            if (tasks.size() > 1) {
                String snapshot = jdbc.queryForObject("select pg_export_snapshot()", String.class);
                noParallelWorkers();
                for (int i = 0; i < Math.min(HELPERS, tasks.size() - 1); i++) {
                    helpers.execute(() -> help(snapshot, waiting, failures));
                }
            }
            // The caller takes every task left, even after a failure: a task no one takes would be waited for forever.
            for (Task<?> task = waiting.poll(); task != null; task = waiting.poll()) {
                task.run(failures);
            }
            CompletableFuture.allOf(tasks.stream().map(Task::result).toArray(CompletableFuture[]::new))
                    .exceptionally(failed -> null).join();
            // The first failure is the cause; later ones in the same transaction only say that it was aborted.
            Throwable failure = failures.peek();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }

    Batch batch() {
        return new Batch();
    }

    private void help(String snapshot, Queue<Task<?>> waiting, Queue<Throwable> failures) {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            helperTransaction.executeWithoutResult(status -> {
                // Valid only while the caller's transaction is open: it is until every task taken here is done.
                jdbc.execute("set transaction snapshot '" + snapshot.replace("'", "''") + "'");
                noParallelWorkers();
                // After a failure this transaction is aborted: the caller takes what is left.
                Task<?> task = waiting.poll();
                while (task != null && task.run(failures)) {
                    task = waiting.poll();
                }
            });
        } catch (DataAccessException | TransactionException e) {
            // Too late (the caller's transaction has ended) or no connection: the caller runs everything itself.
            log.debug("A KPI helper could not join the request's snapshot", e);
        }
    }

    /**
     * The batch already spreads its statements over the cores: PostgreSQL's parallel workers for one of them would
     * only compete with the others, and cost their start and the gathering of their rows. For this transaction only.
     */
    private void noParallelWorkers() {
        jdbc.execute("set local max_parallel_workers_per_gather = 0");
    }

    private record Task<T>(Supplier<T> statement, CompletableFuture<T> result) {

        /** False when it failed. */
        boolean run(Queue<Throwable> failures) {
            try {
                result.complete(statement.get());
                return true;
            } catch (RuntimeException | Error e) {
                failures.add(e);
                result.completeExceptionally(e);
                return false;
            }
        }
    }

    @Override
    public void destroy() {
        helpers.shutdownNow();
    }
}
