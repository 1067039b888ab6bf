package fr.recouvrement.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A checked event; only the fields of its type are set.
 *
 * @param signedOn the day the debtor signed the payment plan; null for a plan an agent merely typed
 */
public record ValidEvent(
        EventType type, String reason, Boolean justified, ResolutionAction action, LocalDate date,
        List<PlannedInstalment> instalments, String text, BigDecimal amount, EventPayload.Call call,
        LocalDate signedOn) {

    /** How a dispute ends: justified, with a credit note or a cancellation; unjustified, dunning resumes. */
    public enum ResolutionAction {
        CREDIT_NOTE,
        CANCEL,
        RESUME
    }

    /** One instalment of a payment plan. */
    public record PlannedInstalment(LocalDate date, BigDecimal amount) {
    }

    public BigDecimal planTotal() {
        return instalments.stream().map(PlannedInstalment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
