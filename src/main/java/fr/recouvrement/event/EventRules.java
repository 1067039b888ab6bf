package fr.recouvrement.event;

import fr.recouvrement.security.CollectionGroups;
import java.util.Collection;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Who may report which event, and how long a payment plan may be: one definition for {@code /api} events and for
 * what arrives through the engine's REST API (the start of {@code signalement}, a task's completion).
 */
public final class EventRules {

    /** Two years of monthly instalments: beyond that an amicable plan is no longer credible. */
    public static final int MAX_INSTALMENTS = 24;

    private EventRules() {
    }

    /**
     * Resolving a dispute settles the invoice (a credit note, its cancellation, or dunning again): a manager's
     * decision, not an agent's. Every other event may be reported by whoever may write.
     */
    public static boolean mayReport(EventType type, Collection<String> groups) {
        return type != EventType.DISPUTE_RESOLVED
                || groups.contains(CollectionGroups.MANAGERS) || groups.contains(Groups.CAMUNDA_ADMIN);
    }

    /** Why the event is refused to the caller, in French. */
    public static String refusal(EventType type) {
        return "Seul un responsable recouvrement peut signaler l'événement " + type
                + " : résoudre un litige (avoir, annulation de la facture ou reprise) est sa décision.";
    }
}
