package fr.recouvrement.dunning;

import fr.recouvrement.MutableClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs a process's jobs the way the job executor would, with the clock the test moves. */
public final class ProcessDriver {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final MutableClock clock;

    public ProcessDriver(ManagementService management, RuntimeService runtime, MutableClock clock) {
        this.management = management;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * Executes every job that is due now for these process instances and the instances they called ("Vérifier le
     * débiteur"), until none is left.
     */
    public void runDueJobs(String... processInstanceIds) {
        for (int round = 0; round < 100; round++) {
            Set<String> instances = new HashSet<>(Set.of(processInstanceIds));
            for (String id : processInstanceIds) {
                runtime.createProcessInstanceQuery().superProcessInstanceId(id).list()
                        .forEach(called -> instances.add(called.getId()));
            }
            List<Job> due = management.createJobQuery().processInstanceIds(instances).executable().list();
            if (due.isEmpty()) {
                return;
            }
            // A job may cancel the others (a collective procedure interrupts the whole dossier): run those left only.
            due.stream().filter(job -> management.createJobQuery().jobId(job.getId()).count() > 0)
                    .forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming: a loop in the process?");
    }

    /** Moves the clock to a moment in Paris, then runs what became due. */
    public void at(LocalDateTime parisTime, String... processInstanceIds) {
        clock.set(parisTime.atZone(ZoneId.of("Europe/Paris")).toInstant());
        runDueJobs(processInstanceIds);
    }

    public Instant timerDue(String processInstanceId, String activityId) {
        Job timer = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .timers().singleResult();
        if (timer == null) {
            throw new AssertionError("No timer waits at " + activityId);
        }
        return timer.getDuedate().toInstant();
    }
}
