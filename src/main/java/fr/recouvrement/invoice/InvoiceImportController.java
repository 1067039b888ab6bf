package fr.recouvrement.invoice;

import fr.recouvrement.api.PayloadTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Imports invoices from a CSV file (docs/api.md). */
@RestController
@Tag(name = "Factures")
public class InvoiceImportController {

    private final InvoiceImport importer;

    public InvoiceImportController(InvoiceImport importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/invoices/import", consumes = "text/csv")
    @Operation(summary = "Importe des factures depuis un fichier CSV",
            description = "UTF-8 avec ou sans BOM, séparateur « ; » ou « , », une ligne d'en-tête nommant, dans"
                    + " n'importe quel ordre et n'importe quelle casse, les colonnes number, issueDate, dueDate, amount,"
                    + " currency, description, debtorReference, retentionOfTitle, debtorName, siren, type, segment, email, phone, line1, line2, postalCode,"
                    + " city, country (line2, phone, description, debtorReference, retentionOfTitle facultatives ; retentionOfTitle true ou false, oui ou non ; siren facultatif pour B2C ; type B2B, B2C ou PUBLIC ; les autres"
                    + " colonnes sont ignorées). Dates AAAA-MM-JJ ou JJ/MM/AAAA ; montants avec point ou virgule"
                    + " décimale, espaces entre milliers acceptés. Réponse 200 {imported, duplicates, rejected: [{line,"
                    + " field, message}]} une fois les lignes enregistrées ; une ligne rejetée n'enregistre rien ; les"
                    + " suivis démarrent ensuite, en arrière-plan. Un fichier vide, non UTF-8 ou sans colonne obligatoire"
                    + " est refusé en entier (400) ; au-delà de 50 Mo, 413.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "text/csv", examples = @ExampleObject(value = """
                            number;issueDate;dueDate;amount;currency;description;debtorName;siren;type;segment;email;phone;line1;line2;postalCode;city;country
                            F-2026-0201;01/10/2026;31/10/2026;1 234,50;EUR;Maintenance;Dupont & Fils;552081317;B2B;PME;compta@dupont-fils.fr;01 23 45 67 89;12 rue de la Paix;;75002;Paris;FR
                            """))))
    public ImportReport importCsv(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > importer.maxBytes()) {
            throw new PayloadTooLargeException("Le fichier dépasse " + importer.maxBytes() / (1024 * 1024)
                    + " Mo : découpez-le en plusieurs imports.");
        }
        return importer.importCsv(request.getInputStream());
    }
}
