package fr.recouvrement.privacy;

import fr.recouvrement.api.ConflictException;
import fr.recouvrement.api.FieldProblem;
import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.debtor.Debtor;
import fr.recouvrement.debtor.DebtorRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's request for erasure (RGPD art. 17), applied by an administrator: refused with the legal reason while the
 * claim may still be pursued or its evidence must be kept (art. 17-3-b and 17-3-e), otherwise done at once.
 */
@Service
public class DebtorErasure {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DebtorRepository debtors;
    private final RetentionQueries queries;
    private final PersonalDataEraser eraser;
    private final HistoryRemoval historyRemoval;
    private final RetentionProperties retention;
    private final Clock clock;

    DebtorErasure(DebtorRepository debtors, RetentionQueries queries, PersonalDataEraser eraser,
            HistoryRemoval historyRemoval, RetentionProperties retention, Clock clock) {
        this.debtors = debtors;
        this.queries = queries;
        this.eraser = eraser;
        this.historyRemoval = historyRemoval;
        this.retention = retention;
        this.clock = clock;
    }

    /** What an erasure did, as {@code POST /api/debtors/{id}/erasure} answers it. */
    public record Erasure(long debtorId, String type, String requestedBy, OffsetDateTime requestedAt,
            String erased, String kept) {
    }

    @Transactional
    public Erasure erase(long debtorId, String requestedBy) {
        debtors.lock(debtorIdKnown(debtorId));
        List<FieldProblem> obstacles = obstacles(debtorId);
        if (!obstacles.isEmpty()) {
            throw new ConflictException("Effacement refusé : les données de ce débiteur doivent encore être"
                    + " conservées. " + String.join(" ", obstacles.stream().map(FieldProblem::message).toList()),
                    obstacles);
        }
        eraser.eraseDebtor(debtorId);
        historyRemoval.scheduleForAnonymisedDebtors(List.of(debtorId));
        OffsetDateTime now = OffsetDateTime.now(clock);
        debtors.recordErasureRequest(debtorId, requestedBy, now);
        Debtor debtor = debtors.findById(debtorId).orElseThrow();
        boolean person = !debtor.details().type().professional();
        return new Erasure(debtorId, debtor.details().type().name(), requestedBy, now,
                (person ? "Nom, e-mail, téléphone et adresse" : "E-mail et téléphone du contact")
                        + " remplacés par « " + PersonalData.MARKER + " » ; notes d'appel, textes libres, contenu et"
                        + " destinataires des messages remplacés ; PDF des courriers, documents, dossier judiciaire et"
                        + " copies de factures supprimés ; historique du moteur supprimé au prochain nettoyage.",
                "Montants, dates et numéros des factures, paiements, avoirs et pertes, sans la personne, "
                        + retention.accounting().getYears() + " ans (Code de commerce L123-22)"
                        + (person ? "." : " ; l'identité de l'entreprise (nom, SIREN, siège), qui n'est pas une"
                                + " donnée personnelle."));
    }

    private long debtorIdKnown(long debtorId) {
        return debtors.findById(debtorId).map(Debtor::id)
                .orElseThrow(() -> new NotFoundException("Aucun débiteur n'a l'identifiant " + debtorId + "."));
    }

    /** Why the debtor's data must still be kept, in French with the article that says so; empty when nothing does. */
    List<FieldProblem> obstacles(long debtorId) {
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> obstacles = new ArrayList<>();
        List<String> open = queries.openDossiers(debtorId);
        if (!open.isEmpty()) {
            obstacles.add(new FieldProblem("dossiers", "Le recouvrement est en cours (dossier " + String.join(", ", open)
                    + ") : la créance est poursuivie, ce que permet l'article 17-3-e du RGPD (constatation, exercice"
                    + " ou défense de droits en justice)."));
        }
        List<RetentionQueries.Prescription> alive = queries.claimsAlive(debtorId, today);
        if (!alive.isEmpty()) {
            obstacles.add(new FieldProblem("invoices", "La créance n'est pas éteinte : facture "
                    + String.join(", ", alive.stream().map(RetentionQueries.Prescription::invoice).toList())
                    + " encore due, non prescrite avant le " + FRENCH_DATE.format(alive.get(0).prescribedOn())
                    + " (RGPD art. 17-3-e)."));
        }
        LocalDate cutoff = today.minus(retention.evidenceAfterPrescription());
        Optional<RetentionQueries.Prescription> evidence = queries.evidenceKept(debtorId, today, cutoff);
        evidence.ifPresent(kept -> obstacles.add(new FieldProblem("communications", "Les relances et courriers"
                + " envoyés sont la preuve des démarches amiables jusqu'au "
                + FRENCH_DATE.format(kept.prescribedOn().plus(retention.evidenceAfterPrescription()))
                + " (prescription de la facture " + kept.invoice() + " le " + FRENCH_DATE.format(kept.prescribedOn())
                + ", plus " + describe(retention.evidenceAfterPrescription())
                + ") : RGPD art. 17-3-b et 17-3-e.")));
        return obstacles;
    }

    private static String describe(Period period) {
        if (period.getMonths() == 0 && period.getDays() == 0) {
            return period.getYears() + (period.getYears() > 1 ? " ans" : " an");
        }
        return period.toString();
    }
}
