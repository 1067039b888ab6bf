package fr.recouvrement.penalties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One line of a penalty computation (docs/droit-francais.md §1): a run of days with one balance and one rate, so that
 * the debtor can check every euro the notice claims.
 *
 * @param firstDay the first day that bears interest
 * @param lastDay the last day that bears interest (inclusive)
 * @param balance the unpaid amount on each of these days
 * @param ratePercent the annual rate, in percent
 */
public record InterestPeriod(LocalDate firstDay, LocalDate lastDay, long days, BigDecimal balance,
        BigDecimal ratePercent) {

    static final BigDecimal DAYS_TIMES_PERCENT = new BigDecimal(365 * 100);

    /** {@code balance × rate × days}, the numerator the exact sum of an invoice's periods is made of. */
    BigDecimal numerator() {
        return balance.multiply(ratePercent).multiply(BigDecimal.valueOf(days));
    }

    /**
     * This period's interest rounded to the cent, half up, as an invoice's total is: the total rounds the exact sum
     * of its periods once, so it may differ by a cent from the sum of the rounded lines.
     */
    public BigDecimal amount() {
        return numerator().divide(DAYS_TIMES_PERCENT, 2, RoundingMode.HALF_UP);
    }
}
