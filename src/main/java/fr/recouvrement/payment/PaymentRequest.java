package fr.recouvrement.payment;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/invoices/{number}/payments}; read as text, checked by {@link PaymentValidator}. */
@Schema(example = """
        {"reference": "VIR-2026-11-0042", "amount": "500.00", "date": "2026-11-20", "type": "PAYMENT"}""")
public record PaymentRequest(
        @Schema(description = "Unique pour la facture : un second envoi avec la même référence ne crée rien")
        String reference,
        @Schema(example = "500.00") String amount,
        @Schema(description = "AAAA-MM-JJ, au plus aujourd'hui") String date,
        @Schema(allowableValues = {"PAYMENT", "CREDIT_NOTE"}, description = "PAYMENT par défaut") String type) {
}
