package fr.recouvrement.invoice;

import fr.recouvrement.penalties.InvoiceFacts;
import fr.recouvrement.penalties.InvoiceFactsRepository;
import fr.recouvrement.penalties.LatePaymentLaw;
import java.time.Clock;
import java.time.LocalDate;
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
                .map(invoice -> invoice.withLegalAmounts(law.apply(byNumber.get(invoice.number()), today)))
                .toList();
    }
}
