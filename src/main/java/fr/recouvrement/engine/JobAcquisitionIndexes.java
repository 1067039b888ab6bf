package fr.recouvrement.engine;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two indexes on the engine's job table for the job executor's acquisition query, which Camunda ships without: with
 * them, acquiring jobs no longer reads every waiting timer (each dossier and each follow-up waits on one), so it
 * costs the same at 100,000 open invoices as at 1,000 (docs/performance.md, "SQL statements per step"). Created here
 * rather than by Flyway because our migrations run before the engine creates its tables on a new database; Camunda's
 * schema update leaves indexes it does not know alone.
 */
@Component
public class JobAcquisitionIndexes extends AbstractProcessEnginePlugin {

    /** Several nodes starting together create each index once. */
    private static final long ADVISORY_LOCK = 0x7265636f75767265L;
    private static final List<String> STATEMENTS = List.of(
            // Acquisition asks for due jobs by due date: a range scan, stopped after the first few.
            "create index if not exists rec_idx_job_duedate on act_ru_job (duedate_)",
            // Its exclusivity check looks for a locked job of the same instance: only locked jobs are indexed.
            "create index if not exists rec_idx_job_locked_procinst on act_ru_job (process_instance_id_)"
                    + " where lock_owner_ is not null");
    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndexes.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public JobAcquisitionIndexes(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(ADVISORY_LOCK).query().singleRow();
            STATEMENTS.forEach(statement -> jdbc.sql(statement).update());
        });
        log.info("Job acquisition indexes in place on act_ru_job");
    }
}
