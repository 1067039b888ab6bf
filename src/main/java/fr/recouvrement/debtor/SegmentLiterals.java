package fr.recouvrement.debtor;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of one input entry of the scenario's segment column, read from its FEEL text. The forms an
 * analyst writes in Camunda Modeler are understood: {@code "PME"}; a list {@code "PME","FIDELE"}; a negation
 * {@code not("MAUVAIS_PAYEUR")}, whose literals count too (a segment the table excludes is still a segment it
 * knows); blank or {@code -} (any segment), which names none. Any other part ({@code starts with(?, "A")}, a comparison,
 * a variable, {@code null}, an empty string) cannot be listed as segments: it is returned as unreadable so the catalogue
 * can say so in the log, and names no segment.
 */
final class SegmentLiterals {

    private SegmentLiterals() {
    }

    /** What one entry names: its literals, and the comma-separated parts that are not a literal. */
    record Entry(List<String> literals, List<String> unreadable) {
    }

    static Entry of(String text) {
        String entry = text == null ? "" : text.strip();
        if (entry.isEmpty() || entry.equals("-")) {
            return new Entry(List.of(), List.of());
        }
        if (entry.startsWith("not(") && entry.endsWith(")")) {
            entry = entry.substring("not(".length(), entry.length() - 1);
        }
        List<String> literals = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String part : topLevelParts(entry)) {
            String literal = literal(part.strip());
            if (literal == null || literal.isBlank()) {
                unreadable.add(part.strip());
            } else {
                literals.add(literal);
            }
        }
        return new Entry(List.copyOf(literals), List.copyOf(unreadable));
    }

    /** Splits at the commas that are neither inside a string nor inside brackets, as FEEL reads a list of tests. */
    private static List<String> topLevelParts(String entry) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(entry.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(entry.substring(start));
        return parts;
    }

    /** The value of a FEEL string literal ({@code \"} and {@code \\} unescaped), or null when the part is not one. */
    private static String literal(String part) {
        if (part.length() < 2 || part.charAt(0) != '"' || part.charAt(part.length() - 1) != '"') {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < part.length() - 1; i++) {
            char c = part.charAt(i);
            if (c == '"') {
                return null; // two strings side by side, or an expression between quotes: not one literal
            }
            if (c == '\\' && i + 1 < part.length() - 1) {
                char next = part.charAt(++i);
                value.append(next == '"' || next == '\\' ? String.valueOf(next) : "\\" + next);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }
}
