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
 * A dossier's payment plan, as the ladder sees it. A plan on track holds the ladder until the day after its next
 * instalment's date + grace; one instalment missed (less paid since the plan than the instalments due) breaks it: its
 * invoices are claimed again and the ladder resumes at the step not yet sent. Breaking it is the only write on the way
 * to a step's date, done by {@link #enforce} before the ladder plans or sends; planning itself never writes.
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

    /** Where the dossier's plan stands; empty when it follows none. Reads only. */
    Optional<PaymentPlan.Progress> progress(long dossierId, int graceDays, LocalDate today) {
        return events.currentPaymentPlan(dossierId).map(plan ->
                plan.progress(payments.paidSince(dossierId, plan.since()), graceDays, today));
    }

    /** Breaks a missed plan. @return the day to check the plan again; empty when the dossier follows no plan (any more) */
    Optional<LocalDate> enforce(long dossierId, int graceDays, LocalDate today) {
        Optional<PaymentPlan.Progress> progress = progress(dossierId, graceDays, today);
        if (progress.isPresent() && progress.get().missed()) {
            invoices.changeStatusInDossier(dossierId, Set.of(InvoiceStatus.PAYMENT_PLAN), InvoiceStatus.OPEN);
        }
        return progress.map(PaymentPlan.Progress::nextCheck);
    }
}
