package fr.recouvrement.simulation;

import fr.recouvrement.api.ConflictException;
import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.calendar.ApplicationClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Service;

/**
 * Moves the application's "today" forward for a demonstration or a training, and lets the job executor run at once
 * what fell due, as it would have in real time. One node only: another node keeps the real time.
 */
@Service
public class SimulatedTime {

    /** A day is reached at noon in Paris: its 09:00 steps have fallen due. */
    static final LocalTime ARRIVAL = LocalTime.NOON;
    /** Ten years: beyond, a typing slip, not a demonstration. */
    static final int MAX_DAYS = 3650;

    /** How long a move waits for the work already due to be done. */
    static final Duration SETTLING = Duration.ofSeconds(30);

    private final ApplicationClock clock;
    private final ProcessEngineConfiguration engine;
    private final ManagementService management;

    public SimulatedTime(ApplicationClock clock, ProcessEngineConfiguration engine, ManagementService management) {
        this.clock = clock;
        this.engine = engine;
        this.management = management;
    }

    /**
     * Where the application lives now.
     *
     * @param daysAhead how many days its date is ahead of the real one
     */
    public record Now(LocalDate date, ZonedDateTime dateTime, boolean simulated, long daysAhead) {
    }

    public Now now() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate realToday = LocalDate.ofInstant(now.toInstant().minus(clock.offset()), clock.getZone());
        return new Now(now.toLocalDate(), now, !clock.offset().isZero(),
                ChronoUnit.DAYS.between(realToday, now.toLocalDate()));
    }

    /** Moves to that day, at noon; the same day leaves the clock as it is, an earlier one is refused. */
    public Now moveTo(LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        if (day.isBefore(today)) {
            throw new ConflictException("L'horloge simulée ne recule pas : nous sommes le " + today
                    + ", la date demandée (" + day + ") est passée.");
        }
        if (day.isAfter(today)) {
            JobExecutor executor = ((ProcessEngineConfigurationImpl) engine).getJobExecutor();
            boolean running = executor != null && executor.isActive();
            if (running) {
                awaitDueWorkDone();
            }
            clock.moveTo(day.atTime(ARRIVAL).atZone(clock.getZone()).toInstant());
            if (running) {
                // The executor sleeps up to a minute when idle; what just fell due should not wait for it.
                executor.jobWasAdded();
            }
        }
        return now();
    }

    /**
     * Today's work first, as in real time: a job running while the clock jumps would see its lock expire and run twice
     * (the second run loses on its optimistic lock, but a delivery caught between SMTP and its status write would
     * become uncertain), and a job due today must run on today's date.
     */
    private void awaitDueWorkDone() {
        long deadline = System.nanoTime() + SETTLING.toNanos();
        while (management.createJobQuery().executable().active().count() > 0) {
            if (System.nanoTime() > deadline) {
                throw new ConflictException("Le travail du jour n'est pas terminé (des jobs échus attendent encore) :"
                        + " réessayez dans un instant, ou voyez les incidents dans Cockpit.");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the due jobs", e);
            }
        }
    }

    public Now advance(int days) {
        if (days < 0) {
            throw new ConflictException("L'horloge simulée ne recule pas : « days » doit être positif (" + days + ").");
        }
        if (days > MAX_DAYS) {
            throw new InvalidInputException("days", "Au plus " + MAX_DAYS + " jours d'un coup.");
        }
        return moveTo(LocalDate.now(clock).plusDays(days));
    }
}
