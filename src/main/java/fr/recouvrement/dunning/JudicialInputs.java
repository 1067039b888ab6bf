package fr.recouvrement.dunning;

import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.penalties.InsolvencyClaim;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /**
     * Invoices that go to court together (docs/droit-francais.md §6): the disputed ones to a trial on the merits, the
     * others to a route chosen by their own total, so that a dispute never holds back the undisputed claim.
     *
     * @param invoices the numbers of the invoices of the group, in the ledger's order
     * @param prescribed every invoice of the group is past its prescription date
     * @param amountClaimed the balance plus penalties of its unprescribed invoices
     */
    public record Group(boolean disputed, List<String> invoices, boolean prescribed, BigDecimal amountClaimed) {
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

    /** The groups of a dossier on a day: the undisputed invoices first, then the disputed ones; no empty group. */
    public List<Group> groups(long dossierId, LocalDate day) {
        List<InvoiceView> owed = legalAmounts.complete(invoices.findByDossier(dossierId)).stream()
                .filter(i -> i.balance().signum() > 0).toList();
        List<Group> groups = new ArrayList<>();
        group(false, owed.stream().filter(i -> i.status().claimed()).toList(), day).ifPresent(groups::add);
        group(true, owed.stream().filter(i -> i.status() == InvoiceStatus.DISPUTED).toList(), day)
                .ifPresent(groups::add);
        return groups;
    }

    private static Optional<Group> group(boolean disputed, List<InvoiceView> members, LocalDate day) {
        if (members.isEmpty()) {
            return Optional.empty();
        }
        // A disputed invoice is not claimable (its claim is suspended): its group counts what a court would be asked.
        BigDecimal amount = members.stream()
                .filter(i -> !i.prescribedOn(day) && i.insolvencyClaim() != InsolvencyClaim.ANTERIEURE)
                .map(i -> i.balance().add(i.penalties() == null ? BigDecimal.ZERO : i.penalties()))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return Optional.of(new Group(disputed, members.stream().map(InvoiceView::number).toList(),
                members.stream().allMatch(i -> i.prescribedOn(day)), amount));
    }
}
