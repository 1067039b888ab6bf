package fr.recouvrement.kpi;

import fr.recouvrement.kpi.KpiReport.Dso;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * Days sales outstanding by the count-back method: the outstanding is exhausted against what was invoiced each month,
 * net of credit notes, from the current month (up to the day asked) back. Each month it covers whole counts its days;
 * the month where it runs out counts the share of its days that the remainder is of that month's invoicing. Unlike
 * outstanding / sales × days, it follows the invoicing of the months that hold the debt. Pure: no SQL.
 */
final class DsoCountBack {

    static final int MAX_MONTHS = 12;
    static final BigDecimal MAX_DAYS = BigDecimal.valueOf(365);
    static final String METHOD = "Décompte rétrograde (count-back) : l'encours est imputé sur le montant facturé, "
            + "avoirs déduits, du mois en cours jusqu'à asOf, puis de chaque mois précédent, douze mois au plus ; "
            + "un mois entièrement couvert compte tous ses jours, le dernier au prorata du reste ; plafonné à 365 jours.";

    private DsoCountBack() {
    }

    /**
     * @param netInvoiced by month, what was invoiced net of credit notes (a month that credited more than it invoiced
     *     counts as nothing invoiced); months absent invoiced nothing
     */
    static Dso compute(BigDecimal outstanding, LocalDate asOf, Map<YearMonth, BigDecimal> netInvoiced) {
        BigDecimal remaining = outstanding;
        BigDecimal days = BigDecimal.ZERO;
        int months = 0;
        YearMonth month = YearMonth.from(asOf);
        while (remaining.signum() > 0 && months < MAX_MONTHS) {
            int daysOfMonth = months == 0 ? asOf.getDayOfMonth() : month.lengthOfMonth();
            BigDecimal invoiced = netInvoiced.getOrDefault(month, BigDecimal.ZERO).max(BigDecimal.ZERO);
            months++;
            if (remaining.compareTo(invoiced) >= 0) {
                days = days.add(BigDecimal.valueOf(daysOfMonth));
                remaining = remaining.subtract(invoiced);
            } else {
                days = days.add(remaining.multiply(BigDecimal.valueOf(daysOfMonth))
                        .divide(invoiced, 10, RoundingMode.HALF_UP));
                remaining = BigDecimal.ZERO;
            }
            month = month.minusMonths(1);
        }
        // Twelve months of invoicing do not cover the outstanding: it is older than the method can tell.
        boolean capped = remaining.signum() > 0 || days.compareTo(MAX_DAYS) > 0;
        BigDecimal result = capped ? MAX_DAYS : days;
        return new Dso(result.setScale(1, RoundingMode.HALF_UP), months, capped, METHOD);
    }

    /** The first day of the earliest month the count-back may reach. */
    static LocalDate firstDay(LocalDate asOf) {
        return YearMonth.from(asOf).minusMonths(MAX_MONTHS - 1L).atDay(1);
    }
}
