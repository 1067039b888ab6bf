package fr.recouvrement.bank;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code civil art. 1342-10, computed by hand beside each case. */
@FastTest
class AllocationTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 23);

    private static Allocation.Debt debt(String number, String balance, String dueDate, boolean penalties) {
        return new Allocation.Debt(number, new BigDecimal(balance), LocalDate.parse(dueDate), penalties, false, false,
                false);
    }

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void aLumpSumGoesToTheDebtsDueBearingPenaltiesOldestFirstThenToTheDebtNotYetDue() {
        // 1,850.00 for three invoices:
        //   A 1,000.00 due 2026-08-31, B 700.00 due 2026-09-30: due, bearing penalties; C 500.00 due 2026-12-15: not due.
        //   A first (oldest): 1,000.00, leaves 850.00; B: 700.00, leaves 150.00; C takes the 150.00 left. No credit.
        List<Allocation.Debt> debts = List.of(debt("C", "500.00", "2026-12-15", false),
                debt("B", "700.00", "2026-09-30", true), debt("A", "1000.00", "2026-08-31", true));

        Allocation.Result result = Allocation.impute(eur("1850.00"), List.of(), debts, PAID_ON);

        assertThat(result.shares()).containsExactly(new Allocation.Share("A", eur("1000.00")),
                new Allocation.Share("B", eur("700.00")), new Allocation.Share("C", eur("150.00")));
        assertThat(result.unapplied()).isEqualByComparingTo("0.00");
    }

    @Test
    void aDebtBearingPenaltiesComesBeforeAnOlderOneThatDoesNot() {
        // Both due; X (a consumer's, no penalty) is older, Y bears penalties: the debtor has more interest in paying Y.
        // 400.00: Y 300.00 in full, X the remaining 100.00.
        List<Allocation.Debt> debts = List.of(debt("X", "300.00", "2026-06-30", false),
                debt("Y", "300.00", "2026-09-30", true));

        Allocation.Result result = Allocation.impute(eur("400.00"), List.of(), debts, PAID_ON);

        assertThat(result.shares()).containsExactly(new Allocation.Share("Y", eur("300.00")),
                new Allocation.Share("X", eur("100.00")));
    }

    @Test
    void betweenDebtsEqualInAllTheAmountIsSharedProRata() {
        // P 200.00 and Q 100.00, same due date, both bearing penalties; 100.00 received:
        //   P 100 × 200 / 300 = 66.666… → 66.66; Q 100 × 100 / 300 = 33.333… → 33.33; 0.01 left goes to P: 66.67.
        List<Allocation.Debt> debts = List.of(debt("P", "200.00", "2026-10-31", true),
                debt("Q", "100.00", "2026-10-31", true));

        Allocation.Result result = Allocation.impute(eur("100.00"), List.of(), debts, PAID_ON);

        assertThat(result.shares()).containsExactly(new Allocation.Share("P", eur("66.67")),
                new Allocation.Share("Q", eur("33.33")));
    }

    @Test
    void theInvoicesNamedComeFirstInTheOrderNamedAndTheSurplusIsACredit() {
        // Named: B then A. 1,900.00: B 700.00, A 1,000.00; then C (not named) 150.00 is all that is owed besides:
        // 1,900.00 − 700.00 − 1,000.00 = 200.00; C takes 150.00 (legal order); 50.00 left, a credit on the debtor.
        List<Allocation.Debt> debts = List.of(debt("A", "1000.00", "2026-08-31", true),
                debt("B", "700.00", "2026-09-30", true), debt("C", "150.00", "2026-12-15", false));

        Allocation.Result result = Allocation.impute(eur("1900.00"), List.of("B", "A"), debts, PAID_ON);

        assertThat(result.shares()).containsExactly(new Allocation.Share("B", eur("700.00")),
                new Allocation.Share("A", eur("1000.00")), new Allocation.Share("C", eur("150.00")));
        assertThat(result.unapplied()).isEqualByComparingTo("50.00");
    }

    @Test
    void aPrescribedInvoiceTakesNothingEvenNamed() {
        Allocation.Debt prescribed = new Allocation.Debt("OLD", eur("500.00"), LocalDate.of(2020, 1, 31), true, true,
                false, false);
        List<Allocation.Debt> debts = List.of(prescribed, debt("NEW", "200.00", "2026-10-31", true));

        Allocation.Result result = Allocation.impute(eur("600.00"), List.of("OLD"), debts, PAID_ON);

        assertThat(result.shares()).containsExactly(new Allocation.Share("NEW", eur("200.00")));
        assertThat(result.unapplied()).isEqualByComparingTo("400.00");
        assertThat(result.notes()).singleElement().asString().contains("OLD est prescrite");
    }

    @Test
    void aDisputedInvoiceIsPaidOnlyWhenNamed() {
        Allocation.Debt disputed = new Allocation.Debt("LIT", eur("300.00"), LocalDate.of(2026, 9, 30), true, false,
                false, true);

        assertThat(Allocation.impute(eur("300.00"), List.of(), List.of(disputed), PAID_ON).shares()).isEmpty();
        assertThat(Allocation.impute(eur("300.00"), List.of("LIT"), List.of(disputed), PAID_ON).shares())
                .containsExactly(new Allocation.Share("LIT", eur("300.00")));
    }
}
