package fr.recouvrement.event;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A payment plan's arithmetic: an instalment counts as due once its date + grace has passed. */
@FastTest
class PaymentPlanTest {

    private static final LocalDate SINCE = LocalDate.of(2026, 11, 2);
    private static final PaymentPlan PLAN = new PaymentPlan(SINCE, List.of(
            new EventPayload.Instalment(LocalDate.of(2026, 11, 15), "500.00"),
            new EventPayload.Instalment(LocalDate.of(2026, 12, 15), "500.00"),
            new EventPayload.Instalment(LocalDate.of(2027, 1, 15), "250.50")));

    @Test
    void beforeAnyInstalmentIsDueThePlanIsCheckedTheDayAfterTheFirstOnePlusGrace() {
        PaymentPlan.Progress progress = PLAN.progress(BigDecimal.ZERO, 5, LocalDate.of(2026, 11, 20));

        assertThat(progress.missed()).isFalse();
        assertThat(progress.nextCheck()).isEqualTo("2026-11-21");
    }

    @Test
    void anInstalmentPaidKeepsThePlanOnTrackUntilTheNextOne() {
        PaymentPlan.Progress progress = PLAN.progress(new BigDecimal("500.00"), 5, LocalDate.of(2026, 11, 21));

        assertThat(progress.missed()).isFalse();
        assertThat(progress.nextCheck()).isEqualTo("2026-12-21");
    }

    @Test
    void lessPaidThanTheInstalmentsDueIsAMissedPlan() {
        PaymentPlan.Progress progress = PLAN.progress(new BigDecimal("499.99"), 5, LocalDate.of(2026, 11, 21));

        assertThat(progress.missed()).isTrue();
        assertThat(progress.nextCheck()).isNull();
    }

    @Test
    void afterTheLastInstalmentNothingIsLeftToCheck() {
        PaymentPlan.Progress progress = PLAN.progress(new BigDecimal("1250.50"), 5, LocalDate.of(2027, 2, 1));

        assertThat(progress.missed()).isFalse();
        assertThat(progress.nextCheck()).isNull();
    }
}
