package fr.recouvrement.dunning;

import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the decision {@code voie-judiciaire} needs to know of a dossier's invoices on a day. */
@Component
public class JudicialInputs {

    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;

    JudicialInputs(InvoiceRepository invoices, InvoiceLegalAmounts legalAmounts) {
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
    }

    /**
     * @param prescribed every invoice still claimed is past its prescription date
     * @param disputed some invoice is disputed
     * @param amountClaimed the balance plus penalties of the undisputed, unprescribed invoices
     */
    public record Inputs(boolean prescribed, boolean disputed, BigDecimal amountClaimed) {
    }

    public Inputs of(long dossierId, LocalDate day) {
        List<InvoiceView> dossierInvoices = invoices.findByDossier(dossierId);
        List<InvoiceView> claimed = legalAmounts.complete(dossierInvoices).stream()
                .filter(i -> i.status().claimed() && i.balance().signum() > 0).toList();
        boolean prescribed = !claimed.isEmpty() && claimed.stream().allMatch(i -> i.prescribedOn(day));
        BigDecimal amount = claimed.stream().filter(i -> i.claimableOn(day))
                .map(i -> i.balance().add(i.penalties() == null ? BigDecimal.ZERO : i.penalties()))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Inputs(prescribed, dossierInvoices.stream().anyMatch(i -> i.status() == InvoiceStatus.DISPUTED),
                amount);
    }
}
