package fr.recouvrement.invoice;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/invoices}. Every value is read as text and checked by {@link InvoiceValidator}, so that
 * one answer lists every problem; amounts may be sent as JSON numbers or strings and are never read as doubles.
 */
@Schema(example = """
        {"number": "F-2026-0042", "issueDate": "2026-10-01", "dueDate": "2026-10-31", "amount": "1500.00",
         "currency": "EUR", "description": "Maintenance annuelle",
         "debtor": {"name": "Dupont & Fils", "siren": "552081317", "type": "B2B", "segment": "PME",
                    "email": "compta@dupont-fils.fr", "phone": "+33 1 23 45 67 89",
                    "address": {"line1": "12 rue de la Paix", "postalCode": "75002", "city": "Paris", "country": "FR"}}}
        """)
public record InvoiceRequest(
        String number, String issueDate, String dueDate,
        @Schema(example = "2026-09-30", nullable = true,
                description = "Livraison ou exécution de la prestation ; la date d'émission à défaut")
        String performanceDate,
        String amount, String currency, String description,
        @Schema(example = "BC-2026-118", nullable = true,
                description = "La référence du débiteur pour cette facture (bon de commande, numéro de compte)")
        String debtorReference,
        @Schema(type = "boolean", example = "true", nullable = true,
                description = "Marchandises vendues avec clause de réserve de propriété (par défaut false) : en cas de"
                        + " procédure collective, le service juridique reçoit la tâche « Revendiquer les biens »")
        String retentionOfTitle,
        @Schema(example = "20", nullable = true,
                description = "Taux de TVA de la facture en pour cent (20 à défaut), pour le passage en perte")
        String vatRate,
        @Schema(example = "false", nullable = true,
                description = "TVA exigible à l'encaissement (prestations de services) : rien à récupérer en perte")
        String vatOnReceipt,
        Debtor debtor) {

    /** The debtor of the invoice. {@code siren} is required for B2B. */
    public record Debtor(
            String name, String siren, String type,
            @Schema(example = "PME", description = "Un segment que nomme la décision DMN scenario-recouvrement déployée,"
                    + " en majuscules ou non")
            String segment,
            String email, String phone, Address address) {
    }

    /** A postal address; {@code country} is an ISO code, FR by default in the examples. */
    public record Address(String line1, String line2, String postalCode, String city, String country) {
    }

    RawInvoice toRaw() {
        RawInvoice raw = new RawInvoice()
                .with(InvoiceField.NUMBER, number)
                .with(InvoiceField.ISSUE_DATE, issueDate)
                .with(InvoiceField.DUE_DATE, dueDate)
                .with(InvoiceField.PERFORMANCE_DATE, performanceDate)
                .with(InvoiceField.AMOUNT, amount)
                .with(InvoiceField.CURRENCY, currency)
                .with(InvoiceField.DESCRIPTION, description)
                .with(InvoiceField.DEBTOR_REFERENCE, debtorReference)
                .with(InvoiceField.RETENTION_OF_TITLE, retentionOfTitle)
                .with(InvoiceField.VAT_RATE, vatRate)
                .with(InvoiceField.VAT_ON_RECEIPT, vatOnReceipt);
        if (debtor != null) {
            raw.with(InvoiceField.DEBTOR_NAME, debtor.name())
                    .with(InvoiceField.SIREN, debtor.siren())
                    .with(InvoiceField.TYPE, debtor.type())
                    .with(InvoiceField.SEGMENT, debtor.segment())
                    .with(InvoiceField.EMAIL, debtor.email())
                    .with(InvoiceField.PHONE, debtor.phone());
            if (debtor.address() != null) {
                raw.with(InvoiceField.LINE1, debtor.address().line1())
                        .with(InvoiceField.LINE2, debtor.address().line2())
                        .with(InvoiceField.POSTAL_CODE, debtor.address().postalCode())
                        .with(InvoiceField.CITY, debtor.address().city())
                        .with(InvoiceField.COUNTRY, debtor.address().country());
            }
        }
        return raw;
    }
}
