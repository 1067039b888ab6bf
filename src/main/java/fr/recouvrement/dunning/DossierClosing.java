package fr.recouvrement.dunning;

import fr.recouvrement.communication.CommunicationOutbox;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.scenario.ScenarioStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The ways a dossier closes: settled, or by a manager's decision; a closing dossier sends nothing more. */
@Component("dossierClosing")
public class DossierClosing {

    private final DossierRepository dossiers;
    private final CommunicationOutbox outbox;

    public DossierClosing(DossierRepository dossiers, CommunicationOutbox outbox) {
        this.dossiers = dossiers;
        this.outbox = outbox;
    }

    /** "Clore le dossier soldé". */
    @ScenarioStep
    public void closeSettled(DelegateExecution execution) {
        close(dossiers.get(execution.getProcessBusinessKey()), "SOLDE");
    }

    /** "Clore le dossier par décision": prescribed, abandoned or written off, as the manager decided. */
    @ScenarioStep
    public void closeByDecision(DelegateExecution execution) {
        close(dossiers.get(execution.getProcessBusinessKey()),
                (String) execution.getVariable(DossierVariables.DECISION));
    }

    void close(DossierRepository.DossierRow dossier, String reason) {
        dossiers.close(dossier.id(), reason);
        outbox.cancelPending(dossier.id(), dossier.number(), "Dossier clos (" + reason + ") avant l'envoi.");
    }
}
