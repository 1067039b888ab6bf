package fr.recouvrement.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment plan the debtor agreed to, as recorded: since when, and its instalments. Its arithmetic is pure; the
 * ledger's payments are given to it.
 */
public record PaymentPlan(LocalDate since, List<EventPayload.Instalment> instalments) {

    /**
     * Where the plan stands on a day.
     *
     * @param missed an instalment whose date + grace has passed is not covered by what was paid since the plan
     * @param nextCheck the day after the next instalment's date + grace, when it is checked again; null when none
     *     remains or the plan is missed
     */
    public record Progress(boolean missed, LocalDate nextCheck) {
    }

    /** @param paidSince what the dossier's invoices received as payments (not credit notes) since the plan */
    public Progress progress(BigDecimal paidSince, int graceDays, LocalDate today) {
        BigDecimal due = BigDecimal.ZERO;
        LocalDate next = null;
        for (EventPayload.Instalment instalment : instalments) {
            if (instalment.date().plusDays(graceDays).isBefore(today)) {
                due = due.add(new BigDecimal(instalment.amount()));
            } else if (next == null) {
                next = instalment.date();
            }
        }
        if (paidSince.compareTo(due) < 0) {
            return new Progress(true, null);
        }
        return new Progress(false, next == null ? null : next.plusDays(graceDays + 1L));
    }
}
