package fr.recouvrement.judicial;

import fr.recouvrement.communication.CommunicationRepository;
import fr.recouvrement.communication.CommunicationStatus;
import fr.recouvrement.communication.CommunicationView;
import fr.recouvrement.creditor.CreditorProperties;
import fr.recouvrement.debtor.Address;
import fr.recouvrement.debtor.DebtorRepository;
import fr.recouvrement.debtor.DebtorType;
import fr.recouvrement.debtor.LegalForms;
import fr.recouvrement.dossier.DossierDocument;
import fr.recouvrement.dossier.DossierDocumentRepository;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.event.EventPayload;
import fr.recouvrement.event.EventRepository;
import fr.recouvrement.event.EventType;
import fr.recouvrement.event.EventView;
import fr.recouvrement.invoice.ClaimedAmounts;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.judicial.JudicialFileContent.CallNote;
import fr.recouvrement.judicial.JudicialFileContent.Claim;
import fr.recouvrement.judicial.JudicialFileContent.Court;
import fr.recouvrement.judicial.JudicialFileContent.Document;
import fr.recouvrement.judicial.JudicialFileContent.Form;
import fr.recouvrement.judicial.JudicialFileContent.Invoice;
import fr.recouvrement.judicial.JudicialFileContent.Letter;
import fr.recouvrement.judicial.JudicialFileContent.Party;
import fr.recouvrement.judicial.JudicialFileContent.Payment;
import fr.recouvrement.judicial.JudicialFileContent.PenaltyPeriod;
import fr.recouvrement.judicial.JudicialFileContent.Representative;
import fr.recouvrement.judicial.JudicialFileContent.Route;
import fr.recouvrement.payment.PaymentRepository;
import fr.recouvrement.penalties.InterestPeriod;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Gathers the judicial file's content from the ledger as of today (docs/droit-francais.md §6): the parties, the route
 * with its court and form, each claimed invoice with its computation, the payments, the letters, the calls and notes,
 * and the pieces.
 */
@Component
class JudicialFileAssembly {

    /** The routes whose file names the request form: injonction de payer, and small claims that lead to it. */
    static final Set<String> WITH_REQUEST_FORM = Set.of("INJONCTION_DE_PAYER", "PETITES_CREANCES");

    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;
    private final PaymentRepository payments;
    private final CommunicationRepository communications;
    private final EventRepository events;
    private final DossierDocumentRepository documents;
    private final DebtorRepository debtors;
    private final CreditorProperties creditor;
    private final Clock clock;

    JudicialFileAssembly(InvoiceRepository invoices, InvoiceLegalAmounts legalAmounts, PaymentRepository payments,
            CommunicationRepository communications, EventRepository events, DossierDocumentRepository documents,
            DebtorRepository debtors, CreditorProperties creditor, Clock clock) {
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
        this.payments = payments;
        this.communications = communications;
        this.events = events;
        this.documents = documents;
        this.debtors = debtors;
        this.creditor = creditor;
        this.clock = clock;
    }

    /**
     * @param chosen the routes "Choisir les voies judiciaires" chose, one per group of invoices; empty for a dossier
     *     routed by an earlier diagram, which gets one route for all the invoices it claims
     */
    JudicialFileContent assemble(DossierRepository.DossierRow dossier, List<Map<String, Object>> chosen, String route,
            String routeLabel) {
        LocalDate today = LocalDate.now(clock);
        String base = "/api/dossiers/" + dossier.number();
        List<InvoiceView> completed = legalAmounts.complete(invoices.findByDossier(dossier.id()));
        ClaimedAmounts amounts = ClaimedAmounts.of(completed, today);
        List<InvoiceView> claimed = amounts.claimed();
        List<InvoiceView> disputed = completed.stream()
                .filter(i -> i.status() == InvoiceStatus.DISPUTED && !i.prescribedOn(today)).toList();
        Map<String, List<InterestPeriod>> periods = legalAmounts.periods(claimed);
        InvoiceView.DebtorView debtor = completed.get(0).debtor();

        List<Invoice> fileInvoices = Stream.concat(claimed.stream(), disputed.stream())
                .map(i -> invoice(i, periods.getOrDefault(i.number(), List.of()))).toList();
        List<Route> routes = chosen.isEmpty()
                ? List.of(route(route, routeLabel, claimed.stream().map(InvoiceView::number).toList(), amounts.total(),
                        false, debtor))
                : chosen.stream().map(r -> route((String) r.get("route"), (String) r.get("routeLabel"),
                        invoiceNumbers(r.get("invoiceNumbers")), new BigDecimal((String) r.get("amount")),
                        Boolean.TRUE.equals(r.get("disputed")), debtor)).toList();
        return new JudicialFileContent(JudicialFileContent.FORMAT, dossier.number(), dossier.originDate(), today,
                routes, creditorParty(), debtorParty(debtor),
                new Claim(basis(debtor.type()), money(amounts.principal()), money(amounts.penalties()),
                        amounts.penaltiesKnown(), money(amounts.indemnity()), money(amounts.total())),
                fileInvoices, payments(dossier.id()), letters(dossier, base), callNotes(dossier.id()),
                pieces(dossier.id(), base, Stream.concat(claimed.stream(), disputed.stream()).toList()));
    }

    /** A route with its competent court ({@link CompetentCourt}), its request form and whether CPC 750-1 applies. */
    private static Route route(String route, String label, List<String> invoices, BigDecimal amount, boolean disputed,
            InvoiceView.DebtorView debtor) {
        CompetentCourt.Named court = CompetentCourt.of(route, debtor.type().name(), debtor.address());
        return new Route(route, label, invoices, money(amount), disputed,
                court.court() == CompetentCourt.Court.NONE ? null : new Court(court.court().name(), court.label()),
                CompetentCourt.priorAttemptRequired(route, court.court(), amount), form(route, debtor.type()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> invoiceNumbers(Object value) {
        return (List<String>) value;
    }

    /** The request form of an injonction de payer: Cerfa 12946 before the commercial court, 12948 otherwise. */
    static Form form(String route, DebtorType type) {
        if (!WITH_REQUEST_FORM.contains(route) || type == DebtorType.PUBLIC) {
            return null;
        }
        return type == DebtorType.B2B
                ? new Form("12946", "Requête en injonction de payer devant le tribunal de commerce")
                : new Form("12948", "Requête en injonction de payer devant le tribunal judiciaire");
    }

    private static String basis(DebtorType type) {
        String contract = "Factures émises en exécution du contrat, échues et restées impayées malgré mise en demeure"
                + " (C. civ. art. 1103, 1231-6, 1344).";
        return switch (type) {
            case B2B -> contract + " Pénalités de retard et indemnité forfaitaire pour frais de recouvrement de 40 € par"
                    + " facture entre professionnels (C. com. art. L441-10, D441-5).";
            case PUBLIC -> contract + " Intérêts moratoires et indemnité forfaitaire pour frais de recouvrement de 40 €"
                    + " par facture dus par l'acheteur public (C. commande publique art. L2192-13, R2192-31,"
                    + " D2192-35).";
            case B2C -> contract;
        };
    }

    private Party creditorParty() {
        return new Party("B2B", creditor.name(), text(creditor.legalForm()), null, creditor.siren(),
                text(creditor.rcsCity()),
                new Address(creditor.addressLine1(), text(creditor.addressLine2()), creditor.postalCode(),
                        creditor.city(), "FR"),
                "CONFIGURATION", new Representative(creditor.signatoryName(), text(creditor.signatoryTitle())),
                creditor.replyTo(), text(creditor.phone()));
    }

    /**
     * A company's seat, legal form and first legal representative as the company registry gave them when it was last
     * consulted; null for what it did not give or was never asked (to complete from a Kbis extract), and for a
     * consumer.
     */
    private Party debtorParty(InvoiceView.DebtorView debtor) {
        boolean company = debtor.type() == DebtorType.B2B;
        Address office = company ? debtors.findRegisteredOffice(debtor.id()).orElse(null) : null;
        DebtorRepository.RegisteredIdentity identity = company
                ? debtors.findRegisteredIdentity(debtor.id()).orElse(null) : null;
        String code = identity == null ? null : identity.legalFormCode();
        Representative representative = identity == null || identity.representativeName() == null ? null
                : new Representative(identity.representativeName(), identity.representativeTitle());
        return new Party(debtor.type().name(), debtor.name(), LegalForms.label(code), code, debtor.siren(), null,
                office != null ? office : debtor.address(), office != null ? "REGISTRE" : "FACTURE", representative,
                debtor.email(), debtor.phone());
    }

    private static Invoice invoice(InvoiceView i, List<InterestPeriod> periods) {
        return new Invoice(i.number(), i.status().name(), i.issueDate(), i.dueDate(), i.performanceDate(),
                i.description(), i.debtorReference(), money(i.amount()), money(i.paid()), money(i.credited()),
                money(i.balance()), i.vatRate() == null ? null : i.vatRate().toPlainString(),
                i.status() == InvoiceStatus.DISPUTED ? null : money(i.penalties()),
                i.status() == InvoiceStatus.DISPUTED ? null : money(i.indemnity()), i.prescriptionDate(),
                periods.stream().map(p -> new PenaltyPeriod(p.firstDay(), p.lastDay(), p.days(), money(p.balance()),
                        p.ratePercent().toPlainString(), money(p.amount()))).toList(),
                i.document() ? "/api/invoices/" + i.number() + "/document" : null);
    }

    private List<Payment> payments(long dossierId) {
        return payments.forDossier(dossierId).stream().map(p -> new Payment(p.invoiceNumber(), p.payment().date(),
                p.payment().type().name(), money(p.payment().amount()), p.payment().reference())).toList();
    }

    private List<Letter> letters(DossierRepository.DossierRow dossier, String base) {
        List<Letter> letters = new ArrayList<>();
        for (CommunicationView c : communications.forDossier(dossier.id())) {
            boolean notice = "MISE_EN_DEMEURE".equals(c.step()) && c.status() == CommunicationStatus.SENT;
            letters.add(new Letter(c.sentAt() != null ? c.sentAt() : c.createdAt(), c.step(), c.channel(),
                    c.status().name(), c.recipient(), c.subject(), c.trackingNumber(),
                    notice ? dossier.noticeReceivedOn() : null,
                    c.pdf() ? base + "/communications/" + c.id() + "/pdf" : null));
        }
        return letters;
    }

    private List<CallNote> callNotes(long dossierId) {
        return events.forDossier(dossierId).stream()
                .filter(e -> e.event().type() == EventType.CALL || e.event().type() == EventType.NOTE)
                .map(JudicialFileAssembly::callNote).toList();
    }

    private static CallNote callNote(EventView e) {
        EventPayload.Call call = e.event().call();
        return new CallNote(e.createdAt(), e.createdBy(), e.invoiceNumber(), e.event().type().name(),
                call == null ? null : call.calledAt(), call == null ? null : call.phone(),
                call == null ? null : call.answeredBy(),
                call == null || call.outcome() == null ? null : call.outcome().label(), e.event().text());
    }

    private List<Document> pieces(long dossierId, String base, List<InvoiceView> fileInvoices) {
        List<Document> pieces = new ArrayList<>();
        fileInvoices.stream().filter(InvoiceView::document).forEach(i -> pieces.add(new Document("FACTURE",
                "Facture " + i.number(), "/api/invoices/" + i.number() + "/document")));
        for (DossierDocument d : documents.forDossier(dossierId)) {
            pieces.add(new Document("DOCUMENT_DOSSIER", d.fileName(), base + "/documents/" + d.id()));
        }
        return pieces;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2).toPlainString();
    }

    private static String text(String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }
}
