package fr.recouvrement.dossier;

import fr.recouvrement.debtor.DebtorRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Puts an unpaid invoice in its debtor's dossier (docs/architecture.md §1): a company's invoice joins its open
 * dossier (one whose notice has not been sent) or opens a new one; a consumer's invoice always opens its own. The
 * debtor row is locked first, so that two invoices of one company falling due together open one dossier, not two.
 */
@Service
public class DossierOpening {

    public static final String PROCESS = "recouvrement-amiable";
    public static final String INVOICE_ADDED = "FactureAjoutee";

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final DebtorRepository debtors;
    private final RuntimeService runtime;
    private final DossierMessages messages;

    public DossierOpening(DossierRepository dossiers, InvoiceRepository invoices, DebtorRepository debtors,
            RuntimeService runtime, DossierMessages messages) {
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.debtors = debtors;
        this.runtime = runtime;
        this.messages = messages;
    }

    /** Where the invoice went. */
    public record Placement(String dossierNumber, boolean opened) {
    }

    public Placement place(String invoiceNumber) {
        InvoiceRepository.Unplaced invoice = invoices.findUnplaced(invoiceNumber);
        if (invoice.dossierId() != null) {
            // A retried job: the invoice was placed by the run that died after committing.
            return new Placement(dossiers.numberOf(invoice.dossierId()), false);
        }
        debtors.lock(invoice.debtorId());
        Optional<DossierRepository.DossierKey> open = invoice.debtorType().professional()
                ? dossiers.findOpenFor(invoice.debtorId())
                : Optional.empty();
        if (open.isPresent()) {
            invoices.linkToDossier(invoice.id(), open.get().id());
            messages.send(open.get().number(), INVOICE_ADDED, Map.of("invoiceNumber", invoiceNumber));
            return new Placement(open.get().number(), false);
        }
        // J, the ladder's origin, is fixed now: the oldest due date among the dossier's invoices, this one.
        DossierRepository.DossierKey dossier = dossiers.open(invoice.debtorId(), invoice.debtorType(),
                invoice.siren(), invoice.dueDate());
        invoices.linkToDossier(invoice.id(), dossier.id());
        runtime.createProcessInstanceByKey(PROCESS).businessKey(dossier.number())
                .setVariable("dossierNumber", dossier.number())
                .execute();
        return new Placement(dossier.number(), true);
    }
}
