package fr.recouvrement.dossier;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Tells a dossier's {@code recouvrement-amiable} instance (business key = dossier number) what happened to it: the
 * messages {@code FactureAjoutee}, {@code PaiementRecu} and {@code EvenementSignale} of docs/architecture.md §1. Called
 * inside the caller's transaction; when no instance waits for the message, the ledger alone records the fact.
 */
@Component
public class DossierMessages {

    public static final String PAYMENT_RECEIVED = "PaiementRecu";
    public static final String EVENT_REPORTED = "EvenementSignale";

    private final RuntimeService runtime;

    public DossierMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * @return how many executions received it
     */
    public int send(String dossierNumber, String message, Map<String, Object> variables) {
        // Inside a command (an agent's signalement started from Tasklist), the agent was allowed to report the event;
        // updating the dossier's process is the application's business, not a permission the agent needs.
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            return command.runWithoutAuthorization(() -> correlate(dossierNumber, message, variables));
        }
        return correlate(dossierNumber, message, variables);
    }

    private int correlate(String dossierNumber, String message, Map<String, Object> variables) {
        return runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(dossierNumber)
                .setVariables(variables)
                .correlateAllWithResult()
                .size();
    }
}
