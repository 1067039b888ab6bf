package fr.recouvrement.registry;

import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.letters.LetterFacts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code verification-debiteur}: what the public registers say of the dossier's company, before
 * its mise en demeure and before its judicial handoff (RULES-FR §8). A consumer has no register entry: nothing is
 * asked. A check switched off by configuration says so, to the dossier and to the agents, and asks nothing.
 */
@Component("debtorChecks")
public class DebtorChecks {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ConnectProperties properties;
    private final CompanyRegistry registry;
    private final Bodacc bodacc;
    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final LetterFacts facts;
    private final JdbcClient jdbc;
    private final Clock clock;

    public DebtorChecks(ConnectProperties properties, CompanyRegistry registry, Bodacc bodacc,
            DossierRepository dossiers, InvoiceRepository invoices, LetterFacts facts, JdbcClient jdbc, Clock clock) {
        this.invoices = invoices;
        this.facts = facts;
        this.properties = properties;
        this.registry = registry;
        this.bodacc = bodacc;
        this.dossiers = dossiers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record CompanyDebtor(long id, String siren, long dossierId) {
    }

    /**
     * "Consulter le registre des entreprises": {@code registryStatus} is ACTIVE (its registered office is kept; the
     * notice goes there), CLOSED, UNKNOWN (no public entry for the SIREN: an agent checks), NOT_CONSULTED (switched
     * off) or NOT_APPLICABLE (a consumer); {@code registryText} says it in French for the agents' forms.
     */
    public void consultRegistry(DelegateExecution execution) {
        CompanyDebtor debtor = companyDebtor(execution);
        // Only an unknown company needs an agent's review ("Vérifier le débiteur" sets it).
        execution.setVariable("debtorReview", "NON_REQUISE");
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
            jdbc.sql("""
                    update recouvrement.debtor set registry_status = ?, registry_checked_at = ?, closed_on = ?,
                        registered_office_line1 = coalesce(?, registered_office_line1),
                        registered_office_postal_code = coalesce(?, registered_office_postal_code),
                        registered_office_city = coalesce(?, registered_office_city)
                    where id = ?""")
                    .params(company.closed() ? "CLOSED" : "ACTIVE", now(), company.closedOn(), company.officeLine1(),
                            company.officePostalCode(), company.officeCity(), debtor.id()).update();
            String office = company.officeLine1() + ", " + company.officePostalCode() + " " + company.officeCity();
            if (company.closed()) {
                result(execution, "CLOSED", "Entreprise fermée selon le registre"
                        + (company.closedOn() == null ? "" : " depuis le " + company.closedOn().format(FRENCH_DATE))
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
    public void consultBodacc(DelegateExecution execution) {
        CompanyDebtor debtor = companyDebtor(execution);
        execution.setVariable("insolvent", false);
        if (debtor == null) {
            execution.setVariable("bodaccText", "Particulier : pas d'annonce BODACC.");
            return;
        }
        if (!properties.bodaccEnabled()) {
            execution.setVariable("bodaccText", "BODACC non consulté (vérification désactivée).");
            return;
        }
        bodacc.openingJudgment(debtor.siren()).ifPresentOrElse(judgment -> {
            jdbc.sql("""
                    update recouvrement.debtor set insolvency_opened_on = ?, insolvency_published_on = ?,
                        insolvency_kind = ?, insolvency_court = ? where id = ?""")
                    .params(judgment.judgmentDate(), judgment.publishedOn(), judgment.nature(), judgment.court(),
                            debtor.id()).update();
            LocalDate deadline = judgment.publishedOn().plusMonths(2);
            execution.setVariable("insolvent", true);
            claim(execution, debtor.dossierId());
            execution.setVariable("declarationDueAt", Date.from(deadline.atTime(9, 0)
                    .atZone(clock.getZone()).toInstant()));
            execution.setVariable("bodaccText", (judgment.nature() == null ? "Procédure collective" : judgment.nature())
                    + " : jugement du " + judgment.judgmentDate().format(FRENCH_DATE)
                    + (judgment.court() == null ? "" : ", " + judgment.court())
                    + ", publié au BODACC le " + judgment.publishedOn().format(FRENCH_DATE)
                    + ". Créance à déclarer au mandataire judiciaire au plus tard le " + deadline.format(FRENCH_DATE)
                    + ".");
        }, () -> execution.setVariable("bodaccText", "Aucune procédure collective publiée au BODACC."));
    }

    /**
     * The claim to declare, as the ledger computes it now that the judgment is recorded: principal, penalties stopped
     * at the judgment's date, indemnity (RULES-FR §1, L622-28).
     */
    private void claim(DelegateExecution execution, long dossierId) {
        Map<String, Object> claim = facts.forDossier(execution.getProcessBusinessKey(), invoices.findByDossier(dossierId))
                .model();
        execution.setVariable("claimPrincipalText", claim.get("principal"));
        execution.setVariable("claimPenaltiesText", Boolean.TRUE.equals(claim.get("penaltiesKnown"))
                ? claim.get("penalties") : "à calculer (taux du semestre non configuré)");
        execution.setVariable("claimIndemnityText", claim.get("indemnity"));
        execution.setVariable("claimTotalText", claim.get("total"));
    }

    private void record(CompanyDebtor debtor, String status) {
        jdbc.sql("update recouvrement.debtor set registry_status = ?, registry_checked_at = ? where id = ?")
                .params(status, now(), debtor.id()).update();
    }

    private static void result(DelegateExecution execution, String status, String text) {
        execution.setVariable("registryStatus", status);
        execution.setVariable("registryText", text);
    }

    /** The dossier's debtor when it is a company; null for a consumer. */
    private CompanyDebtor companyDebtor(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        DossierRepository.DossierRow dossier = dossiers.findByNumber(number)
                .orElseThrow(() -> NotFoundException.dossier(number));
        return jdbc.sql("select id, siren from recouvrement.debtor where id = ? and type = 'B2B'")
                .param(dossier.debtorId())
                .query((rs, row) -> new CompanyDebtor(rs.getLong("id"), rs.getString("siren"), dossier.id()))
                .optional().orElse(null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), clock.getZone());
    }
}
