package fr.recouvrement.bank;

import fr.recouvrement.api.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A statement file refused whole (400): not XML, an unknown message, the schema broken, no account of ours. */
class StatementRejectedException extends RuntimeException {

    private final String fileName;
    private final String problem;

    StatementRejectedException(String fileName, String problem) {
        super(fileName + " : " + problem);
        this.fileName = fileName;
        this.problem = problem;
    }

    String fileName() {
        return fileName;
    }

    String problem() {
        return problem;
    }

    /** The answer of the API, 400 problem+json; also the report beside a file refused in the folder. */
    ProblemDetail toProblem() {
        ProblemDetail answer = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Le fichier « " + fileName
                + " » est refusé en entier, rien n'est enregistré : " + problem + ".");
        answer.setTitle("Relevé refusé");
        answer.setProperty("errors", List.of(new FieldProblem(fileName, problem)));
        return answer;
    }
}
