package fr.recouvrement.communication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores the communications of the scenario under their unique key (dossier or invoice, step, occurrence), in the
 * caller's transaction: a retried job finds the row already there and stores nothing more (DESIGN §6). A stored
 * e-mail or letter is handed to its own {@code envoi-communication} instance, which sends it as a separate job.
 */
@Component
public class CommunicationOutbox {

    /** The process that delivers one communication: sends an e-mail, or asks an agent to print and post a letter. */
    public static final String DELIVERY_PROCESS = "envoi-communication";

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final Clock clock;

    public CommunicationOutbox(JdbcClient jdbc, RuntimeService runtime, Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** What to store: for an invoice's own step (pre-due reminder) or for its dossier's. */
    public record Message(Long dossierId, Long invoiceId, String step, int occurrence, String channel, String status,
            String recipient, String subject, String body, byte[] pdf, String pdfName, String snapshot) {

        /** The same message for another occurrence of its step (a re-entry after a broken promise or plan). */
        Message withOccurrence(int newOccurrence) {
            return new Message(dossierId, invoiceId, step, newOccurrence, channel, status, recipient, subject, body,
                    pdf, pdfName, snapshot);
        }

        /** A step recorded as not sent (late entry, DESIGN §3): nothing rendered. */
        public static Message skipped(Long dossierId, Long invoiceId, String step, String channel, String recipient) {
            return new Message(dossierId, invoiceId, step, 1, channel, "SKIPPED", recipient, null, null, null, null,
                    null);
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
        if (stored.created() && "PENDING".equals(message.status()) && !"LRAR".equals(message.channel())) {
            runtime.createProcessInstanceByKey(DELIVERY_PROCESS)
                    .businessKey(reference + "/" + message.step())
                    .setVariable("communicationId", stored.id())
                    .setVariable("taskSlaDays", taskSlaDays)
                    .execute();
        }
        return stored;
    }

    /** Stores a revision of a step; the first revision is unique per step and occurrence. */
    Stored store(Message message, int revision) {
        String conflict = message.dossierId() != null
                ? "(dossier_id, step, occurrence, revision) where dossier_id is not null"
                : "(invoice_id, step, occurrence, revision) where dossier_id is null";
        Long id = jdbc.sql("""
                insert into recouvrement.communication (dossier_id, invoice_id, step, occurrence, revision, channel,
                    status, recipient, subject, body, pdf, pdf_name, amounts_snapshot, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict %s do nothing returning id""".formatted(conflict))
                .params(message.dossierId(), message.invoiceId(), message.step(), message.occurrence(), revision,
                        message.channel(), message.status(), message.recipient(), message.subject(), message.body(),
                        message.pdf(), message.pdfName(), message.snapshot(),
                        // The application's clock, not the database's: the spacing of messages is computed from it.
                        OffsetDateTime.ofInstant(clock.instant(), clock.getZone()))
                .query(Long.class).optional().orElse(null);
        if (id != null) {
            return new Stored(id, true);
        }
        String owner = message.dossierId() != null ? "dossier_id = ?" : "dossier_id is null and invoice_id = ?";
        return new Stored(jdbc.sql("select id from recouvrement.communication where " + owner
                        + " and step = ? and occurrence = ? and revision = ?")
                .params(message.dossierId() != null ? message.dossierId() : message.invoiceId(), message.step(),
                        message.occurrence(), revision)
                .query(Long.class).single(), false);
    }

    /**
     * A letter the agent printed and posted: sent at noon in Paris on the day it was posted, with its tracking number
     * when it has one. A letter cancelled meanwhile stays cancelled.
     */
    public void markPosted(long communicationId, LocalDate postedOn, String trackingNumber) {
        jdbc.sql("""
                update recouvrement.communication set status = 'SENT', tracking_number = nullif(?, ''),
                    sent_at = (cast(? as date) + time '12:00') at time zone 'Europe/Paris'
                where id = ? and status = 'PENDING'""")
                .params(trackingNumber == null ? "" : trackingNumber.strip(), postedOn, communicationId).update();
    }

    /**
     * A closing dossier sends nothing more: its pending messages are cancelled with the reason, and their deliveries
     * (a letter waiting to be posted) leave the agents' task list.
     */
    public void cancelPending(long dossierId, String dossierNumber, String reason) {
        jdbc.sql("""
                update recouvrement.communication set status = 'CANCELLED', cancel_reason = ?
                where dossier_id = ? and status in ('PENDING', 'FAILED')""").params(reason, dossierId).update();
        runtime.createProcessInstanceQuery().processDefinitionKey(DELIVERY_PROCESS)
                .processInstanceBusinessKeyLike(dossierNumber + "/%").list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason, true, true));
    }
}
