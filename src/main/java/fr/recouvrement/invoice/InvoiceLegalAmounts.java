package fr.recouvrement.invoice;

import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.penalties.InterestPeriod;
import fr.recouvrement.penalties.InvoiceFacts;
import fr.recouvrement.penalties.InvoiceFactsRepository;
import fr.recouvrement.penalties.LatePaymentLaw;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Fills in what the law adds to invoices as of today: penalties, indemnity, prescription date. */
@Component
public class InvoiceLegalAmounts {

    private final InvoiceFactsRepository facts;
    private final LatePaymentLaw law;
    private final Clock clock;

    public InvoiceLegalAmounts(InvoiceFactsRepository facts, LatePaymentLaw law, Clock clock) {
        this.facts = facts;
        this.law = law;
        this.clock = clock;
    }

    public InvoiceView complete(InvoiceView invoice) {
        return complete(List.of(invoice)).get(0);
    }

    public List<InvoiceView> complete(List<InvoiceView> invoices) {
        LocalDate today = LocalDate.now(clock);
        Map<String, InvoiceFacts> byNumber = facts.byNumber(invoices.stream().map(InvoiceView::number).toList());
        return invoices.stream()
                .map(invoice -> prescribed(invoice.withLegalAmounts(law.apply(byNumber.get(invoice.number()), today)),
                        today))
                .toList();
    }

    /**
     * The periods each invoice's penalties (or a consumer's legal interest) sum as of today, by invoice number: what
     * the mise en demeure details line by line.
     */
    public Map<String, List<InterestPeriod>> periods(List<InvoiceView> invoices) {
        LocalDate today = LocalDate.now(clock);
        Map<String, InvoiceFacts> byNumber = facts.byNumber(invoices.stream().map(InvoiceView::number).toList());
        Map<String, List<InterestPeriod>> periods = new LinkedHashMap<>();
        invoices.forEach(invoice -> periods.put(invoice.number(),
                law.apply(byNumber.get(invoice.number()), today).periods()));
        return periods;
    }

    /**
     * A time-barred invoice still unpaid says so, as a warning: the view stays as it was, the API additive. So does an
     * invoice born before its debtor's opening judgment, which is declared instead of claimed.
     */
    private static InvoiceView prescribed(InvoiceView invoice, LocalDate today) {
        if (invoice.declarableOn(today)) {
            return invoice.withWarnings(List.of("Exécutée avant le jugement d'ouverture de la procédure collective du "
                    + "débiteur : elle n'est plus réclamée, elle est déclarée au mandataire judiciaire (L622-7)."));
        }
        if (!invoice.owedButPrescribedOn(today)) {
            return invoice;
        }
        return invoice.withWarnings(List.of("Prescrite depuis le " + FormDates.french(invoice.prescriptionDate())
                + " : elle n'est plus réclamée (ni relance, ni mise en demeure, ni dossier judiciaire)."));
    }
}
