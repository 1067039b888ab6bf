package fr.recouvrement.scenario;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What {@code POST /api/scenario/migrate} did (docs/api.md, «Scenario»): per source version of
 * {@code recouvrement-amiable}, how many dossiers moved to the latest version and which could not, and why. Field
 * names are English like the rest of the API; {@code message}, {@code reason} and the redecisions' messages are French,
 * for people; {@code details} and {@code planProblems} quote the engine's own reports, for whoever investigates.
 *
 * @param batch true when the dossiers were handed to Camunda batches (202): nothing has moved yet, {@code moved} is 0
 *     and each version names its {@code batchId}
 * @param moved dossiers moved in this request, every version together
 * @param notMoved dossiers that could not move, every version together (a version whose plan is refused counts all
 *     its dossiers here)
 * @param redecisions one per moved dossier when {@code redecide} was asked, else empty
 */
public record ScenarioMigrationResult(String message, int targetVersion, String targetProcessDefinitionId,
        String segment, boolean redecide, boolean batch, int moved, int notMoved, List<SourceVersion> versions,
        List<Redecision> redecisions) {

    /**
     * The dossiers of one older version.
     *
     * @param instances running dossiers of this version (of the segment asked)
     * @param batchId the Camunda batch that moves them, shown in Cockpit's Batches page; null when they moved in the
     *     request or when the plan was refused
     * @param planProblems why the engine refuses to migrate this version at all; empty when the plan is valid
     */
    public record SourceVersion(int version, String processDefinitionId, long instances, int moved, String batchId,
            List<String> planProblems, List<NotMoved> notMoved) {
    }

    /** A dossier left on its version, unchanged. */
    public record NotMoved(String dossier, String processInstanceId, String reason, List<String> details) {
    }

    /** What deciding the scenario again did to one moved dossier. */
    public record Redecision(String dossier, Outcome outcome,
            @Schema(example = "La relance 2 attendue est replanifiée avec le nouveau scénario.") String message) {
    }

    public enum Outcome {
        /** The scenario changed and the ladder step the dossier waited for plans itself again now. */
        REPLANNED,
        /** The scenario changed; no ladder step was waiting, so the next steps read it when they come. */
        CHANGED,
        /** The latest decision gives the figures the dossier already had. */
        UNCHANGED,
        /** The dossier keeps the scenario it had: the message says why. */
        KEPT
    }
}
