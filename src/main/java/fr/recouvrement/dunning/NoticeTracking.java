package fr.recouvrement.dunning;

import static fr.recouvrement.dunning.DossierVariables.NOTICE_DEADLINE_ENDS_AT;
import static fr.recouvrement.dunning.DossierVariables.POSTED_ON;
import static fr.recouvrement.dunning.DossierVariables.RECEIVED_ON;
import static fr.recouvrement.dunning.DossierVariables.TRACKING_NUMBER;

import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.communication.CommunicationOutbox;
import fr.recouvrement.communication.CommunicationRepository;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The registered notice (LRAR) after it is written: posted with its tracking number, then received. The agents type
 * both dates in Tasklist (jj/mm/aaaa); the task listeners check them before anything is recorded.
 */
@Component("noticeTracking")
public class NoticeTracking {

    private static final String POSTED_LABEL = "La date de dépôt à la Poste";
    private static final String RECEIVED_LABEL = "La date de réception ou de première présentation";

    private final DossierRepository dossiers;
    private final CommunicationRepository communications;
    private final CommunicationOutbox outbox;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public NoticeTracking(DossierRepository dossiers, CommunicationRepository communications,
            CommunicationOutbox outbox, BusinessCalendar calendar, Clock clock) {
        this.dossiers = dossiers;
        this.communications = communications;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * When the agent completes "Poster la lettre recommandée": the posting date is a day between the notice's writing
     * and today, kept as ISO for "Enregistrer l'envoi"; otherwise Tasklist says why and nothing is recorded.
     */
    @ScenarioStep
    public void checkPostingDate(DelegateTask task) {
        DossierRepository.DossierRow dossier = dossiers.get(task.getExecution().getProcessBusinessKey());
        // The notice waiting to be posted, from its first writing: a re-written notice could be printed since then.
        LocalDate written = communications.pendingNotices(dossier.id()).stream().map(communications::writtenOn)
                .min(Comparator.naturalOrder()).orElseThrow();
        FormDates.between(task, POSTED_ON, POSTED_LABEL, written, "l'édition de la mise en demeure",
                LocalDate.now(clock));
    }

    /**
     * When the agent completes "Enregistrer l'accusé de réception": the date is a day between the posting and today,
     * kept as ISO for "Enregistrer la réception"; otherwise Tasklist says why and nothing is recorded.
     */
    @ScenarioStep
    public void checkReceiptDate(DelegateTask task) {
        LocalDate postedOn = FormDates.required(task, POSTED_ON, POSTED_LABEL);
        FormDates.between(task, RECEIVED_ON, RECEIVED_LABEL, postedOn, "le dépôt de la lettre recommandée",
                LocalDate.now(clock));
    }

    /**
     * "Enregistrer l'envoi de la LRAR": the notice is posted; the dossier takes no new invoice from now on. The date is
     * ISO once {@link #checkPostingDate} has read it, and as typed on a diagram version deployed before that listener.
     */
    @ScenarioStep
    public void recordDispatch(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        LocalDate postedOn = FormDates.required(execution, POSTED_ON, POSTED_LABEL);
        String trackingNumber = (String) execution.getVariable(TRACKING_NUMBER);
        communications.pendingNotices(dossier.id())
                .forEach(notice -> outbox.markPosted(notice, postedOn, trackingNumber));
        dossiers.markNoticeSent(dossier.id());
    }

    /**
     * "Enregistrer la réception": the AR date, or for a letter returned unclaimed the first presentation date, which
     * then counts as the AR date. The notice's deadline runs from it ("sous N jours à compter de la réception"). The
     * date is read as in {@link #recordDispatch}.
     */
    @ScenarioStep
    public void recordReceipt(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        LocalDate receivedOn = FormDates.required(execution, RECEIVED_ON, RECEIVED_LABEL);
        dossiers.recordNoticeReceived(dossier.id(), receivedOn);
        int deadline = DossierVariables.scenario(execution).noticeDeadlineDays();
        execution.setVariable(NOTICE_DEADLINE_ENDS_AT, calendar.at9(receivedOn.plusDays(deadline + 1L)));
    }
}
