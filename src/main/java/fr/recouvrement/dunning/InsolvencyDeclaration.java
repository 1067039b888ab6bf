package fr.recouvrement.dunning;

import fr.recouvrement.dossier.DossierOpening;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.penalties.InsolvencyClaim;
import fr.recouvrement.scenario.ScenarioStep;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The event subprocess "Procédure collective" of {@code recouvrement-amiable} (docs/droit-francais.md §8): the dossier
 * keeps the invoices born before the opening judgment, to declare; those born after it go on being claimed in the
 * debtor's next dossier.
 */
@Component("insolvencyDeclaration")
public class InsolvencyDeclaration {

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;
    private final DossierOpening opening;
    private final DossierClosing closing;

    public InsolvencyDeclaration(DossierRepository dossiers, InvoiceRepository invoices,
            InvoiceLegalAmounts legalAmounts, DossierOpening opening, DossierClosing closing) {
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
        this.opening = opening;
        this.closing = closing;
    }

    /**
     * "Réclamer à part les factures postérieures": the dossier takes no new invoice, and each unpaid invoice born on
     * or after the judgment's day leaves it for the debtor's next dossier (opened by the first of them), whose ladder
     * claims it with its penalties and 40 € (L622-17). The dossier is left with the claim to declare.
     */
    @ScenarioStep
    public void separateLaterInvoices(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        dossiers.closeToNewInvoices(dossier.id());
        dossiers.moveToStage(dossier.number(), "JUDICIAIRE");
        List<InvoiceView> later = legalAmounts.complete(invoices.findByDossier(dossier.id())).stream()
                .filter(i -> i.insolvencyClaim() == InsolvencyClaim.POSTERIEURE && i.balance().signum() > 0
                        && i.status() != InvoiceStatus.PAID && i.status() != InvoiceStatus.CANCELLED)
                .toList();
        for (InvoiceView invoice : later) {
            invoices.unlinkFromDossier(invoice.number());
            opening.place(invoice.number());
        }
    }

    /**
     * "Clore le dossier forclos": neither declared in time nor relieved of the foreclosure (L622-26), the claim can no
     * longer be paid in the procedure; its invoices leave amicable collection.
     */
    @ScenarioStep
    public void closeForeclosed(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        invoices.changeStatusInDossier(dossier.id(),
                EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PAYMENT_PLAN, InvoiceStatus.DISPUTED),
                InvoiceStatus.JUDICIAL);
        closing.close(dossier, "FORCLUSION");
    }
}
