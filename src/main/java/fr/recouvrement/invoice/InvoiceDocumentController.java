package fr.recouvrement.invoice;

import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.api.PayloadTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An invoice's own PDF (docs/api.md): stored with the invoice and appended to the mise en demeure as its copy
 * ("Pièces jointes : copie des factures", docs/droit-francais.md §4).
 */
@RestController
@Tag(name = "Factures")
public class InvoiceDocumentController {

    /** A scanned invoice is a few hundred kilobytes; the limit keeps a letter printable and its evidence storable. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;

    public InvoiceDocumentController(InvoiceRepository invoices, InvoiceLegalAmounts legalAmounts) {
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
    }

    @PostMapping(path = "/api/invoices/{number}/document", consumes = "application/pdf")
    @Operation(summary = "Conserve le PDF de la facture, joint à la mise en demeure",
            description = "Corps : le PDF lui-même (Content-Type application/pdf), 5 Mo au plus ; il remplace celui"
                    + " déjà conservé. 200 avec la facture (document: true) ; 400 si le corps n'est pas un PDF lisible"
                    + " ou est chiffré ; 404 pour une facture inconnue ; 413 au-delà de 5 Mo.")
    public InvoiceView store(@PathVariable String number, HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] pdf;
        try (InputStream in = request.getInputStream()) {
            pdf = in.readNBytes(MAX_BYTES + 1);
        }
        if (pdf.length > MAX_BYTES) {
            throw tooLarge();
        }
        checkPdf(pdf);
        if (!invoices.storeDocument(number, pdf)) {
            throw NotFoundException.invoice(number);
        }
        return invoices.findByNumber(number).map(legalAmounts::complete).orElseThrow();
    }

    @GetMapping(path = "/api/invoices/{number}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Le PDF conservé de la facture (pièce du dossier judiciaire)")
    public ResponseEntity<byte[]> document(@PathVariable String number) {
        byte[] pdf = invoices.documents(List.of(number)).get(number);
        if (pdf == null) {
            throw new NotFoundException("La facture " + number + " n'a pas de PDF conservé.");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("facture-" + number + ".pdf").build().toString())
                .body(pdf);
    }

    /** A PDF that PDFBox opens unencrypted: what the letter can append page by page. */
    private static void checkPdf(byte[] pdf) {
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw new InvalidInputException("document", "Le corps n'est pas un PDF (il doit commencer par %PDF-).");
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                throw new InvalidInputException("document",
                        "Le PDF est protégé (chiffré) : il ne peut pas être joint à une lettre.");
            }
            if (document.getNumberOfPages() == 0) {
                throw new InvalidInputException("document", "Le PDF n'a aucune page.");
            }
        } catch (IOException e) {
            throw new InvalidInputException("document", "Le PDF est illisible : " + e.getMessage());
        }
    }

    private static PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("Le PDF dépasse " + MAX_BYTES / (1024 * 1024) + " Mo.");
    }
}
