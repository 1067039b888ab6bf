package fr.recouvrement.api;

/**
 * One problem with one input field.
 *
 * @param field a JSON path such as {@code debtor.siren} (or, in a CSV report, the column as written in the header)
 * @param message what is wrong, in French, for the person who typed it
 */
public record FieldProblem(String field, String message) {
}
