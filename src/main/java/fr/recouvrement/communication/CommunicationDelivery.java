package fr.recouvrement.communication;

import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service tasks of {@code envoi-communication} (docs/architecture.md §5). Each state change that must survive a
 * crash is committed in a transaction of its own, before and after the SMTP conversation, so that a job run again
 * after a crash finds out where the previous one stopped and never sends twice.
 */
@Component("communicationDelivery")
public class CommunicationDelivery {

    private static final String POSTED_LABEL = "La date de dépôt à la Poste";

    private final CommunicationRepository communications;
    private final DeliveryPreparation preparation;
    private final TransactionTemplate ownTransaction;
    private final CommunicationOutbox outbox;
    private final MailDispatcher mail;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public CommunicationDelivery(CommunicationRepository communications, DeliveryPreparation preparation,
            PlatformTransactionManager transactions, CommunicationOutbox outbox, MailDispatcher mail,
            BusinessCalendar calendar, Clock clock) {
        this.communications = communications;
        this.preparation = preparation;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.outbox = outbox;
        this.mail = mail;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * "Remettre le message": re-reads the amounts, then sends an e-mail or hands a letter to the agents. An SMTP
     * error puts the row back to {@code PENDING} and fails the job, which retries with back-off; the last failure
     * raises an incident and marks the row {@code FAILED} ({@link FailedDeliveryIncidentHandler}). A connection lost
     * after the whole body went out leaves the row {@code UNKNOWN} with its task, never a resend.
     */
    @ScenarioStep
    public void deliver(DelegateExecution execution) {
        DeliveryPreparation.Prepared prepared =
                ownTransaction.execute(status -> preparation.prepare(communicationId(execution)));
        DeliveryRow row = prepared.row();
        String outcome = prepared.outcome();
        if (DeliveryPreparation.SENDING.equals(outcome)) {
            MailDispatcher.Handover handover;
            try {
                handover = mail.send(row);
            } catch (MailException e) {
                ownTransaction.executeWithoutResult(status -> communications.changeStatus(row.id(),
                        CommunicationStatus.SENDING, CommunicationStatus.PENDING));
                throw new CommunicationNotSentException(row.id(), e);
            }
            if (handover == MailDispatcher.Handover.UNCERTAIN) {
                // The server may hold it: a person decides, as after a run that died at this point.
                ownTransaction.executeWithoutResult(status -> communications.changeStatus(row.id(),
                        CommunicationStatus.SENDING, CommunicationStatus.UNKNOWN));
                outcome = DeliveryPreparation.UNKNOWN;
            } else {
                ownTransaction.executeWithoutResult(status -> communications.markHandedOver(row.id(),
                        OffsetDateTime.now(clock), mail.messageId(row.id())));
                outcome = DeliveryPreparation.SENT;
            }
        }
        execution.setVariable(DeliveryVariables.COMMUNICATION_ID, row.id());
        execution.setVariable(DeliveryVariables.OUTCOME, outcome);
        if (DeliveryPreparation.LETTER.equals(outcome) || DeliveryPreparation.UNKNOWN.equals(outcome)) {
            // What the agents' forms show; a sent or cancelled message ends here, with no form to fill (each variable
            // is three more rows to write, docs/performance.md).
            execution.setVariable(DeliveryVariables.SUBJECT, row.subject());
            execution.setVariable(DeliveryVariables.RECIPIENT, row.recipient());
            execution.setVariable(DeliveryVariables.MESSAGE_ID, mail.messageId(row.id()));
            execution.setVariable(DeliveryVariables.PDF_URL, row.pdf() == null ? "" : row.pdfUrl());
        }
    }

    /**
     * When the agent completes "Imprimer et poster le courrier": the posting date is a day between the letter's writing
     * and today, kept as ISO for "Enregistrer l'envoi du courrier"; otherwise Tasklist says why and nothing is
     * recorded.
     */
    @ScenarioStep
    public void checkPostingDate(DelegateTask task) {
        FormDates.between(task, DeliveryVariables.POSTED_ON, POSTED_LABEL,
                communications.writtenOn(communicationId(task)), "l'édition de la lettre", LocalDate.now(clock));
    }

    /**
     * "Enregistrer l'envoi du courrier": the agent posted the letter on the date given, with a tracking number. The
     * date is ISO once {@link #checkPostingDate} has read it, and as typed on a diagram version deployed before that
     * listener.
     */
    @ScenarioStep
    public void recordPosted(DelegateExecution execution) {
        Object tracking = execution.getVariable(DeliveryVariables.TRACKING_NUMBER);
        outbox.markPosted(communicationId(execution),
                FormDates.required(execution, DeliveryVariables.POSTED_ON, POSTED_LABEL),
                tracking == null ? null : tracking.toString());
    }

    /**
     * "Appliquer la vérification" of an uncertain e-mail: it left ({@code ENVOYE}, recorded as sent now, the time it
     * was confirmed), or it did not ({@code RENVOYER}: back to pending, and the process sends it again).
     */
    @ScenarioStep
    public void applyVerification(DelegateExecution execution) {
        long id = communicationId(execution);
        if ("ENVOYE".equals(execution.getVariable(DeliveryVariables.VERIFICATION))) {
            communications.markSent(id, CommunicationStatus.UNKNOWN, OffsetDateTime.now(clock), mail.messageId(id));
        } else {
            communications.changeStatus(id, CommunicationStatus.UNKNOWN, CommunicationStatus.PENDING);
        }
    }

    /** The agents' tasks are due in the DMN's {@code taskSlaDays} business days, at 09:00. */
    @ScenarioStep
    public Date taskDue(DelegateExecution execution) {
        int sla = ((Number) execution.getVariable(DeliveryVariables.TASK_SLA_DAYS)).intValue();
        return calendar.at9(calendar.addBusinessDays(LocalDate.now(clock), sla));
    }

    /** Where an agent opens a dossier's letter: the API serves it to a Tasklist session. */
    public static String pdfUrl(String dossierNumber, long communicationId) {
        return "/api/dossiers/" + dossierNumber + "/communications/" + communicationId + "/pdf";
    }

    static long communicationId(VariableScope scope) {
        return ((Number) scope.getVariable(DeliveryVariables.COMMUNICATION_ID)).longValue();
    }
}
