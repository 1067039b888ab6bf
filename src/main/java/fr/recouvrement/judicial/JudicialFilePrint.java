package fr.recouvrement.judicial;

import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.debtor.Address;
import fr.recouvrement.money.Euros;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The judicial file's content written the French way for its PDF template: the same facts as its JSON. */
final class JudicialFilePrint {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** "23/11/2026 10 h 15": the French way of writing an hour, with no colon to space. */
    private static final DateTimeFormatter DAY_AND_HOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy HH'\u00a0h\u00a0'mm");
    private static final Map<String, String> PAYMENT_TYPES = Map.of("PAYMENT", "Paiement", "CREDIT_NOTE", "Avoir");
    private static final Map<String, String> PIECES = Map.of("FACTURE", "Copie de facture",
            "DOCUMENT_DOSSIER", "Document du dossier");

    private JudicialFilePrint() {
    }

    static Map<String, Object> model(JudicialFileContent content) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("routes", content.routes().stream().map(JudicialFilePrint::route).toList());
        model.put("creditor", party(content.creditor()));
        model.put("debtor", party(content.debtor()));
        model.put("basis", content.claim().basis());
        model.put("payments", content.payments().stream().map(p -> Map.of(
                "date", p.date().format(FormDates.FRENCH), "invoice", p.invoice(),
                "type", PAYMENT_TYPES.getOrDefault(p.type(), p.type()), "amount", euros(p.amount()),
                "reference", Objects.toString(p.reference(), "")))
                .toList());
        model.put("callNotes", content.callNotes().stream().map(JudicialFilePrint::callNote).toList());
        model.put("pieces", content.documents().stream()
                .map(d -> Map.of("kind", PIECES.getOrDefault(d.kind(), d.kind()), "name", d.name())).toList());
        return model;
    }

    private static Map<String, Object> route(JudicialFileContent.Route route) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("route", route.route());
        map.put("label", route.label());
        map.put("invoices", String.join(", ", route.invoices()));
        map.put("invoiceCount", route.invoices().size());
        map.put("amount", euros(route.amount()));
        map.put("disputed", route.disputed());
        map.put("court", route.court() == null ? "" : route.court().name());
        map.put("priorAttemptRequired", route.priorAttemptRequired());
        map.put("form", route.form() == null ? "" : "Cerfa n° " + route.form().cerfa() + ", " + route.form().title());
        return map;
    }

    private static Map<String, Object> party(JudicialFileContent.Party party) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", party.name());
        map.put("legalForm", Objects.toString(party.legalForm(), ""));
        map.put("siren", party.siren() == null ? "" : party.siren().replaceAll("(\\d{3})(\\d{3})(\\d{3})", "$1 $2 $3"));
        map.put("rcsCity", Objects.toString(party.rcsCity(), ""));
        map.put("seat", seat(party.seat()));
        map.put("seatFromRegistry", "REGISTRE".equals(party.seatSource()));
        map.put("representative", party.representative() == null ? "" : party.representative().name()
                + (party.representative().title() == null ? "" : ", " + party.representative().title()));
        return map;
    }

    private static String seat(Address address) {
        List<String> parts = new ArrayList<>();
        parts.add(address.line1());
        if (address.line2() != null && !address.line2().isBlank()) {
            parts.add(address.line2());
        }
        parts.add(address.postalCode() + " " + address.city());
        return String.join(", ", parts);
    }

    private static Map<String, Object> callNote(JudicialFileContent.CallNote note) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("date", (note.calledAt() != null ? note.calledAt()
                : note.recordedAt().atZoneSameInstant(PARIS).toLocalDateTime()).format(DAY_AND_HOUR));
        map.put("kind", "CALL".equals(note.type()) ? "Appel" : "Note");
        map.put("invoice", note.invoice());
        List<String> what = new ArrayList<>();
        if (note.answeredBy() != null) {
            what.add("répondant\u00A0: " + note.answeredBy());
        }
        if (note.outcome() != null) {
            what.add(note.outcome());
        }
        if (note.text() != null) {
            what.add(note.text());
        }
        map.put("text", String.join("\u202F; ", what));
        map.put("by", Objects.toString(note.recordedBy(), ""));
        return map;
    }

    private static String euros(String amount) {
        return Euros.format(new BigDecimal(amount));
    }
}
