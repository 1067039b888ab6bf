package fr.recouvrement.letters;

import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.creditor.CreditorProperties;
import fr.recouvrement.creditor.Iban;
import fr.recouvrement.debtor.Address;
import fr.recouvrement.debtor.DebtorType;
import fr.recouvrement.debtor.DebtorRepository;
import fr.recouvrement.invoice.ClaimedAmounts;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.money.Euros;
import fr.recouvrement.money.Percent;
import fr.recouvrement.penalties.InterestPeriod;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * What a letter or an e-mail says, read from the ledger as of today: the creditor, the debtor, the invoices claimed
 * (balance, penalties, indemnity) and those suspended by a dispute. Every value is text already written the French
 * way ("1 234,50 €", "24/11/2026"), so that templates only place it.
 */
@Component
public class LetterFacts {

    public static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final InvoiceLegalAmounts legalAmounts;
    private final CreditorProperties creditor;
    private final DebtorRepository debtors;
    private final Clock clock;

    public LetterFacts(InvoiceLegalAmounts legalAmounts, CreditorProperties creditor, DebtorRepository debtors,
            Clock clock) {
        this.legalAmounts = legalAmounts;
        this.creditor = creditor;
        this.debtors = debtors;
        this.clock = clock;
    }

    /**
     * Where a letter to this debtor goes: a company's registered office once the registry gave it
     * (docs/droit-francais.md §4, the mise en demeure goes there), else the address the debtor was registered with.
     */
    public Address postalAddress(InvoiceView.DebtorView debtor) {
        return debtor.type().professional()
                ? debtors.findRegisteredOffice(debtor.id()).orElse(debtor.address()) : debtor.address();
    }

    /** A dossier's facts: its invoices as the ledger holds them now, with what the law adds. */
    public Facts forDossier(String dossierNumber, List<InvoiceView> invoices) {
        List<InvoiceView> completed = legalAmounts.complete(invoices);
        LocalDate today = LocalDate.now(clock);
        boolean b2b = completed.get(0).debtor().type().professional();
        ClaimedAmounts amounts = ClaimedAmounts.of(completed, today);
        List<InvoiceView> claimed = amounts.claimed();
        // A time-barred invoice is not mentioned at all, not even as suspended: naming it to a consumer reads as a
        // demand (Code de la consommation L121-2).
        List<InvoiceView> disputed = completed.stream()
                .filter(i -> i.status() == InvoiceStatus.DISPUTED && !i.prescribedOn(today)).toList();
        List<String> prescribed = completed.stream()
                .filter(i -> i.owedButPrescribedOn(today))
                .map(InvoiceView::number).toList();

        Map<String, Object> model = base(today);
        model.put("debtor", debtor(completed.get(0).debtor()));
        model.put("b2b", b2b);
        model.put("publicDebtor", completed.get(0).debtor().type() == DebtorType.PUBLIC);
        model.put("dossier", Map.of("number", dossierNumber));
        Map<String, List<InterestPeriod>> periods = legalAmounts.periods(claimed);
        model.put("invoices", claimed.stream().map(i -> invoice(i, today, b2b)).toList());
        model.put("penaltyLines", claimed.stream()
                .flatMap(i -> periods.get(i.number()).stream().map(period -> penaltyLine(i.number(), period)))
                .toList());
        model.put("disputed", disputed.stream().map(i -> invoice(i, today, b2b)).toList());
        // The invoices whose PDF the ledger holds: the notice appends their copies and says so.
        model.put("attachedInvoices", claimed.stream().filter(InvoiceView::document).map(InvoiceView::number).toList());
        // The debtor's own references (order, account), so that its accounts department finds the invoices.
        model.put("debtorReferences", completed.stream().filter(i -> claimed.contains(i) || disputed.contains(i))
                .map(InvoiceView::debtorReference).filter(StringUtils::hasText).distinct().toList());
        model.put("principal", Euros.format(amounts.principal()));
        // Penalties not computable (a half-year's rate not configured): the letter states the right, not a figure.
        model.put("penaltiesKnown", amounts.penaltiesKnown());
        model.put("penalties", Euros.format(amounts.penalties()));
        model.put("indemnity", Euros.format(amounts.indemnity()));
        model.put("total", Euros.format(amounts.total()));
        return new Facts(model, snapshot(claimed, disputed), amounts.principal().signum() > 0, prescribed);
    }

    /** One invoice's facts, for its pre-due reminder. */
    public Facts forInvoice(InvoiceView invoice) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> model = base(today);
        model.put("debtor", debtor(invoice.debtor()));
        model.put("b2b", invoice.debtor().type().professional());
        model.put("publicDebtor", invoice.debtor().type() == DebtorType.PUBLIC);
        model.put("invoice", invoice(invoice, today, false));
        model.put("debtorReferences", StringUtils.hasText(invoice.debtorReference())
                ? List.of(invoice.debtorReference()) : List.of());
        return new Facts(model, snapshot(List.of(invoice), List.of()), invoice.balance().signum() > 0, List.of());
    }

    /**
     * A template's model, and a fingerprint of what it claims (invoice numbers, balances, disputes): the sending
     * step compares it with the ledger's to tell whether the message is still right. Penalties, which grow daily,
     * are stated "as of" the letter's date and left out of it. {@code prescribed} names the invoices still unpaid that
     * are left out because they are time-barred, so that a message cancelled for them says why.
     */
    public record Facts(Map<String, Object> model, String snapshot, boolean anythingClaimed, List<String> prescribed) {

        /** The claimed invoices whose PDF the ledger holds: a notice carries their copies. */
        @SuppressWarnings("unchecked")
        public List<String> attachedInvoices() {
            return (List<String>) model.getOrDefault("attachedInvoices", List.of());
        }

        public Facts with(String key, Object value) {
            Map<String, Object> copy = new LinkedHashMap<>(model);
            copy.put(key, value);
            return new Facts(copy, snapshot, anythingClaimed, prescribed);
        }
    }

    private Map<String, Object> base(LocalDate today) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("creditor", creditor());
        model.put("date", today.format(LONG_DATE));
        model.put("dateShort", today.format(FormDates.FRENCH));
        return model;
    }

    private Map<String, Object> creditor() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", creditor.name());
        map.put("legalForm", text(creditor.legalForm()));
        map.put("siren", groupedSiren(creditor.siren()));
        map.put("rcsCity", text(creditor.rcsCity()));
        map.put("addressLines", lines(creditor.addressLine1(), creditor.addressLine2(),
                creditor.postalCode() + " " + creditor.city()));
        map.put("city", creditor.city());
        map.put("email", creditor.replyTo());
        map.put("phone", text(creditor.phone()));
        map.put("iban", Iban.grouped(creditor.iban()));
        map.put("bic", text(creditor.bic()));
        map.put("signatoryName", creditor.signatoryName());
        map.put("signatoryTitle", text(creditor.signatoryTitle()));
        return map;
    }

    private Map<String, Object> debtor(InvoiceView.DebtorView debtor) {
        Address address = postalAddress(debtor);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", debtor.name());
        map.put("siren", debtor.siren() == null ? "" : groupedSiren(debtor.siren()));
        map.put("email", debtor.email());
        map.put("addressLines", lines(address.line1(), address.line2(), address.postalCode() + " " + address.city(),
                "FR".equals(address.country()) ? null : new Locale("", address.country())
                        .getDisplayCountry(Locale.FRANCE).toUpperCase(Locale.FRANCE)));
        return map;
    }

    private static Map<String, Object> invoice(InvoiceView invoice, LocalDate today, boolean b2b) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", invoice.number());
        map.put("description", text(invoice.description()));
        map.put("debtorReference", text(invoice.debtorReference()));
        map.put("issueDate", invoice.issueDate().format(FormDates.FRENCH));
        map.put("dueDate", invoice.dueDate().format(FormDates.FRENCH));
        map.put("dueDateLong", invoice.dueDate().format(LONG_DATE));
        map.put("amount", Euros.format(invoice.amount()));
        map.put("settled", Euros.format(invoice.paid().add(invoice.credited())));
        map.put("balance", Euros.format(invoice.balance()));
        map.put("daysLate", Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), today)));
        map.put("penalties", b2b && invoice.penalties() != null ? Euros.format(invoice.penalties()) : "");
        map.put("indemnity", b2b && invoice.indemnity() != null ? Euros.format(invoice.indemnity()) : "");
        return map;
    }

    /** One line of the notice's penalty computation: a period, its balance, its rate and its interest. */
    private static Map<String, Object> penaltyLine(String invoiceNumber, InterestPeriod period) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("invoice", invoiceNumber);
        map.put("from", period.firstDay().format(FormDates.FRENCH));
        map.put("to", period.lastDay().format(FormDates.FRENCH));
        map.put("days", period.days());
        map.put("balance", Euros.format(period.balance()));
        map.put("rate", Percent.format(period.ratePercent()));
        map.put("amount", Euros.format(period.amount()));
        return map;
    }

    private static String snapshot(List<InvoiceView> claimed, List<InvoiceView> disputed) {
        return claimed.stream().map(i -> i.number() + "=" + i.balance().toPlainString())
                .collect(Collectors.joining(";")) + "|litige:"
                + disputed.stream().map(InvoiceView::number).collect(Collectors.joining(";"));
    }

    private static List<String> lines(String... lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (StringUtils.hasText(line)) {
                kept.add(line.strip());
            }
        }
        return kept;
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "").strip();
    }

    /** "552 081 317", as a SIREN is printed. */
    private static String groupedSiren(String siren) {
        return siren.replaceAll("(\\d{3})(\\d{3})(\\d{3})", "$1 $2 $3");
    }
}
