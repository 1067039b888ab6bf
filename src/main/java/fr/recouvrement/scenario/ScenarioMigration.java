package fr.recouvrement.scenario;

import fr.recouvrement.api.ConflictException;
import fr.recouvrement.engine.EngineTransaction;
import fr.recouvrement.scenario.ScenarioMigrationResult.NotMoved;
import fr.recouvrement.scenario.ScenarioMigrationResult.Redecision;
import fr.recouvrement.scenario.ScenarioMigrationResult.SourceVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Moves running dossiers to the latest version of {@code recouvrement-amiable} with Camunda's migration API
 * (docs/api.md, «Scenario»): in the request up to {@code syncLimit} dossiers, one transaction per dossier; beyond, as
 * Camunda batches that the job executor runs. Dossiers already on the latest version are left alone.
 */
@Component
public class ScenarioMigration {

    static final String PROCESS = "recouvrement-amiable";
    private static final Logger log = LoggerFactory.getLogger(ScenarioMigration.class);

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final EngineTransaction transaction;
    private final ScenarioMigrationRedecision redecision;
    private final int syncLimit;

    public ScenarioMigration(RuntimeService runtime, RepositoryService repository, IdentityService identity,
            EngineTransaction transaction, ScenarioMigrationRedecision redecision,
            @Value("${recouvrement.scenario.migration.sync-limit:1000}") int syncLimit) {
        this.runtime = runtime;
        this.repository = repository;
        this.identity = identity;
        this.transaction = transaction;
        this.redecision = redecision;
        this.syncLimit = syncLimit;
    }

    /**
     * The caller's group was checked by Spring Security. Managers hold no MIGRATE permission in Camunda, and need none:
     * the engine calls run as the application, without any Camunda authentication, which is put back afterwards.
     *
     * @param segment only the dossiers whose {@code segment} variable (the debtor's, as the dossier read it last) is
     *     this one; null for all
     */
    public ScenarioMigrationResult migrate(String segment, boolean redecide) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return migrateAsApplication(segment, redecide);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private ScenarioMigrationResult migrateAsApplication(String segment, boolean redecide) {
        ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                .latestVersion().singleResult();
        Map<ProcessDefinition, Long> sources = new LinkedHashMap<>();
        for (ProcessDefinition source : repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                .orderByProcessDefinitionVersion().asc().list()) {
            long count = source.getId().equals(target.getId()) ? 0 : instances(source, segment).count();
            if (count > 0) {
                sources.put(source, count);
            }
        }
        long total = sources.values().stream().mapToLong(Long::longValue).sum();
        boolean batch = total > syncLimit;
        if (batch && redecide) {
            // A batch moves dossiers later, one job at a time: nothing in this request could redecide them after.
            throw new ConflictException("Redécider le scénario se fait dans la requête, pour " + syncLimit
                    + " dossiers au plus ; " + total + " dossiers sont concernés. Déplacez-les segment par segment, ou"
                    + " sans « redecide ».");
        }
        List<Redecision> redecisions = new ArrayList<>();
        List<SourceVersion> versions = sources.entrySet().stream().map(source -> move(source.getKey(),
                source.getValue(), target, segment, batch, redecide, redecisions)).toList();
        int moved = versions.stream().mapToInt(SourceVersion::moved).sum();
        int notMoved = versions.stream().mapToInt(v -> v.planProblems().isEmpty() ? v.notMoved().size()
                : (int) v.instances()).sum();
        return new ScenarioMigrationResult(summary(target.getVersion(), segment, batch, total, moved, notMoved),
                target.getVersion(), target.getId(), segment, redecide, batch, moved, notMoved, versions, redecisions);
    }

    private ProcessInstanceQuery instances(ProcessDefinition source, String segment) {
        ProcessInstanceQuery query = runtime.createProcessInstanceQuery().processDefinitionId(source.getId());
        return segment == null ? query : query.variableValueEquals("segment", segment);
    }

    private SourceVersion move(ProcessDefinition source, long count, ProcessDefinition target, String segment,
            boolean batch, boolean redecide, List<Redecision> redecisions) {
        MigrationPlan plan;
        try {
            // Equal activities (same id, type and parent scope) are every place a dossier can wait: tasks, timers, the
            // "Vérifier le débiteur" call (its called instance stays as it is), the event subprocesses and their
            // message start events (subscriptions kept), asynchronous steps waiting as jobs. Event triggers are not
            // updated: a timer keeps the date it was given (a step's date, a task's escalation deadline) instead of
            // being computed again on the day of the migration.
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            return new SourceVersion(source.getVersion(), source.getId(), count, 0, null,
                    ScenarioMigrationReports.of(e.getValidationReport()), List.of());
        }
        if (batch) {
            String batchId = runtime.newMigration(plan).processInstanceQuery(instances(source, segment)).executeAsync()
                    .getId();
            return new SourceVersion(source.getVersion(), source.getId(), count, 0, batchId, List.of(), List.of());
        }
        int moved = 0;
        List<NotMoved> refused = new ArrayList<>();
        for (ProcessInstance instance : instances(source, segment).list()) {
            Optional<NotMoved> refusal = moveOne(plan, instance, target.getVersion(), redecide, redecisions);
            refusal.ifPresent(refused::add);
            moved += refusal.isEmpty() ? 1 : 0;
        }
        return new SourceVersion(source.getVersion(), source.getId(), count, moved, null, List.of(), refused);
    }

    private Optional<NotMoved> moveOne(MigrationPlan plan, ProcessInstance instance, int targetVersion,
            boolean redecide, List<Redecision> redecisions) {
        String dossier = instance.getBusinessKey();
        try {
            // One transaction per dossier: one that cannot move does not hold the others back, and a dossier is moved
            // and redecided together or not at all.
            Redecision redecided = transaction.execute(status -> {
                runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
                return redecide ? redecision.redecide(instance.getId(), dossier) : null;
            });
            if (redecided != null) {
                redecisions.add(redecided);
            }
            return Optional.empty();
        } catch (MigratingProcessInstanceValidationException e) {
            return Optional.of(new NotMoved(dossier, instance.getId(), "Là où le dossier attend n'a pas d'équivalent"
                    + " dans la version " + targetVersion + " : il reste sur sa version, inchangé.",
                    ScenarioMigrationReports.of(e.getValidationReport())));
        } catch (OptimisticLockingException e) {
            return Optional.of(new NotMoved(dossier, instance.getId(), "Le dossier était modifié au même moment par le"
                    + " traitement automatique : il reste sur sa version ; relancez la migration.", List.of()));
        } catch (RuntimeException e) {
            // Whatever stops one dossier is reported with it; the others still move.
            log.warn("Dossier {} (instance {}) not moved to version {}", dossier, instance.getId(), targetVersion, e);
            return Optional.of(new NotMoved(dossier, instance.getId(), "Le dossier n'a pas pu être déplacé : il reste"
                    + " sur sa version, inchangé.", List.of(String.valueOf(e.getMessage()))));
        }
    }

    private static String summary(int target, String segment, boolean batch, long total, int moved, int notMoved) {
        String scope = segment == null ? "" : " du segment " + segment;
        if (total == 0) {
            return "Aucun dossier" + scope + " à déplacer : ceux en cours sont déjà sur la version " + target + ".";
        }
        if (batch) {
            return dossiers(total) + scope + (total > 1 ? " confiés" : " confié") + " à un batch Camunda (page Batches de Cockpit) pour passer à la"
                    + " version " + target + ".";
        }
        return dossiers(moved) + scope + (moved > 1 ? " déplacés" : " déplacé") + " vers la version " + target
                + (notMoved == 0 ? "." : " ; " + notMoved + (notMoved > 1 ? " ne peuvent" : " ne peut")
                + " pas l'être (notMoved).");
    }

    private static String dossiers(long count) {
        return count + (count > 1 ? " dossiers" : " dossier");
    }
}
