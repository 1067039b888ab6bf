package fr.recouvrement.event;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /api/invoices/{number}/events}: {@code type} and the fields of that type. Values are read as
 * text and checked by {@link EventValidator}, so one answer lists every problem.
 */
@Schema(example = """
        {"type": "PAYMENT_PLAN", "instalments": [{"date": "2026-12-15", "amount": "500.00"},
                                                 {"date": "2027-01-15", "amount": "500.00"}]}""")
public record EventRequest(
        @Schema(allowableValues = {"DISPUTE", "DISPUTE_RESOLVED", "PROMISE", "PAYMENT_PLAN", "HOLD", "RELEASE", "NOTE"})
        String type,
        @Schema(description = "DISPUTE, HOLD : le motif") String reason,
        @Schema(description = "DISPUTE_RESOLVED : le litige était-il fondé ?") Boolean justified,
        @Schema(description = "DISPUTE_RESOLVED : CREDIT_NOTE ou CANCEL si fondé, RESUME sinon") String action,
        @Schema(description = "PROMISE : la date promise (AAAA-MM-JJ)") String date,
        @Schema(description = "PAYMENT_PLAN : les échéances, dont le total égale le montant dû du dossier")
        List<Instalment> instalments,
        @Schema(description = "NOTE : le texte") String text) {

    /** One instalment of a payment plan. */
    public record Instalment(String date, String amount) {
    }
}
