package fr.recouvrement.scenario;

import fr.recouvrement.dunning.Scenario;
import fr.recouvrement.scenario.ScenarioMigrationResult.Outcome;
import fr.recouvrement.scenario.ScenarioMigrationResult.Redecision;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Decides a moved dossier's scenario again from the latest {@code scenario-recouvrement}, with the inputs the dossier
 * read last, and makes the ladder step it waits for plan itself again. Runs in the transaction that moved the
 * dossier, so a dossier is moved and redecided together or not at all.
 */
@Component
public class ScenarioMigrationRedecision {

    static final String DECISION = "scenario-recouvrement";
    // The names of dunning/DossierVariables (package-private there): the diagram and the forms use the same ones.
    static final String SCENARIO = "scenario";
    private static final List<String> INPUTS = List.of("segment", "debtorType", "amountDue");
    /**
     * The timers of the ladder, as in LadderSteps.resumeLadder. When one fires, "Envoyer l'étape" compares the step's
     * date under the scenario it reads then with now: it sends the step, or goes back to planning with the new date.
     */
    private static final List<String> LADDER_TIMERS =
            List.of("DateRelance1", "DateRelance2", "DateRelance3", "DateMiseEnDemeure");
    private static final Map<String, String> STEP_NAMES = Map.of("DateRelance1", "La relance 1",
            "DateRelance2", "La relance 2", "DateRelance3", "La relance 3", "DateMiseEnDemeure", "La mise en demeure");

    private final RuntimeService runtime;
    private final DecisionService decisions;
    private final ManagementService management;
    private final Clock clock;

    public ScenarioMigrationRedecision(RuntimeService runtime, DecisionService decisions, ManagementService management,
            Clock clock) {
        this.runtime = runtime;
        this.decisions = decisions;
        this.management = management;
        this.clock = clock;
    }

    Redecision redecide(String processInstanceId, String dossier) {
        VariableMap inputs = Variables.createVariables();
        for (String input : INPUTS) {
            Object value = runtime.getVariable(processInstanceId, input);
            if (value == null) {
                // Its start job has not run yet: it will decide with the latest table when it does.
                return new Redecision(dossier, Outcome.KEPT, "Le dossier n'a pas encore lu ses factures : il décidera"
                        + " son scénario à son ouverture, avec la dernière version de la table.");
            }
            inputs.putValue(input, value);
        }
        DmnDecisionResultEntries decided = decisions.evaluateDecisionByKey(DECISION).variables(inputs).evaluate()
                .getSingleResult();
        if (decided == null) {
            return new Redecision(dossier, Outcome.KEPT, "Aucune règle de la dernière version de la table « " + DECISION
                    + " » ne s'applique à ce dossier : il garde son scénario.");
        }
        // The business rule task stores the same map (mapDecisionResult="singleResult"), so the diagram reads it alike.
        Map<String, Object> scenario = decided.getEntryMap();
        if (Objects.equals(scenario, runtime.getVariable(processInstanceId, SCENARIO))) {
            return new Redecision(dossier, Outcome.UNCHANGED,
                    "La dernière version de la table donne au dossier le scénario qu'il avait déjà.");
        }
        Optional<WaitingTimer> waiting = waitingLadderTimer(processInstanceId);
        if (waiting.filter(timer -> timer.activityId().equals("DateRelance3")).isPresent()
                && Scenario.of(scenario).relance3Day() == null) {
            // "Envoyer la relance 3" could not date a step the scenario no longer has: the job would fail for good.
            return new Redecision(dossier, Outcome.KEPT, "Le dossier attend la relance 3, que le nouveau scénario n'a"
                    + " plus : il garde son scénario (décidez de son sort dans Cockpit ou Tasklist).");
        }
        runtime.setVariable(processInstanceId, SCENARIO, scenario);
        // "Vérifier le débiteur" gives all its variables back when it ends (camunda:out all): its copy of the scenario
        // must not bring the old one back.
        runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).unlimitedList().stream()
                .filter(called -> runtime.getVariable(called.getId(), SCENARIO) != null)
                .forEach(called -> runtime.setVariable(called.getId(), SCENARIO, scenario));
        if (waiting.isEmpty()) {
            return new Redecision(dossier, Outcome.CHANGED,
                    "Le nouveau scénario s'applique aux prochaines étapes du dossier.");
        }
        management.setJobDuedate(waiting.get().jobId(), Date.from(clock.instant()));
        return new Redecision(dossier, Outcome.REPLANNED, STEP_NAMES.get(waiting.get().activityId())
                + " attendue est replanifiée avec le nouveau scénario (envoyée aussitôt si sa nouvelle date est passée).");
    }

    private record WaitingTimer(String activityId, String jobId) {
    }

    /** The ladder waits at one timer at most: its steps follow one another on a single path. */
    private Optional<WaitingTimer> waitingLadderTimer(String processInstanceId) {
        for (String timer : LADDER_TIMERS) {
            Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(timer).timers()
                    .singleResult();
            if (job != null) {
                return Optional.of(new WaitingTimer(timer, job.getId()));
            }
        }
        return Optional.empty();
    }
}
