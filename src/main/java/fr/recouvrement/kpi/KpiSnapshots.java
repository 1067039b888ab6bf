package fr.recouvrement.kpi;

import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code bpmn/releve-indicateurs.bpmn}: the day's snapshot of the headline figures, and the
 * moment of the next one (docs/architecture.md §1, «The daily snapshot»).
 */
@Component("kpiSnapshots")
public class KpiSnapshots {

    /** The process that takes the snapshots; {@link KpiSnapshotProcess} keeps one instance of it running. */
    public static final String PROCESS = "releve-indicateurs";
    /** The process variable the diagram's timer waits for. */
    static final String NEXT_SNAPSHOT_AT = "nextSnapshotAt";
    static final LocalTime SNAPSHOT_TIME = LocalTime.of(6, 0);

    private final Kpis kpis;
    private final KpiSnapshotRepository snapshots;
    private final Clock clock;

    KpiSnapshots(Kpis kpis, KpiSnapshotRepository snapshots, Clock clock) {
        this.kpis = kpis;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /**
     * <i>Relever les indicateurs du jour</i>: stores today's figures, unless today has them already (a retried job,
     * the instance started anew at boot, a second instance), so that the trend has one row a day.
     */
    @ScenarioStep
    public void take(DelegateExecution execution) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), BusinessCalendar.PARIS);
        if (!snapshots.exists(today)) {
            snapshots.insertIfAbsent(kpis.headline(today));
        }
    }

    /** <i>Planifier le prochain relevé</i>: the timer waits for the next 06:00 in Paris. */
    @ScenarioStep
    public void planNext(DelegateExecution execution) {
        execution.setVariable(NEXT_SNAPSHOT_AT, nextSnapshotAt(clock.instant()));
    }

    /**
     * The first 06:00 Europe/Paris strictly after {@code now}. Computed here rather than by a cron expression, which
     * follows the JVM's zone: a server on UTC would take the snapshot at 07:00 or 08:00 in Paris. 06:00 exists on
     * every day, the clocks changing at 02:00 and 03:00.
     */
    static Date nextSnapshotAt(Instant now) {
        ZonedDateTime paris = now.atZone(BusinessCalendar.PARIS);
        ZonedDateTime today = paris.toLocalDate().atTime(SNAPSHOT_TIME).atZone(BusinessCalendar.PARIS);
        ZonedDateTime next = today.isAfter(paris) ? today
                : paris.toLocalDate().plusDays(1).atTime(SNAPSHOT_TIME).atZone(BusinessCalendar.PARIS);
        return Date.from(next.toInstant());
    }
}
