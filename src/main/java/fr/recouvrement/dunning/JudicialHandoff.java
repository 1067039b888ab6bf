package fr.recouvrement.dunning;

import static fr.recouvrement.dunning.DossierVariables.AMOUNT_DUE;
import static fr.recouvrement.dunning.DossierVariables.AMOUNT_DUE_TEXT;
import static fr.recouvrement.dunning.DossierVariables.CLAIM_TO_DECLARE;
import static fr.recouvrement.dunning.DossierVariables.DISPUTED;
import static fr.recouvrement.dunning.DossierVariables.INSOLVENT;
import static fr.recouvrement.dunning.DossierVariables.PRESCRIBED;
import static fr.recouvrement.dunning.DossierVariables.ROUTE;

import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.money.Euros;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** After the notice's deadline: the judicial route's inputs, then the dossier handed to the legal team. */
@Component("judicialHandoff")
public class JudicialHandoff {

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final JudicialInputs judicialInputs;
    private final DossierClosing closing;
    private final Clock clock;

    public JudicialHandoff(DossierRepository dossiers, InvoiceRepository invoices, JudicialInputs judicialInputs,
            DossierClosing closing, Clock clock) {
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.judicialInputs = judicialInputs;
        this.closing = closing;
        this.clock = clock;
    }

    /**
     * "Préparer le contentieux": the inputs of the DMN voie-judiciaire. The amount claimed is the balance plus
     * penalties of the undisputed, unprescribed invoices; insolvency comes from the BODACC check just before.
     */
    @ScenarioStep
    public void prepareJudicial(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        JudicialInputs.Inputs inputs = judicialInputs.of(dossier.id(), LocalDate.now(clock));
        // "Vérifier le débiteur" asked BODACC just before (false when the check is switched off). Only invoices born
        // before an opening judgment are declared; a dossier of invoices born after it takes the usual route (L622-17).
        execution.setVariable(INSOLVENT, DossierVariables.isTrue(execution, CLAIM_TO_DECLARE));
        execution.setVariable(PRESCRIBED, inputs.prescribed());
        execution.setVariable(DISPUTED, inputs.disputed());
        execution.setVariable(AMOUNT_DUE, inputs.amountClaimed().doubleValue());
        execution.setVariable(AMOUNT_DUE_TEXT, Euros.format(inputs.amountClaimed()));
        dossiers.moveToStage(dossier.number(), "JUDICIAIRE");
    }

    /** "Clore le dossier transmis": the legal team has it; the invoices are in judicial recovery. */
    @ScenarioStep
    public void closeHandedOff(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        invoices.changeStatusInDossier(dossier.id(), EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PAYMENT_PLAN),
                InvoiceStatus.JUDICIAL);
        closing.close(dossier, (String) execution.getVariable(ROUTE));
    }

    /**
     * "Clore le dossier déclaré": the debtor is in a collective procedure and the legal team declared the claim to the
     * mandataire; individual actions are suspended (L622-21), the invoices leave amicable collection.
     */
    @ScenarioStep
    public void closeDeclared(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        invoices.changeStatusInDossier(dossier.id(),
                EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PAYMENT_PLAN, InvoiceStatus.DISPUTED),
                InvoiceStatus.JUDICIAL);
        closing.close(dossier, "DECLARATION_CREANCE");
    }
}
