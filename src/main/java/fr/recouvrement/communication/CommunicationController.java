package fr.recouvrement.communication;

import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.invoice.InvoiceRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The communications of an invoice and of its dossier (DESIGN §5). */
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
}
