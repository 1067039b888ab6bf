package fr.recouvrement.dunning;

import fr.recouvrement.communication.CommunicationOutbox;
import fr.recouvrement.communication.MessageWriter;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.letters.Letters;
import fr.recouvrement.scenario.ScenarioStep;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Confirmer la promesse par e-mail": the debtor receives in writing what was promised on the phone or reported
 * through the API (the amount, or all that is due, by the date), through the outbox like any message. It is not a step
 * of the ladder: {@code minDaysBetween} does not count it
 * ({@link fr.recouvrement.communication.CommunicationRepository#lastMessageDay}).
 */
@Component("promiseConfirmation")
public class PromiseConfirmation {

    private static final Logger LOG = LoggerFactory.getLogger(PromiseConfirmation.class);
    private static final String EMAIL = "EMAIL";

    private final DossierRepository dossiers;
    private final MessageWriter writer;
    private final CommunicationOutbox outbox;

    PromiseConfirmation(DossierRepository dossiers, MessageWriter writer, CommunicationOutbox outbox) {
        this.dossiers = dossiers;
        this.writer = writer;
        this.outbox = outbox;
    }

    @ScenarioStep
    public void confirm(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        if (dossiers.currentPromise(dossier.id()).isEmpty()) {
            // A step went out before this job ran and broke the promise: there is nothing left to confirm.
            return;
        }
        MessageWriter.Draft draft = writer.dossierStep(dossier.id(), dossier.number(), Letters.PROMISE_CONFIRMATION,
                EMAIL, Map.of());
        String recipient = draft.message().recipient();
        if (recipient == null || recipient.isBlank() || !draft.anythingClaimed()) {
            LOG.info("Promesse du dossier {} non confirmée par e-mail : {}", dossier.number(),
                    draft.anythingClaimed() ? "pas d'adresse e-mail" : "plus rien à réclamer");
            return;
        }
        outbox.enqueueAnother(draft.message(), dossier.number(), DossierVariables.scenario(execution).taskSlaDays());
    }
}
