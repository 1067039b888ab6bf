package fr.recouvrement.worklist;

import static fr.recouvrement.worklist.DossierAtHand.markdownSafe;

import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.event.EventPayload;
import fr.recouvrement.event.EventView;
import fr.recouvrement.money.Euros;
import java.math.BigDecimal;
import java.util.Map;

/** An event of the dossier as one line of its timeline, in French. */
final class EventLines {

    private static final Map<String, String> RESOLUTIONS = Map.of(
            "CREDIT_NOTE", "fondé, réglé par un avoir",
            "CANCEL", "fondé, facture annulée",
            "RESUME", "non fondé, le recouvrement reprend");

    private EventLines() {
    }

    static String describe(EventView event) {
        EventPayload payload = event.event();
        String invoice = " (facture " + event.invoiceNumber() + ")";
        return switch (payload.type()) {
            case CALL -> call(payload);
            case PROMISE -> "Promesse de payer " + (payload.amount() == null ? "tout le dû"
                    : Euros.format(new BigDecimal(payload.amount()))) + " au plus tard le "
                    + FormDates.french(payload.date());
            case DISPUTE -> "Litige sur la facture " + event.invoiceNumber() + " : " + markdownSafe(payload.reason());
            case DISPUTE_RESOLVED -> "Litige résolu" + invoice + " : "
                    + RESOLUTIONS.getOrDefault(payload.action(), payload.action());
            case PAYMENT_PLAN -> "Échéancier de " + payload.instalments().size() + " échéance"
                    + (payload.instalments().size() > 1 ? "s" : "") + ", la première de "
                    + Euros.format(new BigDecimal(payload.instalments().get(0).amount())) + " le "
                    + FormDates.french(payload.instalments().get(0).date())
                    + (payload.signedOn() == null ? " (non signé par le débiteur)"
                            : " ; signé par le débiteur le " + FormDates.french(payload.signedOn()));
            case PLAN_SIGNED -> "Échéancier signé par le débiteur le " + FormDates.french(payload.signedOn());
            case HOLD -> "Dossier suspendu : " + markdownSafe(payload.reason());
            case RELEASE -> "Suspension levée";
            case NOTE -> "Note : " + markdownSafe(payload.text());
        };
    }

    /** "Appel n° 2 au 01 23 45 67 89 : pas de réponse." with who answered and the agent's comment. */
    private static String call(EventPayload payload) {
        EventPayload.Call call = payload.call();
        StringBuilder line = new StringBuilder("Appel");
        if (call.attempt() != null) {
            line.append(" n° ").append(call.attempt());
        }
        if (call.phone() != null) {
            line.append(" au ").append(markdownSafe(call.phone()));
        }
        line.append(" : ").append(call.outcome().label());
        if (call.answeredBy() != null) {
            line.append(", répondu par ").append(markdownSafe(call.answeredBy()));
            if (call.answererRole() != null) {
                line.append(" (").append(markdownSafe(call.answererRole())).append(')');
            }
        }
        line.append('.');
        if (payload.text() != null) {
            line.append(' ').append(markdownSafe(payload.text()));
        }
        return line.toString();
    }
}
