package fr.recouvrement.dunning;

import fr.recouvrement.communication.CommunicationOutbox;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.privacy.HistoryRemoval;
import fr.recouvrement.scenario.ScenarioStep;
import fr.recouvrement.writeoff.WriteOff;
import fr.recouvrement.writeoff.WriteOffRecording;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The ways a dossier closes: settled, or by a manager's decision; a closing dossier sends nothing more, and its
 * processes' history gets the day it goes (privacy/HistoryRemoval).
 */
@Component("dossierClosing")
public class DossierClosing {

    /** The manager's decision to write the dossier off (docs/droit-francais.md §11). */
    static final String WRITE_OFF = "PASSAGE_EN_PERTE";
    /** The write-off's figures, kept with the closed process as the decision's outcome. */
    static final String WRITE_OFF_OUTCOME = "writeOffOutcome";

    private final DossierRepository dossiers;
    private final CommunicationOutbox outbox;
    private final WriteOffRecording writeOffs;
    private final HistoryRemoval historyRemoval;

    public DossierClosing(DossierRepository dossiers, CommunicationOutbox outbox, WriteOffRecording writeOffs,
            HistoryRemoval historyRemoval) {
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.writeOffs = writeOffs;
        this.historyRemoval = historyRemoval;
    }

    /** "Clore le dossier soldé". */
    @ScenarioStep
    public void closeSettled(DelegateExecution execution) {
        close(dossiers.get(execution.getProcessBusinessKey()), "SOLDE");
    }

    /** "Clore le dossier par décision": prescribed, abandoned or written off, as the manager decided. */
    @ScenarioStep
    public void closeByDecision(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        String decision = (String) execution.getVariable(DossierVariables.DECISION);
        if (WRITE_OFF.equals(decision)) {
            WriteOff writeOff = writeOffs.record(dossier.id());
            execution.setVariable(WRITE_OFF_OUTCOME, writeOff.outcome());
        }
        close(dossier, decision);
    }

    void close(DossierRepository.DossierRow dossier, String reason) {
        dossiers.close(dossier.id(), reason);
        outbox.cancelPending(dossier.id(), dossier.number(), "Dossier clos (" + reason + ") avant l'envoi.");
        historyRemoval.scheduleForClosedDossier(dossier.id(), dossier.number());
    }
}
