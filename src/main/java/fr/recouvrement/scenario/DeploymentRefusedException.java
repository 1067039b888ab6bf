package fr.recouvrement.scenario;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment the guard refuses, whole. A {@link ParseException}, because that is what Camunda's REST API answers
 * with 400 and a report per resource ({@code details}, each refusal with its element ids and line), the way it
 * reports a diagram that does not parse; Modeler shows the message, which names every element and why.
 */
public class DeploymentRefusedException extends ParseException {

    private static final long serialVersionUID = 1L;

    DeploymentRefusedException(List<ResourceReport> reports) {
        super(message(reports), reports.get(0).getResourceName(), reports.get(0).getErrors(), List.of());
        // ParseException takes one resource; a deployment may have several refused.
        this.resorceReports = List.copyOf(reports);
    }

    private static String message(List<ResourceReport> reports) {
        return reports.stream().flatMap(report -> report.getErrors().stream()
                        .map(error -> "\n- " + describe(report.getResourceName(), error)))
                .collect(Collectors.joining("", "Deployment refused: a diagram may not run code of its own on the "
                        + "server (docs/architecture.md §2, «What a diagram may contain»). Nothing was deployed.", ""));
    }

    private static String describe(String resource, Problem problem) {
        return problem instanceof Refusal refusal ? refusal.describe(resource) : resource + ": " + problem.getMessage();
    }
}
