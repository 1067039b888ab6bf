package fr.recouvrement.communication;

import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.invoice.InvoiceRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The communications of an invoice and of its dossier (docs/api.md). */
@RestController
@Tag(name = "Communications")
public class CommunicationController {

    private final InvoiceRepository invoices;
    private final CommunicationRepository communications;

    public CommunicationController(InvoiceRepository invoices, CommunicationRepository communications) {
        this.invoices = invoices;
        this.communications = communications;
    }

    @GetMapping("/api/invoices/{number}/communications")
    @Operation(summary = "Chaque communication de la facture et de son dossier, de la plus ancienne à la plus récente")
    public List<CommunicationView> forInvoice(@PathVariable String number) {
        InvoiceRepository.InvoiceKeys keys = invoices.findKeys(number)
                .orElseThrow(() -> NotFoundException.invoice(number));
        return communications.forInvoice(keys.id(), keys.dossierId());
    }

    @GetMapping(path = "/api/invoices/{number}/communications/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "La lettre ou la pièce jointe PDF d'une communication, telle qu'elle a été envoyée")
    public ResponseEntity<byte[]> pdf(@PathVariable String number, @PathVariable long id) {
        InvoiceRepository.InvoiceKeys keys = invoices.findKeys(number)
                .orElseThrow(() -> NotFoundException.invoice(number));
        return pdfResponse(communications.pdf(id, keys.id(), keys.dossierId()), id);
    }

    /** The PDF of a stored communication, shown in the browser (a print-and-post task opens it from Tasklist). */
    public static ResponseEntity<byte[]> pdfResponse(Optional<CommunicationRepository.Pdf> pdf, long id) {
        CommunicationRepository.Pdf found = pdf.orElseThrow(() -> new NotFoundException(
                "La communication n° " + id + " n'existe pas ici ou n'a pas de PDF."));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(found.fileName()).build().toString())
                .body(found.content());
    }
}
