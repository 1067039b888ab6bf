package fr.recouvrement.api;

import java.util.List;

/** Input that breaks one or more rules: answered 400 with every problem listed. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
