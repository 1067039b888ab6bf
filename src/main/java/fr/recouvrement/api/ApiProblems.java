package fr.recouvrement.api;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 {@code application/problem+json} for every error of {@code /api} (docs/api.md): 400 with
 * {@code errors: [{field, message}]}, 404, 409 (also for an optimistic-locking race that outlived its retries), 413,
 * 415. Spring's own errors (wrong content type, unreadable JSON,
 * unknown method) keep their status and get the same shape.
 */
@RestControllerAdvice(basePackages = "fr.recouvrement")
public class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.problems().size() == 1 ? "Une donnée est invalide." : e.problems().size() + " données sont invalides.");
        problem.setTitle("Données invalides");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflit");
        if (!e.problems().isEmpty()) {
            problem.setProperty("errors", e.problems());
        }
        return problem;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Interdit");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Introuvable");
        return problem;
    }

    /** Still racing a job after the retries of EngineTransaction: a conflict to retry, not a server error. */
    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail concurrentUpdate(OptimisticLockingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Le dossier est modifié au même moment par le traitement automatique : renvoyez la requête.");
        problem.setTitle("Modification concurrente");
        return problem;
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
        problem.setTitle("Requête trop volumineuse");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Le corps de la requête n'est pas un JSON lisible.");
        problem.setTitle("Données invalides");
        problem.setProperty("errors", List.of(new FieldProblem("$", "JSON mal formé ou de type inattendu")));
        return ResponseEntity.badRequest().body(problem);
    }
}
