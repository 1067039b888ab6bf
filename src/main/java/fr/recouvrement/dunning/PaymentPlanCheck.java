package fr.recouvrement.dunning;

import fr.recouvrement.event.EventRepository;
import fr.recouvrement.event.PaymentPlan;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.payment.PaymentRepository;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a dossier's payment plan before the ladder plans or sends a step. A plan on track holds the ladder until the
 * day after its next instalment's date + grace; one instalment missed (less paid since the plan than the instalments
 * due) breaks it: its invoices are claimed again and the ladder resumes at the step not yet sent. This is the only
 * write on the way to a step's date, kept apart so that planning itself never writes.
 */
@Component
class PaymentPlanCheck {

    private final EventRepository events;
    private final PaymentRepository payments;
    private final InvoiceRepository invoices;

    PaymentPlanCheck(EventRepository events, PaymentRepository payments, InvoiceRepository invoices) {
        this.events = events;
        this.payments = payments;
        this.invoices = invoices;
    }

    /** @return the day to check the plan again; empty when the dossier follows no plan (any more) */
    Optional<LocalDate> enforce(long dossierId, int graceDays, LocalDate today) {
        Optional<PaymentPlan> plan = events.currentPaymentPlan(dossierId);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        PaymentPlan.Progress progress = plan.get()
                .progress(payments.paidSince(dossierId, plan.get().since()), graceDays, today);
        if (progress.missed()) {
            invoices.changeStatusInDossier(dossierId, Set.of(InvoiceStatus.PAYMENT_PLAN), InvoiceStatus.OPEN);
            return Optional.empty();
        }
        return Optional.ofNullable(progress.nextCheck());
    }
}
