package fr.recouvrement.scenario;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/**
 * One reason a resource is refused, in the form Camunda's REST API reports parse errors ({@code details} of a 400
 * answer): the message, where the element starts, the element an analyst finds in Modeler ({@code mainElementId},
 * such as the task or the sequence flow) and the inner element when it has an id of its own.
 */
record Refusal(String message, int line, int column, String mainElementId, List<String> elementIds)
        implements Problem {

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public String getMainElementId() {
        return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
        return elementIds;
    }

    /** "garde.bpmn › Calculer, line 12: why", for the exception's message, which is what Modeler shows. */
    String describe(String resource) {
        StringBuilder where = new StringBuilder(resource);
        elementIds.forEach(id -> where.append(" › ").append(id));
        if (line > 0) {
            where.append(", line ").append(line);
        }
        return where + ": " + message;
    }
}
