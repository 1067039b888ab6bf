package fr.recouvrement.privacy;

import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service task of {@code bpmn/retention-donnees.bpmn}, run every night: anonymises, one batch per job, what has
 * passed its retention period (docs/droit-francais.md §12, README «Personal data»).
 */
@Component("personalDataRetention")
public class PersonalDataRetention {

    /** Process variable: true when the batch was full, so that the diagram runs another one in a new transaction. */
    public static final String MORE = "moreToAnonymise";

    private final RetentionQueries queries;
    private final PersonalDataEraser eraser;
    private final HistoryRemoval historyRemoval;
    private final RetentionProperties retention;
    private final Clock clock;

    PersonalDataRetention(RetentionQueries queries, PersonalDataEraser eraser, HistoryRemoval historyRemoval,
            RetentionProperties retention, Clock clock) {
        this.queries = queries;
        this.eraser = eraser;
        this.historyRemoval = historyRemoval;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * "Anonymiser un lot de données échues": call notes of dossiers closed longer ago than the notes period, evidence
     * of dossiers whose claims were prescribed longer ago than the evidence period, then the debtors nothing keeps any
     * more, whose processes' history then goes at the next cleanup; at most {@code batch-size} of them in all. Sets
     * {@link #MORE}.
     */
    @ScenarioStep
    public void anonymiseExpired(DelegateExecution execution) {
        execution.setVariable(MORE, anonymiseBatch() == retention.batchSize());
    }

    /** One batch; returns how many dossiers or debtors it anonymised. */
    int anonymiseBatch() {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime notesCutoff = OffsetDateTime.now(clock).minus(retention.notesAfterClosing());
        LocalDate evidenceCutoff = today.minus(retention.evidenceAfterPrescription());
        int left = retention.batchSize();

        List<Long> notes = queries.dossiersWithNotesExpired(notesCutoff, left);
        notes.forEach(eraser::eraseNotes);
        left -= notes.size();
        if (left > 0) {
            List<Long> evidence = queries.dossiersWithEvidenceExpired(today, evidenceCutoff, left);
            evidence.forEach(eraser::eraseEvidence);
            left -= evidence.size();
        }
        if (left > 0) {
            List<Long> debtors = queries.debtorsWithNothingKept(today, evidenceCutoff, notesCutoff, left);
            debtors.forEach(eraser::eraseDebtor);
            // Their invoices' follow-ups that never reached a dossier got no removal time at a closing.
            historyRemoval.scheduleForAnonymisedDebtors(debtors);
            left -= debtors.size();
        }
        return retention.batchSize() - left;
    }
}
