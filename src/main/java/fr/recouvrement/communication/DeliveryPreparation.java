package fr.recouvrement.communication;

import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.dossier.DossierStatus;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.letters.LetterFacts;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Before a message leaves: re-reads what it claims, cancels it when nothing is claimed any more, writes it again when
 * the amounts changed, and finds out where a previous run stopped (docs/architecture.md §5). Runs in the caller's
 * transaction, with the row locked.
 */
@Component
class DeliveryPreparation {

    /** What the delivery does next, for the process's gateway: the outcome, or SENDING for an e-mail to send now. */
    static final String SENT = "SENT";
    static final String CANCELLED = "CANCELLED";
    static final String LETTER = "LETTER";
    static final String UNKNOWN = "UNKNOWN";
    static final String SENDING = "SENDING";

    private final CommunicationRepository communications;
    private final CommunicationOutbox outbox;
    private final MessageWriter writer;
    private final InvoiceRepository invoices;

    DeliveryPreparation(CommunicationRepository communications, CommunicationOutbox outbox, MessageWriter writer,
            InvoiceRepository invoices) {
        this.communications = communications;
        this.outbox = outbox;
        this.writer = writer;
        this.invoices = invoices;
    }

    record Prepared(DeliveryRow row, String outcome) {
    }

    Prepared prepare(long id) {
        DeliveryRow row = communications.lock(id);
        while (row.status() == CommunicationStatus.CANCELLED && row.replacedBy() != null) {
            row = communications.lock(row.replacedBy());
        }
        return switch (row.status()) {
            case SENT, CANCELLED, UNKNOWN -> new Prepared(row, row.status().name());
            case SENDING -> {
                // A previous run died between SMTP and its status write: the e-mail may have left. A person decides.
                communications.changeStatus(row.id(), CommunicationStatus.SENDING, CommunicationStatus.UNKNOWN);
                yield new Prepared(row, UNKNOWN);
            }
            case PENDING, FAILED -> prepareSending(row);
            case SKIPPED -> throw new IllegalStateException("La communication n° " + row.id() + " est " + row.status()
                    + " : rien à remettre.");
        };
    }

    private Prepared prepareSending(DeliveryRow row) {
        LetterFacts.Facts now = row.dossierId() != null
                ? writer.dossierFacts(row.dossierId(), row.dossierNumber())
                : writer.invoiceFacts(invoice(row));
        String reason = row.dossierStatus() == DossierStatus.CLOSED ? "Dossier clos avant l'envoi."
                : !now.anythingClaimed() && !now.prescribed().isEmpty()
                        ? "Plus rien à réclamer au moment de l'envoi : factures prescrites ("
                                + String.join(", ", now.prescribed()) + "), qui ne peuvent plus être réclamées."
                : !now.anythingClaimed() ? "Plus rien à réclamer au moment de l'envoi (réglé, avoir ou litige)."
                : null;
        if (reason != null) {
            communications.cancel(row.id(), reason, null);
            return new Prepared(row, CANCELLED);
        }
        DeliveryRow current = now.snapshot().equals(row.snapshot()) ? row : rewrite(row, Map.of());
        if (!"EMAIL".equals(current.channel())) {
            return new Prepared(current, LETTER);
        }
        communications.changeStatus(current.id(), current.status(), CommunicationStatus.SENDING);
        return new Prepared(current, SENDING);
    }

    /**
     * The amounts changed since the message was written: it is written again as a new revision, and the old one is
     * cancelled and kept as evidence. What its step added to it (the notice's date of the last relance) is kept; the
     * caller's {@code extras} replace it where they say otherwise.
     */
    DeliveryRow rewrite(DeliveryRow row, Map<String, Object> extras) {
        Map<String, Object> kept = new HashMap<>(row.extras());
        kept.putAll(extras);
        MessageWriter.Draft draft = row.dossierId() != null
                ? writer.dossierStep(row.dossierId(), row.dossierNumber(), row.step(), row.channel(), kept)
                : writer.preDueReminder(row.invoiceId(), invoice(row));
        long replacement = outbox.store(draft.message().withOccurrence(row.occurrence()), row.revision() + 1).id();
        communications.cancel(row.id(), "Montants modifiés avant l'envoi : remplacée par la communication n° "
                + replacement + ".", replacement);
        return communications.lock(replacement);
    }

    /** Whether a letter waiting to be printed still claims what the dossier owes now. */
    boolean stale(DeliveryRow row) {
        LetterFacts.Facts now = writer.dossierFacts(row.dossierId(), row.dossierNumber());
        // Nothing left to claim: the settlement closes the dossier, which cancels the letter.
        return now.anythingClaimed() && !now.snapshot().equals(row.snapshot());
    }

    private InvoiceView invoice(DeliveryRow row) {
        return invoices.findByNumber(row.invoiceNumber())
                .orElseThrow(() -> NotFoundException.invoice(row.invoiceNumber()));
    }
}
