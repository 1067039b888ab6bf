package fr.recouvrement.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Reads the dates people type: strictly, so that 30 February is an error and not 2 March. */
public final class Dates {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** {@code YYYY-MM-DD}. */
    public static Optional<LocalDate> parseIso(String text) {
        return parse(text, ISO);
    }

    /** {@code YYYY-MM-DD} or, as French spreadsheets write it, {@code DD/MM/YYYY}. */
    public static Optional<LocalDate> parseIsoOrFrench(String text) {
        return parseIso(text).or(() -> parse(text, FRENCH));
    }

    private static Optional<LocalDate> parse(String text, DateTimeFormatter format) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip(), format));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
