package fr.recouvrement.api;

import java.util.List;

/** The request contradicts what is stored (409), with the fields that differ when there are some. */
public class ConflictException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public ConflictException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public ConflictException(String message) {
        this(message, List.of());
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
