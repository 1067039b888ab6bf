package fr.recouvrement.registry;

import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.debtor.Address;
import fr.recouvrement.debtor.DebtorRepository;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.letters.LetterFacts;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code verification-debiteur}: what the public registers say of the dossier's company, before
 * its mise en demeure and before its judicial handoff (docs/droit-francais.md §8). A consumer has no register entry:
 * nothing is asked. A check switched off by configuration says so, to the dossier and to the agents, and asks nothing.
 */
@Component("debtorChecks")
public class DebtorChecks {

    // The variables of verification-debiteur that Java writes, named once.
    static final String DEBTOR_REVIEW = "debtorReview";
    static final String INSOLVENT = "insolvent";
    static final String BODACC_TEXT = "bodaccText";
    static final String DECLARATION_DUE_AT = "declarationDueAt";
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
    private final LetterFacts facts;
    private final DebtorRepository debtors;
    private final Clock clock;

    public DebtorChecks(ConnectProperties properties, CompanyRegistry registry, Bodacc bodacc,
            DossierRepository dossiers, InvoiceRepository invoices, LetterFacts facts, DebtorRepository debtors,
            Clock clock) {
        this.invoices = invoices;
        this.facts = facts;
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
     * off) or NOT_APPLICABLE (a consumer); {@code registryText} says it in French for the agents' forms.
     */
    @ScenarioStep
    public void consultRegistry(DelegateExecution execution) {
        CompanyDebtor debtor = companyDebtor(execution);
        // Only an unknown company needs an agent's review ("Vérifier le débiteur" sets it).
        execution.setVariable(DEBTOR_REVIEW, "NON_REQUISE");
        if (debtor == null) {
            result(execution, "NOT_APPLICABLE", "Particulier : pas de registre, adresse connue du débiteur.");
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
                    company.closedOn(), new Address(company.officeLine1(), null, company.officePostalCode(), company.officeCity(), "FR"));
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
     * "Consulter le BODACC": an opening judgment of a collective procedure sets {@code insolvent}, records the
     * judgment on the debtor (penalties stop there), and dates the declaration of the claim: 2 months after the
     * publication. Switched off, {@code insolvent} is false and {@code bodaccText} says it was not consulted.
     */
    @ScenarioStep
    public void consultBodacc(DelegateExecution execution) {
        CompanyDebtor debtor = companyDebtor(execution);
        execution.setVariable(INSOLVENT, false);
        if (debtor == null) {
            execution.setVariable(BODACC_TEXT, "Particulier : pas d'annonce BODACC.");
            return;
        }
        if (!properties.bodaccEnabled()) {
            execution.setVariable(BODACC_TEXT, "BODACC non consulté (vérification désactivée).");
            return;
        }
        bodacc.openingJudgment(debtor.siren()).ifPresentOrElse(judgment -> {
            debtors.recordInsolvency(debtor.id(), judgment.judgmentDate(), judgment.publishedOn(), judgment.nature(),
                    judgment.court());
            LocalDate deadline = judgment.publishedOn().plusMonths(2);
            execution.setVariable(INSOLVENT, true);
            claim(execution, debtor.dossierId());
            execution.setVariable(DECLARATION_DUE_AT, Date.from(deadline.atTime(9, 0)
                    .atZone(clock.getZone()).toInstant()));
            execution.setVariable(BODACC_TEXT, (judgment.nature() == null ? "Procédure collective" : judgment.nature())
                    + " : jugement du " + FormDates.french(judgment.judgmentDate())
                    + (judgment.court() == null ? "" : ", " + judgment.court())
                    + ", publié au BODACC le " + FormDates.french(judgment.publishedOn())
                    + ". Créance à déclarer au mandataire judiciaire au plus tard le " + FormDates.french(deadline)
                    + ".");
        }, () -> execution.setVariable(BODACC_TEXT, "Aucune procédure collective publiée au BODACC."));
    }

    /**
     * The claim to declare, as the ledger computes it now that the judgment is recorded: principal, penalties stopped
     * at the judgment's date, indemnity (docs/droit-francais.md §1, L622-28).
     */
    private void claim(DelegateExecution execution, long dossierId) {
        Map<String, Object> claim = facts.forDossier(execution.getProcessBusinessKey(), invoices.findByDossier(dossierId))
                .model();
        execution.setVariable(CLAIM_PRINCIPAL_TEXT, claim.get("principal"));
        execution.setVariable(CLAIM_PENALTIES_TEXT, Boolean.TRUE.equals(claim.get("penaltiesKnown"))
                ? claim.get("penalties") : "à calculer (taux du semestre non configuré)");
        execution.setVariable(CLAIM_INDEMNITY_TEXT, claim.get("indemnity"));
        execution.setVariable(CLAIM_TOTAL_TEXT, claim.get("total"));
    }

    private void record(CompanyDebtor debtor, String status) {
        debtors.recordRegistryStatus(debtor.id(), status, OffsetDateTime.now(clock));
    }

    private static void result(DelegateExecution execution, String status, String text) {
        execution.setVariable(REGISTRY_STATUS, status);
        execution.setVariable(REGISTRY_TEXT, text);
    }

    /** The dossier's debtor when it is a company; null for a consumer. */
    private CompanyDebtor companyDebtor(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        DossierRepository.DossierRow dossier = dossiers.get(number);
        return debtors.findCompanySiren(dossier.debtorId())
                .map(siren -> new CompanyDebtor(dossier.debtorId(), siren, dossier.id()))
                .orElse(null);
    }

}
