package fr.recouvrement.dunning;

import fr.recouvrement.scenario.ScenarioStep;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The expressions of {@code recouvrement-amiable} and {@code verification-debiteur} as deployed before the service
 * tasks moved to one bean per business area ({@code ${dossierCollection.planStep(execution, 'RELANCE_1')}}). A dossier
 * keeps the diagram version it started with, so these names stay, as thin delegates, for as long as an instance of
 * such a version runs (README, «Changing the scenario»). New diagrams call the beans below directly.
 */
@Component("dossierCollection")
public class DossierCollection {

    private final DossierReading reading;
    private final LadderSteps ladder;
    private final NoticeTracking notice;
    private final JudicialHandoff judicial;
    private final DossierClosing closing;
    private final PrescriptionWatch prescription;

    public DossierCollection(DossierReading reading, LadderSteps ladder, NoticeTracking notice,
            JudicialHandoff judicial, DossierClosing closing, PrescriptionWatch prescription) {
        this.reading = reading;
        this.ladder = ladder;
        this.notice = notice;
        this.judicial = judicial;
        this.closing = closing;
        this.prescription = prescription;
    }

    @ScenarioStep
    public void load(DelegateExecution execution) {
        reading.load(execution);
    }

    @ScenarioStep
    public void startConciliation(DelegateExecution execution) {
        reading.startConciliation(execution);
    }

    @ScenarioStep
    public Date taskDue(DelegateExecution execution) {
        return reading.taskDue(execution);
    }

    @ScenarioStep
    public void planStep(DelegateExecution execution, String stepName) {
        ladder.planStep(execution, stepName);
    }

    @ScenarioStep
    public void sendStep(DelegateExecution execution, String stepName) {
        ladder.sendStep(execution, stepName);
    }

    @ScenarioStep
    public void resumeLadder(DelegateExecution execution) {
        ladder.resumeLadder(execution);
    }

    @ScenarioStep
    public void recordDispatch(DelegateExecution execution) {
        notice.recordDispatch(execution);
    }

    @ScenarioStep
    public void recordReceipt(DelegateExecution execution) {
        notice.recordReceipt(execution);
    }

    @ScenarioStep
    public void prepareJudicial(DelegateExecution execution) {
        judicial.prepareJudicial(execution);
    }

    @ScenarioStep
    public void closeHandedOff(DelegateExecution execution) {
        judicial.closeHandedOff(execution);
    }

    @ScenarioStep
    public void closeDeclared(DelegateExecution execution) {
        judicial.closeDeclared(execution);
    }

    @ScenarioStep
    public void closeByDecision(DelegateExecution execution) {
        closing.closeByDecision(execution);
    }

    @ScenarioStep
    public void closeSettled(DelegateExecution execution) {
        closing.closeSettled(execution);
    }

    @ScenarioStep
    public void planPrescriptionWarning(DelegateExecution execution) {
        prescription.planPrescriptionWarning(execution);
    }

    @ScenarioStep
    public void checkPrescription(DelegateExecution execution) {
        prescription.checkPrescription(execution);
    }
}
