package fr.recouvrement.dunning;

import fr.recouvrement.calendar.BusinessCalendar;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * The ladder's dates, as a pure function of the scenario, the dossier's facts and the present moment: no engine, no
 * database. A step is due at J + its day, moved by the days spent on hold, at least {@code minDaysBetween} after the
 * last message sent to the debtor, not before a promise's date + grace nor before a payment plan's next check, at
 * 09:00 on a business day (docs/architecture.md §3).
 */
@Component
public class LadderPlanner {

    /** How far away a waiting dossier's step is put; the release or the resolution brings it back. */
    private static final int WAITING_YEARS = 10;

    private final BusinessCalendar calendar;

    public LadderPlanner(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * A step planned: when it is due, and whether late entry skips it.
     *
     * @param skipped a later step is already due as the dossier enters the ladder: this one is recorded, not sent,
     *     so that the debtor gets no burst of past reminders
     */
    public record PlannedStep(ZonedDateTime at, boolean skipped) {
    }

    /**
     * @param ladderStarted whether the dossier already sent or postponed a step: from then on, it resumes at the step
     *     not yet sent and late entry skips nothing
     */
    public PlannedStep plan(LadderStep step, Scenario scenario, LadderFacts facts, boolean ladderStarted,
            ZonedDateTime now) {
        LocalDate origin = facts.origin().plusDays(facts.holdDays());
        boolean laterStepDue = step.later(scenario).stream()
                .anyMatch(later -> !calendar.nineOClock(origin.plusDays(later.day(scenario))).isAfter(now));
        return new PlannedStep(calendar.nineOClock(earliestDay(step, scenario, facts, now.toLocalDate())),
                laterStepDue && !ladderStarted);
    }

    /** Whether the step, due when it was planned, must wait again now (a promise, a hold, days on hold added). */
    public boolean postponed(LadderStep step, Scenario scenario, LadderFacts facts, ZonedDateTime now) {
        return calendar.nineOClock(earliestDay(step, scenario, facts, now.toLocalDate())).isAfter(now);
    }

    /**
     * The day the notice goes out if nothing changes, once the relance sent today is the last before it: the date
     * that relance announces (docs/droit-francais.md §4).
     */
    public LocalDate noticeDayAfterSending(Scenario scenario, LadderFacts facts, LocalDate today) {
        LadderFacts sentToday = new LadderFacts(facts.origin(), facts.holdDays(), facts.waiting(), today,
                facts.promiseUntil(), facts.planCheck());
        return calendar.nineOClock(earliestDay(LadderStep.MISE_EN_DEMEURE, scenario, sentToday, today)).toLocalDate();
    }

    LocalDate earliestDay(LadderStep step, Scenario scenario, LadderFacts facts, LocalDate today) {
        if (facts.waiting()) {
            return today.plusYears(WAITING_YEARS);
        }
        LocalDate day = facts.origin().plusDays(facts.holdDays()).plusDays(step.day(scenario));
        if (facts.lastSent() != null) {
            day = latest(day, facts.lastSent().plusDays(scenario.minDaysBetween()));
        }
        if (facts.promiseUntil() != null) {
            day = latest(day, facts.promiseUntil().plusDays(scenario.promiseGraceDays()));
        }
        if (facts.planCheck() != null) {
            day = latest(day, facts.planCheck());
        }
        return day;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
