package fr.recouvrement.dunning;

import static fr.recouvrement.dunning.DossierVariables.NOTICE_DEADLINE_ENDS_AT;
import static fr.recouvrement.dunning.DossierVariables.POSTED_ON;
import static fr.recouvrement.dunning.DossierVariables.RECEIVED_ON;
import static fr.recouvrement.dunning.DossierVariables.TRACKING_NUMBER;

import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.communication.CommunicationOutbox;
import fr.recouvrement.communication.CommunicationRepository;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The registered notice (LRAR) after it is written: posted with its tracking number, then received. */
@Component("noticeTracking")
public class NoticeTracking {

    private final DossierRepository dossiers;
    private final CommunicationRepository communications;
    private final CommunicationOutbox outbox;
    private final BusinessCalendar calendar;

    public NoticeTracking(DossierRepository dossiers, CommunicationRepository communications,
            CommunicationOutbox outbox, BusinessCalendar calendar) {
        this.dossiers = dossiers;
        this.communications = communications;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    /** "Enregistrer l'envoi de la LRAR": the notice is posted; the dossier takes no new invoice from now on. */
    @ScenarioStep
    public void recordDispatch(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        LocalDate postedOn = LocalDate.parse((String) execution.getVariable(POSTED_ON));
        String trackingNumber = (String) execution.getVariable(TRACKING_NUMBER);
        communications.pendingNotices(dossier.id())
                .forEach(notice -> outbox.markPosted(notice, postedOn, trackingNumber));
        dossiers.markNoticeSent(dossier.id());
    }

    /**
     * "Enregistrer la réception": the AR date, or for a letter returned unclaimed the first presentation date, which
     * then counts as the AR date. The notice's deadline runs from it ("sous N jours à compter de la réception").
     */
    @ScenarioStep
    public void recordReceipt(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        LocalDate receivedOn = LocalDate.parse((String) execution.getVariable(RECEIVED_ON));
        dossiers.recordNoticeReceived(dossier.id(), receivedOn);
        int deadline = DossierVariables.scenario(execution).noticeDeadlineDays();
        execution.setVariable(NOTICE_DEADLINE_ENDS_AT, calendar.at9(receivedOn.plusDays(deadline + 1L)));
    }
}
