package fr.recouvrement.registry;

import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.debtor.Address;
import fr.recouvrement.debtor.DebtorRepository;
import fr.recouvrement.debtor.DebtorType;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.ClaimedAmounts;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.money.Euros;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code verification-debiteur}: what the public registers say of the dossier's company, before
 * its mise en demeure and before its judicial handoff, and BODACC alone when the dossier opens and before each relance
 * (docs/droit-francais.md §8). A consumer has no register entry, and a public person cannot be in a collective
 * procedure: nothing is asked, and the text says which. A check switched off by configuration says so, to the dossier and to the agents, and asks nothing.
 */
@Component("debtorChecks")
public class DebtorChecks {

    // The variables of verification-debiteur that Java writes, named once.
    static final String DEBTOR_REVIEW = "debtorReview";
    static final String INSOLVENT = "insolvent";
    static final String BODACC_TEXT = "bodaccText";
    static final String DECLARATION_DUE_AT = "declarationDueAt";
    static final String CLAIM_TO_DECLARE = "claimToDeclare";
    static final String FORECLOSURE_RELIEF_DUE_AT = "foreclosureReliefDueAt";
    static final String FORECLOSURE_RELIEF_DUE_TEXT = "foreclosureReliefDueText";
    /** The BPMN error that stops the dossier for the claim declaration (recouvrement-amiable's event subprocess). */
    static final String COLLECTIVE_PROCEDURE_ERROR = "PROCEDURE_COLLECTIVE";
    /** Whether invoices sold with a retention-of-title clause are owed: "Revendiquer les biens" (L624-9). */
    static final String GOODS_TO_RECLAIM = "goodsToReclaim";
    static final String GOODS_TO_RECLAIM_TEXT = "goodsToReclaimText";
    static final String RECLAIM_DUE_AT = "reclaimDueAt";
    static final String RECLAIM_DUE_TEXT = "reclaimDueText";
    static final String OPENING_JUDGMENT_DATE = "openingJudgmentDate";
    static final String CLAIM_PRINCIPAL_TEXT = "claimPrincipalText";
    static final String CLAIM_PENALTIES_TEXT = "claimPenaltiesText";
    static final String CLAIM_INDEMNITY_TEXT = "claimIndemnityText";
    static final String CLAIM_TOTAL_TEXT = "claimTotalText";
    static final String REGISTRY_STATUS = "registryStatus";
    static final String REGISTRY_TEXT = "registryText";


    private final ConnectProperties properties;
    private final CompanyRegistry registry;
    private final Bodacc bodacc;
    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;
    private final DebtorRepository debtors;
    private final Clock clock;

    public DebtorChecks(ConnectProperties properties, CompanyRegistry registry, Bodacc bodacc,
            DossierRepository dossiers, InvoiceRepository invoices, InvoiceLegalAmounts legalAmounts, DebtorRepository debtors,
            Clock clock) {
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
        this.properties = properties;
        this.registry = registry;
        this.bodacc = bodacc;
        this.dossiers = dossiers;
        this.debtors = debtors;
        this.clock = clock;
    }

    private record CompanyDebtor(long id, String siren, long dossierId) {
    }

    /**
     * "Consulter le registre des entreprises": {@code registryStatus} is ACTIVE (its registered office is kept; the
     * notice goes there), CLOSED, UNKNOWN (no public entry for the SIREN: an agent checks), NOT_CONSULTED (switched
     * off) or NOT_APPLICABLE (a consumer or a public person); {@code registryText} says it in French for the agents'
     * forms.
     */
    @ScenarioStep
    public void consultRegistry(DelegateExecution execution) {
        CompanyDebtor debtor = companyDebtor(execution);
        // Only an unknown company needs an agent's review ("Vérifier le débiteur" sets it).
        execution.setVariable(DEBTOR_REVIEW, "NON_REQUISE");
        if (debtor == null) {
            result(execution, "NOT_APPLICABLE", publicPerson(execution)
                    ? "Personne publique : registre des entreprises non consulté, la lettre part à l'adresse connue du "
                            + "débiteur."
                    : "Particulier : pas de registre, adresse connue du débiteur.");
            return;
        }
        if (!properties.registryEnabled()) {
            record(debtor, "NOT_CONSULTED");
            result(execution, "NOT_CONSULTED", "Registre des entreprises non consulté (vérification désactivée) : "
                    + "la lettre part à l'adresse connue du débiteur.");
            return;
        }
        registry.find(debtor.siren()).ifPresentOrElse(company -> {
            debtors.recordRegistryAnswer(debtor.id(), company.closed() ? "CLOSED" : "ACTIVE", OffsetDateTime.now(clock),
                    company.closedOn(), new Address(company.officeLine1(), null, company.officePostalCode(),
                            company.officeCity(), "FR"),
                    new DebtorRepository.RegisteredIdentity(company.legalFormCode(),
                            company.representative() == null ? null : company.representative().name(),
                            company.representative() == null ? null : company.representative().title()));
            String office = company.officeLine1() + ", " + company.officePostalCode() + " " + company.officeCity();
            if (company.closed()) {
                result(execution, "CLOSED", "Entreprise fermée selon le registre"
                        + (company.closedOn() == null ? "" : " depuis le " + FormDates.french(company.closedOn()))
                        + " ; dernier siège connu : " + office + ".");
            } else {
                result(execution, "ACTIVE", "Entreprise active ; siège social : " + office + ".");
            }
        }, () -> {
            record(debtor, "UNKNOWN");
            result(execution, "UNKNOWN", "Aucune entreprise publique pour le SIREN " + debtor.siren()
                    + " (inconnu ou non diffusible) : vérifiez le débiteur avant toute lettre.");
        });
    }

    /**
     * "Consulter le BODACC" of verification-debiteur: an opening judgment of a collective procedure sets
     * {@code insolvent} and records the judgment on the debtor; {@code claimToDeclare} says whether invoices born
     * before it are owed (the dossier then declares them instead of claiming them). Switched off, both are false and
     * {@code bodaccText} says it was not consulted.
     */
    @ScenarioStep
    public void consultBodacc(DelegateExecution execution) {
        askBodacc(execution);
    }

    /**
     * "Consulter le BODACC" of recouvrement-amiable, when the dossier opens and before each relance: as
     * {@link #consultBodacc}, and when there is a claim to declare the dossier stops at once, by the BPMN error
     * {@code PROCEDURE_COLLECTIVE}, for its event subprocess "Procédure collective".
     */
    @ScenarioStep
    public void watchInsolvency(DelegateExecution execution) {
        if (askBodacc(execution)) {
            throw new BpmnError(COLLECTIVE_PROCEDURE_ERROR, (String) execution.getVariable(BODACC_TEXT));
        }
    }

    /**
     * The declaration is due 2 months after the publication (L622-24, R622-24); a relevé de forclusion may be asked
     * within 6 months of it (L622-26); goods sold with a retention of title are claimed back within 3 months of it
     * (L624-9). Returns whether there is a claim to declare.
     */
    private boolean askBodacc(DelegateExecution execution) {
        CompanyDebtor debtor = companyDebtor(execution);
        execution.setVariable(INSOLVENT, false);
        execution.setVariable(CLAIM_TO_DECLARE, false);
        execution.setVariable(GOODS_TO_RECLAIM, false);
        if (debtor == null) {
            execution.setVariable(BODACC_TEXT, publicPerson(execution)
                    ? "Personne publique : pas de procédure collective possible (L620-2, L631-2, L640-2), BODACC non "
                            + "consulté."
                    : "Particulier : pas d'annonce BODACC.");
            return false;
        }
        if (!properties.bodaccEnabled()) {
            execution.setVariable(BODACC_TEXT, "BODACC non consulté (vérification désactivée).");
            return false;
        }
        return bodacc.openingJudgment(debtor.siren()).map(judgment -> {
            debtors.recordInsolvency(debtor.id(), judgment.judgmentDate(), judgment.publishedOn(), judgment.nature(),
                    judgment.court());
            LocalDate deadline = judgment.publishedOn().plusMonths(2);
            LocalDate reliefDeadline = judgment.publishedOn().plusMonths(6);
            LocalDate reclaimDeadline = judgment.publishedOn().plusMonths(3);
            execution.setVariable(INSOLVENT, true);
            boolean toDeclare = claim(execution, debtor.dossierId());
            execution.setVariable(OPENING_JUDGMENT_DATE, judgment.judgmentDate().toString());
            execution.setVariable(RECLAIM_DUE_AT, at9(reclaimDeadline));
            execution.setVariable(RECLAIM_DUE_TEXT, FormDates.french(reclaimDeadline));
            execution.setVariable(CLAIM_TO_DECLARE, toDeclare);
            execution.setVariable(DECLARATION_DUE_AT, at9(deadline));
            execution.setVariable(FORECLOSURE_RELIEF_DUE_AT, at9(reliefDeadline));
            execution.setVariable(FORECLOSURE_RELIEF_DUE_TEXT, FormDates.french(reliefDeadline));
            execution.setVariable(BODACC_TEXT, (judgment.nature() == null ? "Procédure collective" : judgment.nature())
                    + " : jugement du " + FormDates.french(judgment.judgmentDate())
                    + (judgment.court() == null ? "" : ", " + judgment.court())
                    + ", publié au BODACC le " + FormDates.french(judgment.publishedOn()) + ". "
                    + (toDeclare ? "Créance antérieure à déclarer au mandataire judiciaire au plus tard le "
                            + FormDates.french(deadline) + " ; relevé de forclusion possible jusqu'au "
                            + FormDates.french(reliefDeadline) + "."
                            : "Aucune facture antérieure au jugement à déclarer : les factures postérieures restent "
                                    + "réclamées."));
            return toDeclare;
        }).orElseGet(() -> {
            execution.setVariable(BODACC_TEXT, "Aucune procédure collective publiée au BODACC.");
            return false;
        });
    }

    private Date at9(LocalDate day) {
        return Date.from(day.atTime(9, 0).atZone(clock.getZone()).toInstant());
    }

    /**
     * The claim to declare, as the ledger computes it now that the judgment is recorded: the invoices born before it,
     * principal, penalties stopped at the judgment's date, indemnity (docs/droit-francais.md §1, §8). Returns whether
     * there is one.
     */
    private boolean claim(DelegateExecution execution, long dossierId) {
        List<InvoiceView> completed = legalAmounts.complete(invoices.findByDossier(dossierId));
        ClaimedAmounts claim = ClaimedAmounts.declared(completed, LocalDate.now(clock));
        execution.setVariable(CLAIM_PRINCIPAL_TEXT, Euros.format(claim.principal()));
        execution.setVariable(CLAIM_PENALTIES_TEXT, claim.penaltiesKnown()
                ? Euros.format(claim.penalties()) : "à calculer (taux du semestre non configuré)");
        execution.setVariable(CLAIM_INDEMNITY_TEXT, Euros.format(claim.indemnity()));
        execution.setVariable(CLAIM_TOTAL_TEXT, Euros.format(claim.total()));
        // The goods of an invoice declared (owed, born before the judgment) may also be claimed back in kind.
        LocalDate today = LocalDate.now(clock);
        List<String> goods = completed.stream().filter(i -> i.retentionOfTitle() && i.declarableOn(today))
                .map(i -> i.number() + " (reste dû " + Euros.format(i.balance()) + ")").toList();
        execution.setVariable(GOODS_TO_RECLAIM, !goods.isEmpty());
        execution.setVariable(GOODS_TO_RECLAIM_TEXT, String.join(", ", goods));
        return !claim.claimed().isEmpty();
    }

    private void record(CompanyDebtor debtor, String status) {
        debtors.recordRegistryStatus(debtor.id(), status, OffsetDateTime.now(clock));
    }

    private static void result(DelegateExecution execution, String status, String text) {
        execution.setVariable(REGISTRY_STATUS, status);
        execution.setVariable(REGISTRY_TEXT, text);
    }

    /** Whether the dossier's debtor, not a company, is a public person rather than a consumer. */
    private boolean publicPerson(DelegateExecution execution) {
        long debtorId = dossiers.get(execution.getProcessBusinessKey()).debtorId();
        return debtors.findById(debtorId).map(debtor -> debtor.details().type() == DebtorType.PUBLIC).orElse(false);
    }

    /** The dossier's debtor when it is a company; null for a consumer or a public person. */
    private CompanyDebtor companyDebtor(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        DossierRepository.DossierRow dossier = dossiers.get(number);
        return debtors.findCompanySiren(dossier.debtorId())
                .map(siren -> new CompanyDebtor(dossier.debtorId(), siren, dossier.id()))
                .orElse(null);
    }

}
