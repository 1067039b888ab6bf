package fr.recouvrement.scenario;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;

/**
 * The engine's validation reports as lines of text, one per failure, each naming the activity it concerns. They stay in
 * the engine's words (English): the French {@code reason} beside them says what they mean for the dossier.
 */
final class ScenarioMigrationReports {

    private ScenarioMigrationReports() {
    }

    /** Why a plan is refused as a whole: per instruction (source → target activity), then per variable. */
    static List<String> of(MigrationPlanValidationReport report) {
        List<String> lines = new ArrayList<>();
        report.getInstructionReports().forEach(instruction -> instruction.getFailures().forEach(failure ->
                lines.add(instruction.getMigrationInstruction().getSourceActivityId() + " → "
                        + instruction.getMigrationInstruction().getTargetActivityId() + " : " + failure)));
        report.getVariableReports().forEach((name, variable) -> variable.getFailures().forEach(failure ->
                lines.add("variable " + name + " : " + failure)));
        return lines;
    }

    /** Why one dossier cannot move: the instance as a whole, then each activity and asynchronous continuation. */
    static List<String> of(MigratingProcessInstanceValidationReport report) {
        List<String> lines = new ArrayList<>(report.getFailures());
        report.getActivityInstanceReports().forEach(activity -> activity.getFailures().forEach(failure ->
                lines.add(activity.getSourceScopeId() + " : " + failure)));
        report.getTransitionInstanceReports().forEach(transition -> transition.getFailures().forEach(failure ->
                lines.add(transition.getSourceScopeId() + " (tâche asynchrone en attente) : " + failure)));
        return lines;
    }
}
