package fr.recouvrement.privacy;

import fr.recouvrement.bank.BankEntryRepository;
import fr.recouvrement.bank.ReconciliationTasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * When the engine's history cleanup removes what the processes of a dossier recorded (variables with the debtor's name,
 * e-mail, phone, the agents' call notes). With the removal-time strategy {@code start}, the engine fixes each instance's
 * removal time when it starts, from the diagram's time-to-live; a dossier's real end is known only when it closes, so
 * closing sets an absolute removal time on its instances (docs/operations.md, «History»).
 */
@Component
public class HistoryRemoval {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final HistoryService history;
    private final IdentityService identity;
    private final RetentionQueries queries;
    private final BankEntryRepository bankEntries;
    private final RetentionProperties retention;
    private final Clock clock;

    HistoryRemoval(HistoryService history, IdentityService identity, RetentionQueries queries,
            BankEntryRepository bankEntries, RetentionProperties retention, Clock clock) {
        this.history = history;
        this.identity = identity;
        this.queries = queries;
        this.bankEntries = bankEntries;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * The day the history of a dossier closing today goes: the later of the end of its notes (closing + the notes
     * period) and the end of its evidence (the latest prescription of its invoices + the evidence period), the longest
     * periods of what that history holds. Its amounts are the ledger's, kept there for the accounting period.
     */
    public LocalDate removalDay(long dossierId) {
        LocalDate today = LocalDate.now(clock);
        LocalDate notesEnd = today.plus(retention.notesAfterClosing());
        LocalDate prescription = queries.latestPrescription(dossierId, today);
        LocalDate evidenceEnd = prescription == null ? today : prescription.plus(retention.evidenceAfterPrescription());
        return notesEnd.isAfter(evidenceEnd) ? notesEnd : evidenceEnd;
    }

    /**
     * Sets the removal time of the history of the dossier's process, of the processes it called, of its messages'
     * deliveries and of its invoices' follow-ups, as a batch the job executor runs after this transaction: the
     * dossier's instance ends in it, and its last history rows get the time too.
     */
    public void scheduleForClosedDossier(long dossierId, String dossierNumber) {
        Set<String> ids = instancesOf(List.of(dossierNumber), queries.invoiceNumbersOfDossier(dossierId));
        setRemovalTime(ids, removalDay(dossierId));
    }

    /**
     * After the debtors were anonymised (erased, or nothing kept them any more): the history of all their processes goes
     * at the next cleanup, as one batch.
     */
    void scheduleForAnonymisedDebtors(List<Long> debtorIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (long debtorId : debtorIds) {
            // With the tasks «Rapprocher un encaissement» of its transfers, which showed the payer's name and IBAN.
            List<String> keys = Stream.concat(queries.dossierNumbersOf(debtorId).stream(),
                    bankEntries.idsOfDebtor(debtorId).stream().map(ReconciliationTasks::businessKey)).toList();
            ids.addAll(instancesOf(keys, queries.invoiceNumbersOfDebtor(debtorId)));
        }
        setRemovalTime(ids, LocalDate.now(clock));
    }

    private Set<String> instancesOf(Collection<String> dossierNumbers, Collection<String> invoiceNumbers) {
        Set<String> ids = new LinkedHashSet<>();
        for (String key : Stream.concat(dossierNumbers.stream(), invoiceNumbers.stream()).toList()) {
            // The dossier's or invoice's own process, and the deliveries of its messages ("{number}/{step}").
            history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).unlimitedList()
                    .forEach(instance -> ids.add(instance.getId()));
            // LIKE reads an invoice number's "_" as any character: the prefix is checked again here.
            history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(key + "/%").unlimitedList()
                    .stream().filter(instance -> instance.getBusinessKey().startsWith(key + "/"))
                    .map(HistoricProcessInstance::getId).forEach(ids::add);
        }
        return ids;
    }

    private void setRemovalTime(Set<String> instanceIds, LocalDate day) {
        if (instanceIds.isEmpty()) {
            return;
        }
        // The application's own housekeeping: whoever's request closed the dossier needs no batch permission.
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            history.setRemovalTimeToHistoricProcessInstances()
                    .absoluteRemovalTime(Date.from(day.atStartOfDay(PARIS).toInstant()))
                    .byIds(instanceIds.toArray(String[]::new))
                    .hierarchical()
                    .executeAsync();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
