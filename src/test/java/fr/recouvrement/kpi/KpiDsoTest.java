package fr.recouvrement.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import fr.recouvrement.kpi.KpiReport.Dso;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The count-back DSO on small examples worked out by hand. */
@FastTest
class KpiDsoTest {

    private static final LocalDate ON_THE_15TH = LocalDate.of(2026, 3, 15);

    @Test
    void theMonthWhereTheOutstandingRunsOutCountsItsShare() {
        // March up to the 15th: 15 days for 1000 invoiced; February (28 days): 2000, of which 500 remain to cover:
        // 15 + 500 / 2000 × 28 = 15 + 7 = 22.0 days.
        Dso dso = DsoCountBack.compute(new BigDecimal("1500.00"), ON_THE_15TH,
                Map.of(YearMonth.of(2026, 3), new BigDecimal("1000.00"), YearMonth.of(2026, 2), new BigDecimal("2000.00")));

        assertThat(dso.days()).isEqualByComparingTo("22.0");
        assertThat(dso.monthsCounted()).isEqualTo(2);
        assertThat(dso.capped()).isFalse();
        assertThat(dso.method()).contains("365 jours");
    }

    @Test
    void aMonthCoveredExactlyCountsWholeAndTheCountStops() {
        // 1000 outstanding, 1000 invoiced in March up to the 15th: 15.0 days.
        Dso dso = DsoCountBack.compute(new BigDecimal("1000.00"), ON_THE_15TH,
                Map.of(YearMonth.of(2026, 3), new BigDecimal("1000.00")));

        assertThat(dso.days()).isEqualByComparingTo("15.0");
        assertThat(dso.monthsCounted()).isEqualTo(1);
    }

    @Test
    void monthsWithoutInvoicingOrWithMoreCreditNotesCountTheirDaysAndCoverNothing() {
        // March nothing (15 days), February credited more than it invoiced (28 days, covers nothing), January 310:
        // 155 / 310 × 31 = 15.5: 15 + 28 + 15.5 = 58.5 days.
        Dso dso = DsoCountBack.compute(new BigDecimal("155.00"), ON_THE_15TH,
                Map.of(YearMonth.of(2026, 2), new BigDecimal("-40.00"), YearMonth.of(2026, 1), new BigDecimal("310.00")));

        assertThat(dso.days()).isEqualByComparingTo("58.5");
        assertThat(dso.monthsCounted()).isEqualTo(3);
    }

    @Test
    void nothingOutstandingIsZeroDays() {
        Dso dso = DsoCountBack.compute(new BigDecimal("0.00"), ON_THE_15TH, Map.of());

        assertThat(dso.days()).isEqualByComparingTo("0.0");
        assertThat(dso.monthsCounted()).isZero();
    }

    @Test
    void anOutstandingTwelveMonthsOfInvoicingDoNotCoverIsCappedAt365Days() {
        Map<YearMonth, BigDecimal> invoiced = new HashMap<>();
        for (int back = 0; back < 12; back++) {
            invoiced.put(YearMonth.of(2026, 3).minusMonths(back), new BigDecimal("100.00"));
        }

        Dso dso = DsoCountBack.compute(new BigDecimal("1200.01"), ON_THE_15TH, invoiced);

        assertThat(dso.days()).isEqualByComparingTo("365.0");
        assertThat(dso.monthsCounted()).isEqualTo(12);
        assertThat(dso.capped()).isTrue();
        assertThat(DsoCountBack.firstDay(ON_THE_15TH)).isEqualTo(LocalDate.of(2025, 4, 1));
    }
}
