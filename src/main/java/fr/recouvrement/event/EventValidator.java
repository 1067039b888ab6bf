package fr.recouvrement.event;

import fr.recouvrement.api.FieldProblem;
import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.calendar.Dates;
import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.money.Amounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rules of each event type, every broken one reported at once. */
final class EventValidator {

    static final int MAX_TEXT = 2000;
    static final int MAX_INSTALMENTS = 60;

    private EventValidator() {
    }

    /**
     * @throws InvalidInputException listing every problem
     */
    static ValidEvent validate(EventRequest request, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        EventType type = parseEnum(request.type(), EventType.class, "type", "Le type d'événement", problems);
        if (type == null) {
            throw new InvalidInputException(problems);
        }
        String reason = null;
        Boolean justified = null;
        ValidEvent.ResolutionAction action = null;
        LocalDate date = null;
        List<ValidEvent.PlannedInstalment> instalments = List.of();
        String text = null;
        switch (type) {
            case DISPUTE, HOLD -> reason = text(request.reason(), "reason", "Le motif", problems);
            case NOTE -> text = text(request.text(), "text", "Le texte", problems);
            case DISPUTE_RESOLVED -> {
                justified = request.justified();
                action = parseEnum(request.action(), ValidEvent.ResolutionAction.class, "action", "L'action", problems);
                if (justified == null) {
                    problems.add(new FieldProblem("justified", "Indiquez si le litige était fondé (true ou false)."));
                } else if (action != null && justified == (action == ValidEvent.ResolutionAction.RESUME)) {
                    problems.add(new FieldProblem("action", justified
                            ? "Un litige fondé se règle par un avoir (CREDIT_NOTE) ou une annulation (CANCEL)."
                            : "Un litige non fondé reprend le recouvrement (RESUME)."));
                }
            }
            case PROMISE -> date = futureDate(request.date(), "date", "La date promise", today, problems);
            case PAYMENT_PLAN -> instalments = instalments(request.instalments(), today, problems);
            case RELEASE -> {
                // Nothing to say: the hold ends.
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ValidEvent(type, reason, justified, action, date, instalments, text);
    }

    private static List<ValidEvent.PlannedInstalment> instalments(List<EventRequest.Instalment> requested,
            LocalDate today, List<FieldProblem> problems) {
        if (requested == null || requested.isEmpty()) {
            problems.add(new FieldProblem("instalments", "Un échéancier compte au moins une échéance."));
            return List.of();
        }
        if (requested.size() > MAX_INSTALMENTS) {
            problems.add(new FieldProblem("instalments", "Au plus " + MAX_INSTALMENTS + " échéances."));
            return List.of();
        }
        List<ValidEvent.PlannedInstalment> instalments = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 0; i < requested.size(); i++) {
            EventRequest.Instalment instalment = requested.get(i);
            String path = "instalments[" + i + "]";
            if (instalment == null) {
                problems.add(new FieldProblem(path, "Échéance vide."));
                continue;
            }
            LocalDate date = futureDate(instalment.date(), path + ".date", "La date de l'échéance " + (i + 1), today,
                    problems);
            Amounts.Parsed amount = Amounts.parse(instalment.amount(), false);
            if (!amount.isValid()) {
                problems.add(new FieldProblem(path + ".amount", amount.problem()));
            }
            if (date != null && previous != null && !date.isAfter(previous)) {
                problems.add(new FieldProblem(path + ".date", "Les échéances se suivent : chacune après la précédente."));
            }
            if (date != null) {
                previous = date;
            }
            instalments.add(new ValidEvent.PlannedInstalment(date, amount.amount()));
        }
        return instalments;
    }

    private static LocalDate futureDate(String value, String field, String label, LocalDate today,
            List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, label + " est obligatoire."));
            return null;
        }
        Optional<LocalDate> date = Dates.parseIso(value);
        if (date.isEmpty()) {
            problems.add(new FieldProblem(field, label + " « " + value + " » n'est pas une date valide (AAAA-MM-JJ)."));
            return null;
        }
        if (date.get().isBefore(today)) {
            problems.add(new FieldProblem(field, label + ", " + FormDates.french(date.get())
                    + ", est passée : au plus tôt aujourd'hui, " + FormDates.french(today) + "."));
            return null;
        }
        return date.get();
    }

    private static String text(String value, String field, String label, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, label + " est obligatoire."));
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "Au plus " + MAX_TEXT + " caractères."));
            return null;
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E parseEnum(String value, Class<E> type, String field, String label,
            List<FieldProblem> problems) {
        String allowed = Arrays.toString(type.getEnumConstants());
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, label + " est obligatoire : " + allowed + "."));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, label + " « " + value + " » est inconnu : " + allowed + "."));
            return null;
        }
    }
}
