package fr.recouvrement.kpi;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one instance of {@code releve-indicateurs} running, on the latest version of the diagram: checked at every
 * start, after the deployment of {@code bpmn/} (docs/architecture.md §1, «The daily snapshot», says why a loop started
 * here rather than a timer start event).
 */
@Component
class KpiSnapshotProcess {

    private static final Logger log = LoggerFactory.getLogger(KpiSnapshotProcess.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;

    KpiSnapshotProcess(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    /**
     * Starts the instance when none runs on the latest version, and removes the others: an instance of an older
     * version (the next one takes today's snapshot only if today has none), or a second one, which two nodes starting
     * together on a new database may both have started.
     */
    @EventListener(ApplicationReadyEvent.class)
    void ensureRunning() {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(KpiSnapshots.PROCESS)
                .latestVersion().singleResult();
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(KpiSnapshots.PROCESS).list().stream()
                .sorted(Comparator.comparing(ProcessInstance::getId)).toList();
        ProcessInstance kept = running.stream()
                .filter(instance -> instance.getProcessDefinitionId().equals(latest.getId())).findFirst()
                .orElse(null);
        List<String> others = running.stream().filter(instance -> instance != kept).map(ProcessInstance::getId)
                .toList();
        if (!others.isEmpty()) {
            log.info("Relevé des indicateurs : {} instance(s) en trop ou d'une ancienne version supprimée(s)",
                    others.size());
            runtime.deleteProcessInstancesIfExists(others, "Une seule instance, sur la dernière version", true, true,
                    true);
        }
        if (kept == null) {
            runtime.startProcessInstanceByKey(KpiSnapshots.PROCESS, KpiSnapshots.PROCESS);
        }
    }
}
