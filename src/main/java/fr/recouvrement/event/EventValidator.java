package fr.recouvrement.event;

import fr.recouvrement.api.FieldProblem;
import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.calendar.Dates;
import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.money.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of each event type, every broken one reported at once. */
final class EventValidator {

    static final int MAX_TEXT = 2000;
    static final int MAX_NAME = 100;
    /** A call logged from another machine may be a few minutes ahead of ours. */
    private static final int CLOCK_SKEW_MINUTES = 5;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()\\-]{6,30}");

    private EventValidator() {
    }

    /**
     * @throws InvalidInputException listing every problem
     */
    static ValidEvent validate(EventRequest request, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
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
        BigDecimal amount = null;
        EventPayload.Call call = null;
        LocalDate signedOn = null;
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
            case PROMISE -> {
                date = futureDate(request.date(), "date", "La date promise", today, problems);
                amount = optionalAmount(request.amount(), problems);
            }
            case CALL -> {
                call = call(request.call(), now, problems);
                text = request.text() == null || request.text().isBlank() ? null
                        : text(request.text(), "text", "Le commentaire", problems);
            }
            case PAYMENT_PLAN -> {
                instalments = instalments(request.instalments(), today, problems);
                signedOn = signature(request, today, problems);
            }
            case PLAN_SIGNED -> signedOn = signatureDate(request.signedOn(), today, problems);
            case RELEASE -> {
                // Nothing to say: the hold ends.
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ValidEvent(type, reason, justified, action, date, instalments, text, amount, call, signedOn);
    }

    /**
     * The day the debtor signed the plan: only then is it the debtor's acknowledgement of the debt. A signature is a
     * day that has come; a date without {@code signed}, or {@code signed} without a date, is a contradiction to fix.
     */
    private static LocalDate signature(EventRequest request, LocalDate today, List<FieldProblem> problems) {
        boolean signed = Boolean.TRUE.equals(request.signed());
        boolean dated = request.signedOn() != null && !request.signedOn().isBlank();
        if (!signed) {
            if (dated) {
                problems.add(new FieldProblem("signedOn", "Une date de signature ne vaut que pour un échéancier signé"
                        + " (signed: true)."));
            }
            return null;
        }
        return signatureDate(request.signedOn(), today, problems);
    }

    /** The day the debtor signed a plan: a valid date that has come. */
    private static LocalDate signatureDate(String value, LocalDate today, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("signedOn", "La date de signature de l'échéancier est obligatoire quand il"
                    + " est signé."));
            return null;
        }
        Optional<LocalDate> date = Dates.parseIso(value);
        if (date.isEmpty()) {
            problems.add(new FieldProblem("signedOn", "La date de signature « " + value
                    + " » n'est pas une date valide (AAAA-MM-JJ)."));
            return null;
        }
        if (date.get().isAfter(today)) {
            problems.add(new FieldProblem("signedOn", "La date de signature, " + FormDates.french(date.get())
                    + ", est dans le futur : au plus tard aujourd'hui, " + FormDates.french(today) + "."));
            return null;
        }
        return date.get();
    }

    private static BigDecimal optionalAmount(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Amounts.Parsed amount = Amounts.parse(value, false);
        if (!amount.isValid()) {
            problems.add(new FieldProblem("amount", amount.problem()));
            return null;
        }
        return amount.amount();
    }

    /** A call is logged once made: its time is not in the future; the number is one a person could dial. */
    private static EventPayload.Call call(EventRequest.Call call, LocalDateTime now, List<FieldProblem> problems) {
        if (call == null) {
            problems.add(new FieldProblem("call", "L'appel est obligatoire : son issue au moins."));
            return null;
        }
        CallOutcome outcome = parseEnum(call.outcome(), CallOutcome.class, "call.outcome", "L'issue de l'appel",
                problems);
        LocalDateTime calledAt = now.truncatedTo(ChronoUnit.SECONDS);
        if (call.calledAt() != null && !call.calledAt().isBlank()) {
            try {
                calledAt = LocalDateTime.parse(call.calledAt().strip());
                if (calledAt.isAfter(now.plusMinutes(CLOCK_SKEW_MINUTES))) {
                    problems.add(new FieldProblem("call.calledAt", "L'appel ne peut pas être dans le futur ("
                            + call.calledAt().strip() + ")."));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("call.calledAt", "L'heure de l'appel « " + call.calledAt()
                        + " » n'est pas valide (AAAA-MM-JJTHH:MM)."));
            }
        }
        String phone = call.phone() == null || call.phone().isBlank() ? null : call.phone().strip();
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(new FieldProblem("call.phone", "Le numéro « " + phone
                    + " » n'est pas un numéro de téléphone (chiffres, espaces, +, points, tirets, parenthèses)."));
        }
        if (call.attempt() != null && call.attempt() < 1) {
            problems.add(new FieldProblem("call.attempt", "Le rang de la tentative commence à 1."));
        }
        return new EventPayload.Call(calledAt, phone, shortText(call.answeredBy(), "call.answeredBy", problems),
                shortText(call.answererRole(), "call.answererRole", problems), outcome, call.attempt());
    }

    private static String shortText(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > MAX_NAME) {
            problems.add(new FieldProblem(field, "Au plus " + MAX_NAME + " caractères."));
        }
        return value.strip();
    }

    private static List<ValidEvent.PlannedInstalment> instalments(List<EventRequest.Instalment> requested,
            LocalDate today, List<FieldProblem> problems) {
        if (requested == null || requested.isEmpty()) {
            problems.add(new FieldProblem("instalments", "Un échéancier compte au moins une échéance."));
            return List.of();
        }
        if (requested.size() > EventRules.MAX_INSTALMENTS) {
            problems.add(new FieldProblem("instalments", "Au plus " + EventRules.MAX_INSTALMENTS + " échéances."));
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
