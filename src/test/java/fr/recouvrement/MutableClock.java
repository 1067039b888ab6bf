package fr.recouvrement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The tests' "today": fixed, so that a test gives the same answer whatever day it runs, and movable, to make timers
 * due. Moving it moves the engine's clock too (docs/architecture.md §1: one source of today, in step with Camunda's).
 */
public class MutableClock extends Clock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The day every test starts on: a Tuesday, 2026-H2. */
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 24);

    private volatile Instant now;

    public MutableClock() {
        reset();
    }

    /** Back to {@link #DEFAULT_TODAY} at 10:00 in Paris. */
    public final void reset() {
        setToday(DEFAULT_TODAY);
    }

    public void setToday(LocalDate today) {
        set(ZonedDateTime.of(today, LocalTime.of(10, 0), PARIS).toInstant());
    }

    public void set(Instant instant) {
        now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, PARIS);
    }

    @Override
    public ZoneId getZone() {
        return PARIS;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
