package fr.recouvrement.dunning;

import fr.recouvrement.MutableClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs a process's jobs the way the job executor would, with the clock the test moves. */
public final class ProcessDriver {

    private final ManagementService management;
    private final MutableClock clock;

    public ProcessDriver(ManagementService management, MutableClock clock) {
        this.management = management;
        this.clock = clock;
    }

    /** Executes every job that is due now for these process instances, until none is left. */
    public void runDueJobs(String... processInstanceIds) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().processInstanceIds(java.util.Set.of(processInstanceIds))
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
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
