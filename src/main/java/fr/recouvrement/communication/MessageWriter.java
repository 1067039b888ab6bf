package fr.recouvrement.communication;

import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.debtor.Address;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.letters.LetterFacts;
import fr.recouvrement.letters.Letters;
import fr.recouvrement.money.Euros;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Writes a step's message from the ledger as it is now: one per dossier, listing its open invoices
 * (docs/architecture.md §3), or one per invoice for the pre-due reminder.
 */
@Component
public class MessageWriter {

    private final InvoiceRepository invoices;
    private final DossierRepository dossiers;
    private final LetterFacts facts;
    private final Letters letters;
    private final CommunicationRepository communications;

    public MessageWriter(InvoiceRepository invoices, DossierRepository dossiers, LetterFacts facts, Letters letters,
            CommunicationRepository communications) {
        this.invoices = invoices;
        this.dossiers = dossiers;
        this.facts = facts;
        this.letters = letters;
        this.communications = communications;
    }

    /** A message ready to store, and whether anything is still claimed (nothing: it must not be sent). */
    public record Draft(CommunicationOutbox.Message message, boolean anythingClaimed) {
    }

    /** @param extras what the step adds to the template's model (the notice's deadline) */
    public Draft dossierStep(long dossierId, String dossierNumber, String step, String channel,
            Map<String, Object> extras) {
        List<InvoiceView> dossierInvoices = invoices.findByDossier(dossierId);
        LetterFacts.Facts dossierFacts = facts.forDossier(dossierNumber, dossierInvoices);
        for (Map.Entry<String, Object> extra : extras.entrySet()) {
            dossierFacts = dossierFacts.with(extra.getKey(), extra.getValue());
        }
        // The promise the dossier waits on, read here rather than passed in, so that a message written again before
        // it leaves (amounts changed) still states it.
        Optional<DossierRepository.Promise> promise = dossiers.currentPromise(dossierId);
        if (promise.isPresent()) {
            Map<String, Object> promised = new HashMap<>();
            promised.put("date", FormDates.french(promise.get().until()));
            if (promise.get().amount() != null) {
                promised.put("amount", Euros.format(promise.get().amount()));
            }
            dossierFacts = dossierFacts.with("promise", promised);
        }
        dossierFacts = dossierFacts.with("earlierReminders", earlierReminders(dossierId));
        // The notice carries the copies of its invoices; a relance lists them only.
        List<byte[]> copies = "MISE_EN_DEMEURE".equals(step)
                ? List.copyOf(invoices.documents(dossierFacts.attachedInvoices()).values()) : List.of();
        Letters.Composed composed = letters.compose(step, channel, dossierNumber, dossierFacts.model(), copies);
        return new Draft(new CommunicationOutbox.Message(dossierId, null, step, 1, channel,
                CommunicationStatus.PENDING, recipient(channel, dossierInvoices.get(0).debtor()), composed.subject(),
                composed.html(), composed.pdf(), composed.pdfName(), dossierFacts.snapshot(), Map.copyOf(extras)),
                dossierFacts.anythingClaimed());
    }

    /** What a dossier's message would claim now, without rendering it: enough to tell whether a stored one is stale. */
    public LetterFacts.Facts dossierFacts(long dossierId, String dossierNumber) {
        return facts.forDossier(dossierNumber, invoices.findByDossier(dossierId));
    }

    public LetterFacts.Facts invoiceFacts(InvoiceView invoice) {
        return facts.forInvoice(invoice);
    }

    public Draft preDueReminder(long invoiceId, InvoiceView invoice) {
        LetterFacts.Facts invoiceFacts = facts.forInvoice(invoice);
        Letters.Composed composed = letters.compose("PRE_ECHEANCE", "EMAIL", invoice.number(), invoiceFacts.model(),
                List.of());
        return new Draft(new CommunicationOutbox.Message(null, invoiceId, "PRE_ECHEANCE", 1, "EMAIL",
                CommunicationStatus.PENDING, invoice.debtor().email(), composed.subject(), composed.html(), null, null,
                invoiceFacts.snapshot(), Map.of()), invoiceFacts.anythingClaimed());
    }

    /**
     * The relances the debtor was actually sent, oldest first, with the day they left: the notice recalls them
     * (docs/droit-francais.md §4). A step skipped at a late entry, cancelled or never sent is not one.
     */
    private List<Map<String, Object>> earlierReminders(long dossierId) {
        return communications.forDossier(dossierId).stream()
                .filter(c -> c.step().startsWith("RELANCE_") && c.status() == CommunicationStatus.SENT
                        && c.sentAt() != null)
                .map(c -> Map.<String, Object>of("step", c.step(),
                        "date", FormDates.french(c.sentAt().atZoneSameInstant(BusinessCalendar.PARIS).toLocalDate())))
                .toList();
    }

    /**
     * An e-mail goes to the debtor's address; a letter to its postal address, kept as written on the envelope. Only a
     * letter looks the registered office up.
     */
    private String recipient(String channel, InvoiceView.DebtorView debtor) {
        if ("EMAIL".equals(channel)) {
            return debtor.email();
        }
        Address postal = facts.postalAddress(debtor);
        return String.join(", ", Stream.of(debtor.name(), postal.line1(), postal.line2(),
                        postal.postalCode() + " " + postal.city(), postal.country())
                .filter(line -> line != null && !line.isBlank()).toList());
    }
}
