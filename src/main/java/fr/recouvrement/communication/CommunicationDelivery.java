package fr.recouvrement.communication;

import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.letters.LetterFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service tasks of {@code envoi-communication}: DESIGN §6 step by step. Each state change that must survive a
 * crash is committed in a transaction of its own, before and after the SMTP conversation, so that a job run again
 * after a crash finds out where the previous one stopped and never sends twice.
 */
@Component("communicationDelivery")
public class CommunicationDelivery {

    /** What the delivery did, for the process's gateway. */
    static final String SENT = "SENT";
    static final String CANCELLED = "CANCELLED";
    static final String LETTER = "LETTER";
    static final String UNKNOWN = "UNKNOWN";

    private static final String COLUMNS = """
            c.id, c.dossier_id, d.number as dossier_number, d.status as dossier_status, c.invoice_id,
            i.number as invoice_number, c.step, c.occurrence, c.revision, c.channel, c.status, c.recipient, c.subject,
            c.body, c.pdf, c.pdf_name, c.amounts_snapshot, c.replaced_by""";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final MessageWriter writer;
    private final CommunicationOutbox outbox;
    private final MailDispatcher mail;
    private final InvoiceRepository invoices;
    private final BusinessCalendar calendar;
    private final RuntimeService runtime;
    private final Clock clock;

    public CommunicationDelivery(JdbcClient jdbc, PlatformTransactionManager transactions, MessageWriter writer,
            CommunicationOutbox outbox, MailDispatcher mail, InvoiceRepository invoices, BusinessCalendar calendar,
            RuntimeService runtime, Clock clock) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writer = writer;
        this.outbox = outbox;
        this.mail = mail;
        this.invoices = invoices;
        this.calendar = calendar;
        this.clock = clock;
    }

    private record Prepared(DeliveryRow row, String outcome) {
    }

    /**
     * "Remettre le message": re-reads the amounts, then sends an e-mail or hands a letter to the agents. An SMTP
     * error puts the row back to {@code PENDING} and fails the job, which retries with back-off; the last failure
     * raises an incident and marks the row {@code FAILED} ({@link FailedDeliveryIncidentHandler}).
     */
    public void deliver(DelegateExecution execution) {
        Prepared prepared = ownTransaction.execute(status -> prepare(communicationId(execution)));
        DeliveryRow row = prepared.row();
        String outcome = prepared.outcome();
        if ("SENDING".equals(outcome)) {
            try {
                mail.send(row);
            } catch (MailException e) {
                ownTransaction.executeWithoutResult(status -> changeStatus(row.id(), "SENDING", "PENDING"));
                throw new CommunicationNotSentException("E-mail n° " + row.id() + " à " + row.recipient()
                        + " non remis au serveur SMTP : " + e.getMessage(), e);
            }
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                    update recouvrement.communication set status = 'SENT', sent_at = ?, message_id = ?
                    where id = ? and status = 'SENDING'""")
                    .params(now(), mail.messageId(row.id()), row.id()).update());
            outcome = SENT;
        }
        execution.setVariable("communicationId", row.id());
        execution.setVariable("deliveryOutcome", outcome);
        if (LETTER.equals(outcome) || UNKNOWN.equals(outcome)) {
            // What the agents' forms show; a sent or cancelled message ends here, with no form to fill (each variable
            // is three more rows to write, docs/performance.md).
            execution.setVariable("subject", row.subject());
            execution.setVariable("recipient", row.recipient());
            execution.setVariable("messageId", mail.messageId(row.id()));
            execution.setVariable("pdfUrl", row.pdf() == null ? "" : row.pdfUrl());
        }
    }

    private Prepared prepare(long id) {
        DeliveryRow row = lock(id);
        while ("CANCELLED".equals(row.status()) && row.replacedBy() != null) {
            row = lock(row.replacedBy());
        }
        switch (row.status()) {
            case "SENT", "CANCELLED", "UNKNOWN":
                return new Prepared(row, row.status());
            case "SENDING":
                // A previous run died between SMTP and its status write: the e-mail may have left. A person decides.
                changeStatus(row.id(), "SENDING", UNKNOWN);
                return new Prepared(row, UNKNOWN);
            case "PENDING", "FAILED":
                return prepareSending(row);
            default:
                throw new IllegalStateException("La communication n° " + row.id() + " est " + row.status()
                        + " : rien à remettre.");
        }
    }

    private Prepared prepareSending(DeliveryRow row) {
        LetterFacts.Facts now = row.dossierId() != null
                ? writer.dossierFacts(row.dossierId(), row.dossierNumber())
                : writer.invoiceFacts(invoice(row));
        String reason = "CLOSED".equals(row.dossierStatus()) ? "Dossier clos avant l'envoi."
                : !now.anythingClaimed() ? "Plus rien à réclamer au moment de l'envoi (réglé, avoir ou litige)."
                : null;
        if (reason != null) {
            cancel(row.id(), reason, null);
            return new Prepared(row, CANCELLED);
        }
        DeliveryRow current = now.snapshot().equals(row.snapshot()) ? row : rewrite(row, Map.of());
        if (!"EMAIL".equals(current.channel())) {
            return new Prepared(current, LETTER);
        }
        changeStatus(current.id(), current.status(), "SENDING");
        return new Prepared(current, "SENDING");
    }

    /**
     * The amounts changed since the message was written: it is written again as a new revision, and the old one is
     * cancelled and kept as evidence.
     */
    private DeliveryRow rewrite(DeliveryRow row, Map<String, Object> extras) {
        MessageWriter.Draft draft = row.dossierId() != null
                ? writer.dossierStep(row.dossierId(), row.dossierNumber(), row.step(), row.channel(), extras)
                : writer.preDueReminder(row.invoiceId(), invoice(row));
        long replacement = outbox.store(draft.message().withOccurrence(row.occurrence()), row.revision() + 1).id();
        cancel(row.id(), "Montants modifiés avant l'envoi : remplacée par la communication n° " + replacement + ".",
                replacement);
        return lock(replacement);
    }

    /**
     * A letter waiting to be printed follows its dossier: when a payment, a new invoice or a dispute changed what it
     * claims, it is written again, and the print-and-post task links the new PDF. Runs in the caller's transaction.
     *
     * @param extras what the steps' templates need beyond the ledger (the notice's deadline)
     * @return the PDF link of the registered letter (notice) waiting to be posted, if it was written again
     */
    public Optional<String> refreshPendingLetters(long dossierId, Map<String, Object> extras) {
        Optional<String> noticeUrl = Optional.empty();
        List<Long> pending = jdbc.sql("""
                select id from recouvrement.communication
                where dossier_id = ? and status = 'PENDING' and channel in ('LETTER', 'LRAR') order by id""")
                .param(dossierId).query(Long.class).list();
        for (long id : pending) {
            DeliveryRow row = lock(id);
            LetterFacts.Facts now = writer.dossierFacts(dossierId, row.dossierNumber());
            if (!now.anythingClaimed() || now.snapshot().equals(row.snapshot())) {
                // Nothing left to claim: the settlement closes the dossier, which cancels the letter.
                continue;
            }
            DeliveryRow current = rewrite(row, extras);
            if ("LRAR".equals(current.channel())) {
                noticeUrl = Optional.of(current.pdfUrl());
            } else {
                runtime.createProcessInstanceQuery().processDefinitionKey(CommunicationOutbox.DELIVERY_PROCESS)
                        .processInstanceBusinessKey(current.dossierNumber() + "/" + current.step()).list()
                        .forEach(delivery -> runtime.setVariables(delivery.getId(), Map.of(
                                "communicationId", current.id(), "pdfUrl", current.pdfUrl())));
            }
        }
        return noticeUrl;
    }

    /** "Enregistrer l'envoi du courrier": the agent posted the letter on the date given, with a tracking number. */
    public void recordPosted(DelegateExecution execution) {
        Object tracking = execution.getVariable("trackingNumber");
        outbox.markPosted(communicationId(execution), LocalDate.parse((String) execution.getVariable("postedOn")),
                tracking == null ? null : tracking.toString());
    }

    /**
     * "Appliquer la vérification" of an uncertain e-mail: it left ({@code ENVOYE}, recorded as sent now, the time it
     * was confirmed), or it did not ({@code RENVOYER}: back to pending, and the process sends it again).
     */
    public void applyVerification(DelegateExecution execution) {
        long id = communicationId(execution);
        if ("ENVOYE".equals(execution.getVariable("verification"))) {
            jdbc.sql("""
                    update recouvrement.communication set status = 'SENT', sent_at = ?, message_id = ?
                    where id = ? and status = 'UNKNOWN'""").params(now(), mail.messageId(id), id).update();
        } else {
            changeStatus(id, UNKNOWN, "PENDING");
        }
    }

    /** The agents' tasks are due in the DMN's {@code taskSlaDays} business days, at 09:00. */
    public Date taskDue(DelegateExecution execution) {
        int sla = ((Number) execution.getVariable("taskSlaDays")).intValue();
        return calendar.at9(calendar.addBusinessDays(LocalDate.now(clock), sla));
    }

    private void cancel(long id, String reason, Long replacedBy) {
        jdbc.sql("""
                update recouvrement.communication set status = 'CANCELLED', cancel_reason = ?, replaced_by = ?
                where id = ?""").params(reason, replacedBy, id).update();
    }

    private void changeStatus(long id, String from, String to) {
        jdbc.sql("update recouvrement.communication set status = ? where id = ? and status = ?")
                .params(to, id, from).update();
    }

    private DeliveryRow lock(long id) {
        return jdbc.sql("select " + COLUMNS + """
                 from recouvrement.communication c
                left join recouvrement.dossier d on d.id = c.dossier_id
                left join recouvrement.invoice i on i.id = c.invoice_id
                where c.id = ? for update of c""")
                .param(id).query(CommunicationDelivery::map).optional()
                .orElseThrow(() -> new NotFoundException("Aucune communication n° " + id + "."));
    }

    private InvoiceView invoice(DeliveryRow row) {
        return invoices.findByNumber(row.invoiceNumber()).orElseThrow(() -> NotFoundException.invoice(row.invoiceNumber()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), clock.getZone());
    }

    /** Where an agent opens a dossier's letter: the API serves it to a Tasklist session. */
    public static String pdfUrl(String dossierNumber, long communicationId) {
        return "/api/dossiers/" + dossierNumber + "/communications/" + communicationId + "/pdf";
    }

    static long communicationId(DelegateExecution execution) {
        return ((Number) execution.getVariable("communicationId")).longValue();
    }

    private static DeliveryRow map(ResultSet rs, int row) throws SQLException {
        return new DeliveryRow(rs.getLong("id"), rs.getObject("dossier_id", Long.class), rs.getString("dossier_number"),
                rs.getString("dossier_status"), rs.getObject("invoice_id", Long.class), rs.getString("invoice_number"),
                rs.getString("step"), rs.getInt("occurrence"), rs.getInt("revision"), rs.getString("channel"),
                rs.getString("status"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                rs.getBytes("pdf"), rs.getString("pdf_name"), rs.getString("amounts_snapshot"),
                rs.getObject("replaced_by", Long.class));
    }
}
