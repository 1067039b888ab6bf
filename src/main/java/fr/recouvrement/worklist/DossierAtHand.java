package fr.recouvrement.worklist;

import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.communication.CommunicationDelivery;
import fr.recouvrement.communication.CommunicationRepository;
import fr.recouvrement.communication.CommunicationStatus;
import fr.recouvrement.communication.CommunicationView;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.event.EventPayload;
import fr.recouvrement.event.EventRepository;
import fr.recouvrement.event.EventView;
import fr.recouvrement.invoice.ClaimedAmounts;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.letters.Letters;
import fr.recouvrement.money.Euros;
import fr.recouvrement.payment.PaymentRepository;
import fr.recouvrement.payment.PaymentType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The dossier at hand in every task form: what is owed (principal, penalties, indemnity) and per invoice, and the
 * dossier's timeline, newest first: each message with its date, step, channel, status and a link to its PDF; each call
 * with its outcome; each promise, dispute, hold, plan, payment and note. Read from the ledger as the task is created;
 * the forms show it with the same block ({@code forms/}, component {@code LeDossier}), the next planned step added by
 * {@link AgentTasks}.
 */
@Component
public class DossierAtHand {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** What markdown would read as formatting in a text typed by an agent or a debtor's name. */
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_\\[\\]<>|#{}])");
    private static final Map<String, String> STEPS = Map.of(
            "PRE_ECHEANCE", "Rappel avant échéance",
            "CONCILIATION", "Conciliation",
            "RELANCE_1", "Relance 1",
            "RELANCE_2", "Relance 2",
            "RELANCE_3", "Relance 3",
            "MISE_EN_DEMEURE", "Mise en demeure",
            "JUDICIAIRE", "Voie judiciaire",
            Letters.PROMISE_CONFIRMATION, "Confirmation de la promesse");
    private static final Map<String, String> CHANNELS = Map.of(
            "EMAIL", "e-mail", "LETTER", "courrier", "LRAR", "lettre recommandée AR", "SMS", "SMS");
    private static final Map<CommunicationStatus, String> STATUSES = Map.of(
            CommunicationStatus.PENDING, "à envoyer",
            CommunicationStatus.SENDING, "en cours d'envoi",
            CommunicationStatus.SENT, "envoyé",
            CommunicationStatus.FAILED, "en échec",
            CommunicationStatus.UNKNOWN, "envoi incertain",
            CommunicationStatus.SKIPPED, "non envoyé (étape passée à l'ouverture)",
            CommunicationStatus.CANCELLED, "annulé");

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;
    private final CommunicationRepository communications;
    private final EventRepository events;
    private final PaymentRepository payments;
    private final Clock clock;

    DossierAtHand(DossierRepository dossiers, InvoiceRepository invoices, InvoiceLegalAmounts legalAmounts,
            CommunicationRepository communications, EventRepository events, PaymentRepository payments, Clock clock) {
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
        this.communications = communications;
        this.events = events;
        this.payments = payments;
        this.clock = clock;
    }

    /** The dossier a reference names: a dossier's own number, or an invoice's in a dossier. */
    Optional<DossierRepository.DossierRow> dossierOf(String reference) {
        return dossiers.findByNumber(reference)
                .or(() -> invoices.findByNumber(reference).map(InvoiceView::dossier).flatMap(dossiers::findByNumber));
    }

    /** The block's content, the next step aside, as Json-ready maps and lists of French text. */
    Map<String, Object> describe(DossierRepository.DossierRow dossier) {
        List<InvoiceView> dossierInvoices = legalAmounts.complete(invoices.findByDossier(dossier.id()));
        boolean b2b = dossierInvoices.get(0).debtor().type().professional();
        LocalDate today = LocalDate.now(clock);
        ClaimedAmounts amounts = ClaimedAmounts.of(dossierInvoices, today);

        Map<String, Object> owed = new LinkedHashMap<>();
        owed.put("principal", Euros.format(amounts.principal()));
        // A half-year whose rate is not configured leaves penalties uncomputed: say so rather than show 0.
        boolean penaltiesUnknown = b2b && !amounts.penaltiesKnown();
        owed.put("penalties", penaltiesUnknown ? "non calculées" : Euros.format(amounts.penalties()));
        owed.put("indemnity", Euros.format(amounts.indemnity()));
        owed.put("total", Euros.format(amounts.total()) + (penaltiesUnknown ? " hors pénalités" : ""));
        owed.put("disputed", Euros.format(dossierInvoices.stream().filter(i -> i.status() == InvoiceStatus.DISPUTED)
                .map(InvoiceView::balance).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add)));

        Map<String, Object> atHand = new LinkedHashMap<>();
        atHand.put("number", dossier.number());
        atHand.put("debtor", dossierInvoices.get(0).debtor().name());
        atHand.put("stage", dossier.stage() == null ? "Ouverture" : stepLabel(dossier.stage()));
        atHand.put("asOf", LocalDateTime.now(clock.withZone(PARIS)).format(FormDates.FRENCH_TIME));
        atHand.put("owed", owed);
        atHand.put("invoices", dossierInvoices.stream().map(i -> invoice(i, b2b, today)).toList());
        atHand.put("timeline", timeline(dossier).stream()
                .sorted(Comparator.comparing(Entry::at).reversed())
                .map(Entry::asMap).toList());
        return atHand;
    }

    private static Map<String, Object> invoice(InvoiceView invoice, boolean b2b, LocalDate today) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", invoice.number());
        row.put("dueDate", FormDates.french(invoice.dueDate()));
        row.put("balance", Euros.format(invoice.balance()));
        row.put("penalties", !b2b ? "–" : invoice.penalties() == null ? "non calculées"
                : Euros.format(invoice.penalties()));
        row.put("indemnity", b2b && invoice.indemnity() != null ? Euros.format(invoice.indemnity()) : "–");
        // Shown, so that the agent knows why the owed total leaves it out.
        row.put("status", invoice.owedButPrescribedOn(today) ? "Prescrite"
                : invoice.status().label());
        return row;
    }

    /** One line of the timeline; {@code pdf} a markdown link, or empty. */
    private record Entry(LocalDateTime at, boolean withTime, String what, String pdf) {

        Map<String, Object> asMap() {
            return Map.of("when", withTime ? at.format(FormDates.FRENCH_TIME) : FormDates.french(at.toLocalDate()),
                    "what", what, "pdf", pdf);
        }
    }

    private List<Entry> timeline(DossierRepository.DossierRow dossier) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(paris(dossier.openedAt()), true, "Dossier ouvert ; J, la plus ancienne échéance : "
                + FormDates.french(dossier.originDate()), ""));
        for (CommunicationView message : communications.forDossier(dossier.id())) {
            OffsetDateTime at = message.sentAt() != null ? message.sentAt() : message.createdAt();
            String what = stepLabel(message.step()) + " par " + channelLabel(message.channel()) + " : "
                    + STATUSES.get(message.status())
                    + (message.trackingNumber() == null || message.trackingNumber().isBlank() ? ""
                            : " (suivi " + markdownSafe(message.trackingNumber()) + ")");
            String pdf = message.pdf()
                    ? "[PDF](" + CommunicationDelivery.pdfUrl(dossier.number(), message.id()) + ")" : "";
            entries.add(new Entry(paris(at), true, what, pdf));
        }
        for (EventView event : events.forDossier(dossier.id())) {
            EventPayload payload = event.event();
            LocalDateTime at = payload.call() != null ? payload.call().calledAt() : paris(event.createdAt());
            entries.add(new Entry(at, true, EventLines.describe(event) + " — " + markdownSafe(event.createdBy()), ""));
        }
        for (PaymentRepository.InvoicePayment paid : payments.forDossier(dossier.id())) {
            String kind = paid.payment().type() == PaymentType.CREDIT_NOTE ? "Avoir de " : "Paiement de ";
            entries.add(new Entry(paid.payment().date().atStartOfDay(), false, kind
                    + Euros.format(paid.payment().amount()) + " sur la facture " + paid.invoiceNumber()
                    + " (réf. " + markdownSafe(paid.payment().reference()) + ")", ""));
        }
        return entries;
    }

    static String stepLabel(String step) {
        return STEPS.getOrDefault(step, step);
    }

    static String channelLabel(String channel) {
        return CHANNELS.getOrDefault(channel, channel);
    }

    private static LocalDateTime paris(OffsetDateTime at) {
        return at.atZoneSameInstant(PARIS).toLocalDateTime();
    }

    /** Text from people shown as typed: the form renders markdown, which would read a "*" or a "[" as formatting. */
    static String markdownSafe(String text) {
        return text == null ? "" : MARKDOWN.matcher(text.replaceAll("\\s+", " ").strip()).replaceAll("\\\\$1");
    }
}
