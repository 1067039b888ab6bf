package fr.recouvrement.communication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Stores the communications of the scenario under their unique key (dossier or invoice, step, occurrence), in the
 * caller's transaction: a retried job finds the row already there and stores nothing more (docs/architecture.md §5).
 * A stored e-mail or letter is handed to its own {@code envoi-communication} instance, which sends it as a separate
 * job.
 */
@Component
public class CommunicationOutbox {

    /** The process that delivers one communication: sends an e-mail, or asks an agent to print and post a letter. */
    public static final String DELIVERY_PROCESS = "envoi-communication";

    private final CommunicationRepository communications;
    private final RuntimeService runtime;
    private final Clock clock;

    public CommunicationOutbox(CommunicationRepository communications, RuntimeService runtime, Clock clock) {
        this.communications = communications;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * What to store: for an invoice's own step (pre-due reminder) or for its dossier's. {@code extras}: what the step
     * added to the template's model beyond the ledger (the notice's date), kept so that the message written again
     * before it leaves says the same.
     */
    public record Message(Long dossierId, Long invoiceId, String step, int occurrence, String channel,
            CommunicationStatus status, String recipient, String subject, String body, byte[] pdf, String pdfName,
            String snapshot, Map<String, Object> extras) {

        /** The same message for another occurrence of its step (a re-entry after a broken promise or plan). */
        Message withOccurrence(int newOccurrence) {
            return new Message(dossierId, invoiceId, step, newOccurrence, channel, status, recipient, subject, body,
                    pdf, pdfName, snapshot, extras);
        }

        /** A step recorded as not sent (late entry, docs/architecture.md §3): nothing rendered. */
        public static Message skipped(Long dossierId, Long invoiceId, String step, String channel, String recipient) {
            return new Message(dossierId, invoiceId, step, 1, channel, CommunicationStatus.SKIPPED, recipient, null,
                    null, null, null, null, Map.of());
        }
    }

    /** A stored row: its id, and whether this call stored it (false: a retried job found it there). */
    public record Stored(long id, boolean created) {
    }

    /**
     * Stores the message and, when this call stored a pending e-mail or letter, starts its delivery (a job that runs
     * after this transaction commits). A registered letter (LRAR) is the dossier's own print-and-post task.
     *
     * @param reference the dossier or invoice number, the delivery's business key with the step
     * @param taskSlaDays the scenario's delay for the agents' tasks (print and post, check an uncertain e-mail)
     */
    public Stored enqueue(Message message, String reference, int taskSlaDays) {
        Stored stored = store(message, 1);
        if (stored.created() && message.status() == CommunicationStatus.PENDING && !"LRAR".equals(message.channel())) {
            runtime.createProcessInstanceByKey(DELIVERY_PROCESS)
                    .businessKey(reference + "/" + message.step())
                    .setVariable(DeliveryVariables.COMMUNICATION_ID, stored.id())
                    .setVariable(DeliveryVariables.TASK_SLA_DAYS, taskSlaDays)
                    .execute();
        }
        return stored;
    }

    /**
     * Stores a dossier's message as the next occurrence of its step, for a step that happens as often as its cause (a
     * promise's confirmation), and starts its delivery as {@link #enqueue} does.
     */
    public Stored enqueueAnother(Message message, String reference, int taskSlaDays) {
        int next = communications.occurrences(message.dossierId(), message.step()) + 1;
        return enqueue(message.withOccurrence(next), reference, taskSlaDays);
    }

    /** Stores a revision of a step; the first revision is unique per step and occurrence. */
    Stored store(Message message, int revision) {
        // The application's clock, not the database's: the spacing of messages is computed from it.
        return communications.insertOnce(message, revision, OffsetDateTime.now(clock))
                .map(id -> new Stored(id, true))
                .orElseGet(() -> new Stored(communications.idOf(message, revision), false));
    }

    /** A letter the agent printed and posted on that day, with its tracking number when it has one. */
    public void markPosted(long communicationId, LocalDate postedOn, String trackingNumber) {
        communications.markPosted(communicationId, postedOn, trackingNumber);
    }

    /**
     * A closing dossier sends nothing more: its pending messages are cancelled with the reason, and their deliveries
     * (a letter waiting to be posted) leave the agents' task list.
     */
    public void cancelPending(long dossierId, String dossierNumber, String reason) {
        communications.cancelPendingOfDossier(dossierId, reason);
        runtime.createProcessInstanceQuery().processDefinitionKey(DELIVERY_PROCESS)
                .processInstanceBusinessKeyLike(dossierNumber + "/%").unlimitedList()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason, true, true));
    }
}
