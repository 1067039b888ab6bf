package fr.recouvrement.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import fr.recouvrement.calendar.BusinessCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The ladder's dates, without the engine or the database: J + day, and what moves a step later. */
@FastTest
class LadderPlannerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** J: a Monday. */
    private static final LocalDate J = LocalDate.of(2026, 10, 5);
    /** The default scenario of a PME: relances at J+7 and J+15, the notice at J+30. */
    private static final Scenario PME = new Scenario(7, 7, 15, null, 30, 8, 5, 5, 2, "EMAIL", "EMAIL", null, 3);
    private static final Scenario GRAND_COMPTE = new Scenario(7, 7, 15, 30, 45, 15, 5, 5, 2, "EMAIL", "EMAIL",
            "LETTER", 3);

    private final LadderPlanner planner = new LadderPlanner(new BusinessCalendar(false));

    private static LadderFacts facts() {
        return new LadderFacts(J, 0, false, null, null, null);
    }

    private static ZonedDateTime at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), PARIS);
    }

    @Test
    void aStepIsDueAtJPlusItsDayAtNineInParis() {
        LadderPlanner.PlannedStep planned = planner.plan(LadderStep.RELANCE_1, PME, facts(), false, at(J, 10));

        assertThat(planned.at()).isEqualTo(at(LocalDate.of(2026, 10, 12), 9));
        assertThat(planned.skipped()).isFalse();
    }

    @Test
    void aWeekendOrAPublicHolidayMovesTheStepToTheNextBusinessDay() {
        // J+7 from Saturday 24 October 2026 is Saturday 31 October; Monday 2 November is a business day.
        LadderFacts saturday = new LadderFacts(LocalDate.of(2026, 10, 24), 0, false, null, null, null);
        assertThat(planner.plan(LadderStep.RELANCE_1, PME, saturday, false, at(J, 10)).at())
                .isEqualTo(at(LocalDate.of(2026, 11, 2), 9));
        // J+15 from 27 October is Wednesday 11 November, Armistice day: Thursday 12 November.
        LadderFacts armistice = new LadderFacts(LocalDate.of(2026, 10, 27), 0, false, null, null, null);
        assertThat(planner.plan(LadderStep.RELANCE_2, PME, armistice, false, at(J, 10)).at())
                .isEqualTo(at(LocalDate.of(2026, 11, 12), 9));
    }

    @Test
    void daysOnHoldMoveEveryStep() {
        LadderFacts held = new LadderFacts(J, 10, false, null, null, null);

        assertThat(planner.plan(LadderStep.RELANCE_2, PME, held, false, at(J, 10)).at())
                .isEqualTo(at(J.plusDays(25), 9));
    }

    @Test
    void twoMessagesAreAtLeastMinDaysBetweenApart() {
        // Relance 1 went out late, on J+12: relance 2 waits until J+17 rather than J+15.
        LadderFacts lastSent = new LadderFacts(J, 0, false, J.plusDays(12), null, null);

        assertThat(planner.plan(LadderStep.RELANCE_2, PME, lastSent, true, at(J.plusDays(12), 10)).at())
                .isEqualTo(at(J.plusDays(17), 9));
    }

    @Test
    void theLastRelanceAnnouncesTheDayTheNoticeGoesOut() {
        // PME: relance 2 sent on time at J+15 (Tuesday 20 October): the notice at J+30, Wednesday 4 November.
        assertThat(planner.noticeDayAfterSending(PME, facts(), J.plusDays(15))).isEqualTo(J.plusDays(30));
        // Sent late, on J+27 (Sunday 1 November, say after a hold): minDaysBetween (5) puts the notice at J+32,
        // Friday 6 November, not at J+30.
        assertThat(planner.noticeDayAfterSending(PME, facts(), J.plusDays(27))).isEqualTo(J.plusDays(32));
        // J+30 falling on Saturday 7 November 2026 (J = 8 October) moves to Monday 9 November.
        LadderFacts thursday = new LadderFacts(LocalDate.of(2026, 10, 8), 0, false, null, null, null);
        assertThat(planner.noticeDayAfterSending(PME, thursday, LocalDate.of(2026, 10, 23)))
                .isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void aPromiseHoldsTheStepUntilItsDatePlusGrace() {
        LadderFacts promised = new LadderFacts(J, 0, false, null, J.plusDays(20), null);

        assertThat(planner.plan(LadderStep.RELANCE_2, PME, promised, true, at(J, 10)).at())
                .isEqualTo(at(J.plusDays(25), 9));
    }

    @Test
    void aPaymentPlanOnTrackHoldsTheStepUntilItsNextCheck() {
        LadderFacts planned = new LadderFacts(J, 0, false, null, null, J.plusDays(38));

        assertThat(planner.plan(LadderStep.RELANCE_2, PME, planned, true, at(J, 10)).at())
                .isEqualTo(at(J.plusDays(38), 9));
    }

    @Test
    void theLatestConstraintWins() {
        LadderFacts all = new LadderFacts(J, 2, false, J.plusDays(14), J.plusDays(16), J.plusDays(18));

        // J+15+2 = J+17; last sent + 5 = J+19; promise + 5 = J+21; plan check J+18: J+21, a Monday.
        assertThat(planner.plan(LadderStep.RELANCE_2, PME, all, true, at(J, 10)).at())
                .isEqualTo(at(J.plusDays(21), 9));
    }

    @Test
    void aWaitingDossierPlansNothingForYears() {
        LadderFacts waiting = new LadderFacts(J, 0, true, null, null, null);

        assertThat(planner.plan(LadderStep.RELANCE_1, PME, waiting, false, at(J, 10)).at().getYear())
                .isEqualTo(J.getYear() + 10);
    }

    @Test
    void lateEntrySkipsAStepWhenALaterOneIsAlreadyDue() {
        // Opened on J+16: relance 2 (J+15) is due, so relance 1 is recorded, not sent; relance 2 is not skipped.
        ZonedDateTime now = at(J.plusDays(16), 10);

        assertThat(planner.plan(LadderStep.RELANCE_1, PME, facts(), false, now).skipped()).isTrue();
        assertThat(planner.plan(LadderStep.RELANCE_2, PME, facts(), false, now).skipped()).isFalse();
        // A later step due at 09:00 the same morning counts as due.
        assertThat(planner.plan(LadderStep.RELANCE_1, PME, facts(), false, at(J.plusDays(15), 9)).skipped())
                .isTrue();
        assertThat(planner.plan(LadderStep.RELANCE_1, PME, facts(), false, at(J.plusDays(14), 10)).skipped())
                .isFalse();
    }

    @Test
    void onceTheLadderStartedNothingIsSkipped() {
        assertThat(planner.plan(LadderStep.RELANCE_1, PME, facts(), true, at(J.plusDays(40), 10)).skipped())
                .isFalse();
    }

    @Test
    void lateEntryOnlyLooksAtTheStepsTheScenarioHas() {
        // On J+31 a grand compte's relance 3 (J+30) is due, so its relance 2 is skipped; a scenario without relance 3
        // and with its notice at J+45 sends relance 2.
        Scenario twoRelances = new Scenario(7, 7, 15, null, 45, 15, 5, 5, 2, "EMAIL", "EMAIL", null, 3);
        ZonedDateTime now = at(J.plusDays(31), 10);

        assertThat(planner.plan(LadderStep.RELANCE_2, GRAND_COMPTE, facts(), false, now).skipped()).isTrue();
        assertThat(planner.plan(LadderStep.RELANCE_2, twoRelances, facts(), false, now).skipped()).isFalse();
    }

    @Test
    void aStepDueWhenPlannedIsPostponedWhenAPromiseCameMeanwhile() {
        ZonedDateTime dueTime = at(J.plusDays(7), 9);

        assertThat(planner.postponed(LadderStep.RELANCE_1, PME, facts(), dueTime)).isFalse();
        LadderFacts promised = new LadderFacts(J, 0, false, null, J.plusDays(10), null);
        assertThat(planner.postponed(LadderStep.RELANCE_1, PME, promised, dueTime)).isTrue();
    }
}
