package fr.recouvrement.dossier;

import fr.recouvrement.bank.BankEntryRepository;
import fr.recouvrement.communication.CommunicationController;
import fr.recouvrement.communication.CommunicationRepository;
import fr.recouvrement.debtor.DebtorRepository;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.writeoff.WriteOffRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A debtor's dossier with its invoices, amounts and communications. */
@RestController
@Tag(name = "Dossiers")
public class DossierController {

    private final DossierRepository dossiers;
    private final DebtorRepository debtors;
    private final InvoiceRepository invoices;
    private final CommunicationRepository communications;
    private final InvoiceLegalAmounts legalAmounts;
    private final DossierDocumentRepository documents;
    private final WriteOffRepository writeOffs;
    private final BankEntryRepository bankEntries;

    public DossierController(DossierRepository dossiers, DebtorRepository debtors, InvoiceRepository invoices,
            CommunicationRepository communications, InvoiceLegalAmounts legalAmounts,
            DossierDocumentRepository documents, WriteOffRepository writeOffs, BankEntryRepository bankEntries) {
        this.writeOffs = writeOffs;
        this.bankEntries = bankEntries;
        this.documents = documents;
        this.legalAmounts = legalAmounts;
        this.dossiers = dossiers;
        this.debtors = debtors;
        this.invoices = invoices;
        this.communications = communications;
    }

    @GetMapping("/api/dossiers/{number}")
    @Operation(summary = "Un dossier : débiteur, factures, montants dus, J, étape, communications, documents")
    public DossierView get(@PathVariable String number) {
        DossierRepository.DossierRow dossier = dossiers.get(number);
        List<InvoiceView> dossierInvoices = legalAmounts.complete(invoices.findByDossier(dossier.id()));
        InvoiceView.DebtorView debtor = debtors.findById(dossier.debtorId()).map(InvoiceView.DebtorView::of)
                .orElseThrow();
        return new DossierView(dossier.number(), dossier.status(), dossier.originDate(), dossier.stage(),
                dossier.openedAt(), dossier.closedAt(), dossier.closingReason(), debtor,
                balanceOf(dossierInvoices, InvoiceStatus::claimed),
                balanceOf(dossierInvoices, status -> status == InvoiceStatus.DISPUTED),
                bankEntries.creditOf(dossier.debtorId()),
                dossierInvoices, communications.forDossier(dossier.id()),
                documents.forDossier(dossier.id()), writeOffs.forDossier(dossier.id()).orElse(null));
    }

    @GetMapping(path = "/api/dossiers/{number}/communications/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "La lettre ou la pièce jointe PDF d'une communication du dossier")
    public ResponseEntity<byte[]> communicationPdf(@PathVariable String number, @PathVariable long id) {
        return CommunicationController.pdfResponse(communications.pdf(id, null, dossiers.get(number).id()), id);
    }

    private static BigDecimal balanceOf(List<InvoiceView> invoices, Predicate<InvoiceStatus> statuses) {
        return invoices.stream().filter(invoice -> statuses.test(invoice.status()))
                .map(InvoiceView::balance).filter(balance -> balance.signum() > 0)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
