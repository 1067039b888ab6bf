package fr.recouvrement.event;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service tasks around events in the BPMN: {@code ${eventReporting.report(execution)}} for the agents' process
 * {@code signalement}, {@code ${eventReporting.resolveDispute(execution)}} for the dispute task of a dossier.
 */
@Component("eventReporting")
public class EventReporting {

    private static final Map<String, Boolean> JUSTIFIED = Map.of("CREDIT_NOTE", true, "CANCEL", true, "RESUME", false);

    private final EventRecorder recorder;

    public EventReporting(EventRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * "Transmettre l'événement": what the agent typed in the start form, recorded as the API would record it. A problem
     * (unknown invoice, no dossier, a plan that does not add up) fails the start, so the agent sees it at once and
     * nothing is recorded.
     */
    public void report(DelegateExecution execution) {
        String action = text(execution, "action");
        EventRequest request = new EventRequest(text(execution, "eventType"), text(execution, "reason"),
                action == null ? null : JUSTIFIED.get(action), action, text(execution, "promiseDate"), null,
                text(execution, "text"));
        EventView recorded = recorder.record(text(execution, "invoiceNumber"), request, text(execution, "initiator"));
        execution.setVariable("eventId", recorded.id());
        execution.setVariable("dossierNumber", recorded.dossier());
    }

    /** "Appliquer la résolution" of a dispute, as the manager decided in the task. */
    public void resolveDispute(DelegateExecution execution) {
        String action = text(execution, "action");
        recorder.recordFromDossier(text(execution, "invoiceNumber"), new EventRequest("DISPUTE_RESOLVED", null,
                JUSTIFIED.get(action), action, null, null, null), author(text(execution, "resolvedBy")));
    }

    /** The manager who completed the task; a task completed through the API without claim has none. */
    private static String author(String assignee) {
        return assignee == null ? "recouvrement-amiable" : assignee;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
