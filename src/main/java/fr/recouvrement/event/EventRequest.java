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
        @Schema(allowableValues = {"DISPUTE", "DISPUTE_RESOLVED", "PROMISE", "PAYMENT_PLAN", "PLAN_SIGNED", "HOLD",
            "RELEASE", "CALL", "NOTE"})
        String type,
        @Schema(description = "DISPUTE, HOLD : le motif") String reason,
        @Schema(description = "DISPUTE_RESOLVED : le litige était-il fondé ?") Boolean justified,
        @Schema(description = "DISPUTE_RESOLVED : CREDIT_NOTE ou CANCEL si fondé, RESUME sinon") String action,
        @Schema(description = "PROMISE : la date promise (AAAA-MM-JJ)") String date,
        @Schema(description = "PAYMENT_PLAN : les échéances, dont le total égale le montant dû du dossier")
        List<Instalment> instalments,
        @Schema(description = "NOTE : le texte ; CALL : le commentaire de l'appel (facultatif)") String text,
        @Schema(description = "PROMISE : le montant promis (facultatif, « 500.00 ») ; sans montant, tout le dû")
        String amount,
        @Schema(description = "CALL : l'appel") Call call,
        @Schema(description = "PAYMENT_PLAN : l'échéancier est-il signé par le débiteur ? Seul un échéancier signé"
                + " reconnaît la dette et fait courir un nouveau délai de prescription (Code civil 2240)")
        Boolean signed,
        @Schema(description = "PAYMENT_PLAN signé, PLAN_SIGNED : la date de la signature (AAAA-MM-JJ)")
        String signedOn) {

    /** The fields of the types that came before promises had an amount and calls were logged. */
    public EventRequest(String type, String reason, Boolean justified, String action, String date,
            List<Instalment> instalments, String text) {
        this(type, reason, justified, action, date, instalments, text, null, null);
    }

    /** The fields of the types that came before a plan could be signed. */
    public EventRequest(String type, String reason, Boolean justified, String action, String date,
            List<Instalment> instalments, String text, String amount, Call call) {
        this(type, reason, justified, action, date, instalments, text, amount, call, null, null);
    }

    /** One instalment of a payment plan. */
    public record Instalment(String date, String amount) {
    }

    /** A call to the debtor. */
    public record Call(
            @Schema(description = "Date et heure de l'appel (AAAA-MM-JJTHH:MM, heure de Paris) ; par défaut, maintenant")
            String calledAt,
            @Schema(description = "Le numéro composé", example = "01 23 45 67 89") String phone,
            @Schema(description = "Qui a répondu (facultatif)") String answeredBy,
            @Schema(description = "Sa fonction (facultatif)") String answererRole,
            @Schema(allowableValues = {"PROMESSE", "LITIGE", "ECHEANCIER", "PAS_DE_REPONSE", "REFUS"}) String outcome,
            @Schema(description = "Le rang de la tentative, à partir de 1 (facultatif)") Integer attempt) {
    }
}
