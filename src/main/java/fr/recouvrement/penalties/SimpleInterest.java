package fr.recouvrement.penalties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Simple interest as docs/droit-francais.md §1 counts it: {@code unpaid × rate × days / 365}, period by period. The
 * interest of a day is computed on the balance before the payments dated that day (an amount paid on day P was late P −
 * due date days); the divisor is 365 in leap years too; the sum is exact and rounded half-up to the cent once, at the
 * end.
 */
public final class SimpleInterest {

    private SimpleInterest() {
    }

    /**
     * The interest and the periods it sums, or the half-years whose rate is missing (then no amount and no periods:
     * never a guess).
     */
    public record Result(BigDecimal amount, List<InterestPeriod> periods, List<HalfYear> missingRates) {
    }

    /**
     * @param principal the amount due before any reduction
     * @param firstDay the first day that bears interest
     * @param lastDay the last day that bears interest (inclusive); nothing accrues when before {@code firstDay}
     * @param reductions payments and credit notes, in any order
     * @param annualRatePercent the rate of each half-year, in percent
     */
    public static Result compute(BigDecimal principal, LocalDate firstDay, LocalDate lastDay, List<Reduction> reductions,
            Function<HalfYear, Optional<BigDecimal>> annualRatePercent) {
        if (lastDay.isBefore(firstDay)) {
            return new Result(BigDecimal.ZERO.setScale(2), List.of(), List.of());
        }
        List<Reduction> sorted = new ArrayList<>(reductions);
        sorted.sort(Comparator.comparing(Reduction::date));

        // The balance changes the day after each reduction, and the rate on each half-year's first day.
        TreeSet<LocalDate> boundaries = new TreeSet<>();
        boundaries.add(firstDay);
        boundaries.add(lastDay.plusDays(1));
        sorted.forEach(reduction -> boundaries.add(reduction.date().plusDays(1)));
        for (HalfYear h = HalfYear.of(firstDay).next(); !h.firstDay().isAfter(lastDay); h = h.next()) {
            boundaries.add(h.firstDay());
        }

        List<InterestPeriod> periods = new ArrayList<>();
        List<HalfYear> missing = new ArrayList<>();
        LocalDate start = null;
        for (LocalDate boundary : boundaries.subSet(firstDay, true, lastDay.plusDays(1), true)) {
            if (start != null) {
                BigDecimal balance = balanceOn(principal, sorted, start);
                if (balance.signum() > 0) {
                    HalfYear halfYear = HalfYear.of(start);
                    Optional<BigDecimal> rate = annualRatePercent.apply(halfYear);
                    if (rate.isEmpty()) {
                        if (!missing.contains(halfYear)) {
                            missing.add(halfYear);
                        }
                    } else {
                        periods.add(new InterestPeriod(start, boundary.minusDays(1),
                                ChronoUnit.DAYS.between(start, boundary), balance, rate.get()));
                    }
                }
            }
            start = boundary;
        }
        if (!missing.isEmpty()) {
            return new Result(null, List.of(), List.copyOf(missing));
        }
        BigDecimal sum = periods.stream().map(InterestPeriod::numerator).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Result(sum.divide(InterestPeriod.DAYS_TIMES_PERCENT, 2, RoundingMode.HALF_UP), List.copyOf(periods),
                List.of());
    }

    /** The unpaid amount on {@code day}: reductions dated before that day count, those dated that day not yet. */
    private static BigDecimal balanceOn(BigDecimal principal, List<Reduction> reductions, LocalDate day) {
        BigDecimal balance = principal;
        for (Reduction reduction : reductions) {
            if (reduction.date().isBefore(day)) {
                balance = balance.subtract(reduction.amount());
            }
        }
        return balance;
    }
}
