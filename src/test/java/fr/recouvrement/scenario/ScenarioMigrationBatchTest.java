package fr.recouvrement.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.api.ConflictException;
import fr.recouvrement.engine.EngineTransaction;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Beyond the limit of a request (1,000 dossiers), the dossiers are handed to Camunda batches. The same service with a
 * limit of 0 shows it without creating a thousand dossiers; the batch is run here as the job executor would.
 */
class ScenarioMigrationBatchTest extends ScenarioMigrationTestSupport {

    @Autowired
    IdentityService identity;
    @Autowired
    EngineTransaction transaction;
    @Autowired
    ScenarioMigrationRedecision redecision;

    private ScenarioMigration overTheLimit;
    private final List<String> batches = new ArrayList<>();

    @BeforeEach
    void everyMigrationIsABatch() {
        overTheLimit = new ScenarioMigration(runtime, repository, identity, transaction, redecision, 0);
    }

    @AfterEach
    void deleteBatches() {
        batches.forEach(id -> management.deleteBatch(id, true));
    }

    @Test
    void theDossiersMoveWhenTheBatchRuns() {
        ProcessInstance dossier = openDossier("2026-11-16", "FIDELE");
        String before = definitionOf(dossier);
        String latest = deployments.renamedDiagram();

        ScenarioMigrationResult result = overTheLimit.migrate("FIDELE", false);

        assertThat(result.batch()).isTrue();
        assertThat(result.moved()).isZero();
        ScenarioMigrationResult.SourceVersion version = result.versions().stream()
                .filter(v -> v.processDefinitionId().equals(before)).findFirst().orElseThrow();
        batches.add(version.batchId());
        Batch batch = management.createBatchQuery().batchId(version.batchId()).singleResult();
        assertThat(batch.getType()).isEqualTo(Batch.TYPE_PROCESS_INSTANCE_MIGRATION);
        assertThat(definitionOf(dossier)).as("nothing moves before the batch runs").isEqualTo(before);

        run(batch);

        assertThat(definitionOf(dossier)).isEqualTo(latest);
    }

    @Test
    void redecidingIsRefusedBeyondTheLimitAndNothingMoves() {
        ProcessInstance dossier = openDossier("2026-11-16", "FIDELE");
        String before = definitionOf(dossier);
        deployments.renamedDiagram();

        assertThatThrownBy(() -> overTheLimit.migrate("FIDELE", true)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("segment par segment");
        assertThat(definitionOf(dossier)).isEqualTo(before);
        assertThat(management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).count()).isZero();
    }

    /** The seed job creates one job per dossier (100 at a time); each moves its dossier in its own transaction. */
    private void run(Batch batch) {
        List<Job> seeds;
        while (!(seeds = management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list()).isEmpty()) {
            seeds.forEach(seed -> management.executeJob(seed.getId()));
        }
        for (Job job : management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException otherTestsDossier) {
                // The batch also holds the FIDELE dossiers other tests left running; this test looks at its own.
            }
        }
    }
}
