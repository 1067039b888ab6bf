package fr.recouvrement.dunning;

import static fr.recouvrement.dunning.DossierVariables.AMOUNT_DUE;
import static fr.recouvrement.dunning.DossierVariables.AMOUNT_DUE_TEXT;
import static fr.recouvrement.dunning.DossierVariables.DISPUTED;
import static fr.recouvrement.dunning.DossierVariables.INSOLVENT;
import static fr.recouvrement.dunning.DossierVariables.PRESCRIBED;
import static fr.recouvrement.dunning.DossierVariables.ROUTE;

import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.money.Euros;
import fr.recouvrement.scenario.ScenarioStep;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** After the notice's deadline: the judicial route's inputs, then the dossier handed to the legal team. */
@Component("judicialHandoff")
public class JudicialHandoff {

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;
    private final DossierClosing closing;
    private final Clock clock;

    public JudicialHandoff(DossierRepository dossiers, InvoiceRepository invoices, InvoiceLegalAmounts legalAmounts,
            DossierClosing closing, Clock clock) {
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
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
        List<InvoiceView> dossierInvoices = invoices.findByDossier(dossier.id());
        List<InvoiceView> claimed = legalAmounts.complete(dossierInvoices).stream()
                .filter(i -> i.status().claimed() && i.balance().signum() > 0).toList();
        LocalDate today = LocalDate.now(clock);
        boolean prescribed = !claimed.isEmpty() && claimed.stream().allMatch(i -> i.prescriptionDate().isBefore(today));
        BigDecimal amount = claimed.stream().filter(i -> !i.prescriptionDate().isBefore(today))
                .map(i -> i.balance().add(i.penalties() == null ? BigDecimal.ZERO : i.penalties()))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        // "Vérifier le débiteur" asked BODACC just before (false when the check is switched off).
        execution.setVariable(INSOLVENT, DossierVariables.isTrue(execution, INSOLVENT));
        execution.setVariable(PRESCRIBED, prescribed);
        execution.setVariable(DISPUTED, dossierInvoices.stream().anyMatch(i -> i.status() == InvoiceStatus.DISPUTED));
        execution.setVariable(AMOUNT_DUE, amount.doubleValue());
        execution.setVariable(AMOUNT_DUE_TEXT, Euros.format(amount));
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
