package fr.recouvrement.payment;

import fr.recouvrement.api.ConflictException;
import fr.recouvrement.api.FieldProblem;
import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.dossier.DossierMessages;
import fr.recouvrement.engine.EngineTransaction;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Records payments and credit notes (docs/api.md): idempotent by reference per invoice, the invoice row locked so that
 * concurrent payments line up, the invoice's status updated when it is settled, and {@code PaiementRecu} sent to its
 * dossier, all in one {@link EngineTransaction}.
 */
@Service
public class PaymentRecorder {

    private final PaymentRepository payments;
    private final InvoiceRepository invoices;
    private final DossierMessages messages;
    private final EngineTransaction transaction;
    private final Clock clock;

    public PaymentRecorder(PaymentRepository payments, InvoiceRepository invoices, DossierMessages messages,
            EngineTransaction transaction, Clock clock) {
        this.payments = payments;
        this.invoices = invoices;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A new payment, or the one already recorded under that reference. */
    public record Outcome(PaymentView payment, boolean created) {
    }

    public Outcome record(String invoiceNumber, PaymentRequest request) {
        NewPayment payment = PaymentValidator.validate(request, LocalDate.now(clock));
        return transaction.execute(status -> recordOnce(invoiceNumber, payment));
    }

    /**
     * A payment received on the bank account (fr.recouvrement.bank), in the caller's transaction: the statement's
     * import is one transaction, retried whole by its {@link EngineTransaction}. Same checks, events and idempotency
     * by reference as the API.
     */
    public Outcome recordReceived(String invoiceNumber, String reference, BigDecimal amount, LocalDate date) {
        return recordOnce(invoiceNumber, PaymentValidator.validate(new PaymentRequest(reference, amount.toPlainString(),
                date.toString(), PaymentType.PAYMENT.name()), LocalDate.now(clock)));
    }

    /**
     * Cancels a payment the bank took back (a reversal, a returned transfer), in the caller's transaction: the amount
     * constraint of the ledger allows no negative payment, so the row goes; the invoice is claimed again if the payment
     * had settled it, and its open dossier re-reads itself ({@code PaiementRecu} with {@code type} REVERSAL). A dossier
     * already closed as settled stays closed: the agent reopens the collection by hand (docs/api.md).
     *
     * @return false when no such payment is recorded
     */
    public boolean cancelReceived(String invoiceNumber, String reference) {
        PaymentRepository.LockedInvoice invoice = payments.lockInvoice(invoiceNumber)
                .orElseThrow(() -> NotFoundException.invoice(invoiceNumber));
        var existing = payments.find(invoice.id(), reference);
        if (existing.isEmpty()) {
            return false;
        }
        payments.delete(invoice.id(), reference);
        boolean settled = balance(invoice, payments.totals(invoice.id())).signum() <= 0;
        if (!settled && invoice.status() == InvoiceStatus.PAID) {
            invoices.setStatus(invoice.id(), InvoiceStatus.OPEN);
        }
        if (invoice.inOpenDossier()) {
            messages.send(invoice.dossierNumber(), DossierMessages.PAYMENT_RECEIVED, Map.of(
                    "invoiceNumber", invoiceNumber,
                    "amount", existing.get().amount().negate().toPlainString(),
                    "type", "REVERSAL",
                    "settled", settled));
        }
        return true;
    }

    private Outcome recordOnce(String invoiceNumber, NewPayment payment) {
        PaymentRepository.LockedInvoice invoice = payments.lockInvoice(invoiceNumber).orElseThrow(() -> NotFoundException.invoice(invoiceNumber));
        var existing = payments.find(invoice.id(), payment.reference());
        if (existing.isPresent()) {
            return new Outcome(replay(payment, existing.get()), false);
        }
        List<String> warnings = new ArrayList<>();
        PaymentRepository.Totals before = payments.totals(invoice.id());
        if (balance(invoice, before).signum() <= 0) {
            warnings.add("La facture " + invoiceNumber + " était déjà soldée : ce paiement est enregistré en trop-perçu,"
                    + " à rembourser ou à imputer.");
        }
        PaymentView stored = payments.insert(invoice.id(), payment);
        PaymentRepository.Totals totals = before.with(payment);
        boolean settled = balance(invoice, totals).signum() <= 0;
        if (settled && invoice.status() != InvoiceStatus.CANCELLED) {
            // Fully credited without any payment: the invoice is cancelled, not paid.
            invoices.setStatus(invoice.id(), totals.paid().signum() == 0 ? InvoiceStatus.CANCELLED : InvoiceStatus.PAID);
        }
        if (invoice.inOpenDossier()) {
            // The amount travels as text: never a double for money, in the engine either.
            messages.send(invoice.dossierNumber(), DossierMessages.PAYMENT_RECEIVED, Map.of(
                    "invoiceNumber", invoiceNumber,
                    "amount", payment.amount().toPlainString(),
                    "type", payment.type().name(),
                    "settled", settled));
        }
        return new Outcome(stored.withWarnings(warnings), true);
    }

    private static PaymentView replay(NewPayment payment, PaymentView existing) {
        List<FieldProblem> differences = new ArrayList<>();
        if (payment.amount().compareTo(existing.amount()) != 0) {
            differences.add(new FieldProblem("amount", "Déjà enregistré avec " + existing.amount().toPlainString() + "."));
        }
        if (!payment.date().equals(existing.date())) {
            differences.add(new FieldProblem("date", "Déjà enregistré au " + existing.date() + "."));
        }
        if (payment.type() != existing.type()) {
            differences.add(new FieldProblem("type", "Déjà enregistré comme " + existing.type() + "."));
        }
        if (!differences.isEmpty()) {
            throw new ConflictException("La référence " + payment.reference()
                    + " est déjà enregistrée sur cette facture avec d'autres valeurs.", differences);
        }
        return existing;
    }

    private static BigDecimal balance(PaymentRepository.LockedInvoice invoice, PaymentRepository.Totals totals) {
        return invoice.amount().subtract(totals.paid()).subtract(totals.credited());
    }

    public List<PaymentView> list(String invoiceNumber) {
        return payments.list(payments.invoiceId(invoiceNumber).orElseThrow(() -> NotFoundException.invoice(invoiceNumber)));
    }

    public PaymentView get(String invoiceNumber, String reference) {
        long invoiceId = payments.invoiceId(invoiceNumber).orElseThrow(() -> NotFoundException.invoice(invoiceNumber));
        return payments.find(invoiceId, reference).orElseThrow(() -> new NotFoundException(
                "Aucun paiement de référence " + reference + " sur la facture " + invoiceNumber + "."));
    }
}
