package fr.recouvrement.calendar;

import fr.recouvrement.api.TasklistRefusal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The dates agents type in the forms, as they write them: {@code jj/mm/aaaa}. The form-js date picker of Tasklist 7.24
 * follows the browser's locale and cannot be told otherwise, so the forms use text fields and the task listeners read
 * them here: strictly (30/02 is refused), then stored back as {@code AAAA-MM-JJ} for the steps that follow. A REST
 * client completing a task may send {@code AAAA-MM-JJ} directly.
 *
 * <p>A refusal is a {@link TasklistRefusal} whose message is French: Tasklist shows it to the agent, and the
 * completion, with everything it would have recorded, is rolled back.
 */
public final class FormDates {

    /** How agents read a date in a form. */
    public static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** How agents read a date and time: 24-hour clock. */
    public static final DateTimeFormatter FRENCH_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu H:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private FormDates() {
    }

    /** The date of the field, or empty when nothing was typed. */
    public static Optional<LocalDate> optional(VariableScope scope, String variable, String label) {
        Object typed = scope.getVariable(variable);
        if (typed == null || typed.toString().isBlank()) {
            return Optional.empty();
        }
        String text = typed.toString();
        LocalDate date = Dates.parseIsoOrFrench(text).orElseThrow(() -> refused(label + " « " + text.strip()
                + " » n'est pas une date : écrivez-la jj/mm/aaaa, par exemple 05/01/2027."));
        // A date already in ISO is left as it is: rewriting it would add a variable update to the history.
        if (!date.toString().equals(text)) {
            scope.setVariable(variable, date.toString());
        }
        return Optional.of(date);
    }

    /** The date of a field the agent must fill in. */
    public static LocalDate required(VariableScope scope, String variable, String label) {
        return optional(scope, variable, label).orElseThrow(() -> refused(label + " est à renseigner (jj/mm/aaaa)."));
    }

    /** The date and time of the field ({@code jj/mm/aaaa hh:mm}), stored back as ISO; empty when nothing was typed. */
    public static Optional<LocalDateTime> optionalDateTime(VariableScope scope, String variable, String label) {
        Object typed = scope.getVariable(variable);
        if (typed == null || typed.toString().isBlank()) {
            return Optional.empty();
        }
        String text = typed.toString().strip().replaceAll("\\s+", " ");
        LocalDateTime at;
        try {
            at = text.contains("T") ? LocalDateTime.parse(text) : LocalDateTime.parse(text, TYPED_TIME);
        } catch (DateTimeParseException e) {
            throw refused(label + " « " + text + " » n'est pas une date et une heure : écrivez-les jj/mm/aaaa hh:mm, "
                    + "par exemple 05/01/2027 14:30.");
        }
        if (!at.toString().equals(text)) {
            scope.setVariable(variable, at.toString());
        }
        return Optional.of(at);
    }

    /**
     * The date of a field the agent must fill in with a day that has come: not after {@code today}, nor before
     * {@code earliest}, the day of what {@code since} names ("le dépôt de la lettre recommandée").
     */
    public static LocalDate between(VariableScope scope, String variable, String label, LocalDate earliest,
            String since, LocalDate today) {
        LocalDate date = required(scope, variable, label);
        if (date.isAfter(today)) {
            throw refused(label + ", " + french(date) + ", est dans le futur : au plus tard aujourd'hui, "
                    + french(today) + ".");
        }
        if (date.isBefore(earliest)) {
            throw refused(label + ", " + french(date) + ", précède " + since + " : au plus tôt le " + french(earliest)
                    + ".");
        }
        return date;
    }

    /** {@code 05/01/2027}. */
    public static String french(LocalDate date) {
        return date.format(FRENCH);
    }

    /** A refusal Tasklist shows as it is. */
    public static TasklistRefusal refused(String frenchMessage) {
        return new TasklistRefusal(frenchMessage);
    }
}
