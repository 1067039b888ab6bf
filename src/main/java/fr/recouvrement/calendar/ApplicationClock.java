package fr.recouvrement.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock: the system clock, which a demonstration may move forward (docs/operations.md, «Simulated
 * time»). The engine's clock moves with it, so that timers fall due when the application's "today" says so. It ticks
 * like the system clock; a restart returns to the real time.
 */
public class ApplicationClock extends Clock {

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;

    public ApplicationClock(Clock system) {
        this.system = system;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }

    /** How far ahead of the real time the application lives; zero unless a demonstration moved it. */
    public Duration offset() {
        return offset;
    }

    /** Moves the application, the engine with it, to that moment; only forward, since jobs already run stay run. */
    public synchronized void moveTo(Instant moment) {
        Duration moved = Duration.between(system.instant(), moment);
        if (moved.compareTo(offset) < 0) {
            throw new IllegalArgumentException("The clock only moves forward: " + moment + " is before " + instant());
        }
        offset = moved;
        ClockUtil.offset(moved.toMillis());
    }
}
