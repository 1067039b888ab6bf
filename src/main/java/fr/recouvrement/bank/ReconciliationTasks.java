package fr.recouvrement.bank;

import fr.recouvrement.scenario.ScenarioStep;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the process {@code rapprochement-encaissement} (bpmn/rapprochement-encaissement.bpmn) of each transaction an
 * agent must match: its task «Rapprocher un encaissement» goes to the agents.
 */
@Component("reconciliationTasks")
public class ReconciliationTasks {

    static final String PROCESS = "rapprochement-encaissement";
    static final String BANK_ENTRY_ID = "bankEntryId";
    private static final Logger log = LoggerFactory.getLogger(ReconciliationTasks.class);

    private final RuntimeService runtime;
    private final BankEntryRepository entries;
    private final TransactionTemplate ownTransaction;

    ReconciliationTasks(RuntimeService runtime, BankEntryRepository entries, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.entries = entries;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Also when called after a commit, whose connection is still bound to the thread (TransactionSynchronization).
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The business key: the transaction's id, prefixed so that it never reads as a dossier or invoice number. */
    public static String businessKey(long bankEntryId) {
        return "encaissement-" + bankEntryId;
    }

    /**
     * The transaction was reversed before an agent matched it: its task goes, in the import's transaction (a refused
     * file leaves it in place).
     */
    void cancel(long bankEntryId) {
        runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(businessKey(bankEntryId)).list()
                .forEach(process -> runtime.deleteProcessInstance(process.getId(), "Encaissement extourné par la"
                        + " banque : plus rien à rapprocher."));
    }

    /**
     * One process per transaction, once the caller's transaction has committed (the API's import, or the job's of the
     * statements folder: then after that commit), each in an engine transaction of its own: a task never points to a
     * transaction a refused file rolled back, and a start that fails leaves the others started and the import stored;
     * the transaction stays in {@code bank_entry}, unmatched, and {@link #startMissing} starts it at the next poll.
     */
    void start(List<Long> bankEntryIds) {
        if (bankEntryIds.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            startNow(bankEntryIds);
            return;
        }
        // Inside a job, the engine's calls would join its command context and be flushed, or fail, with the import.
        List<Long> ids = List.copyOf(bankEntryIds);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                startNow(ids);
            }
        });
    }

    /**
     * «Créer les tâches de rapprochement manquantes», at the end of each poll of {@code depot-releves}: the engine's
     * only job that already runs every 5 minutes on one node, whether or not a statements folder is set, so a start
     * that failed (database or engine briefly down) gets its task within minutes without a timer of its own.
     */
    @ScenarioStep
    public void startMissing(DelegateExecution execution) {
        startMissing();
    }

    /** The transactions still to match without a running process; returns how many were found. */
    int startMissing() {
        Set<String> running = new HashSet<>();
        for (ProcessInstance process : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()) {
            running.add(process.getBusinessKey());
        }
        List<Long> missing = entries.idsToReconcile().stream().filter(id -> !running.contains(businessKey(id)))
                .toList();
        if (!missing.isEmpty()) {
            log.warn("{} écriture(s) bancaire(s) à rapprocher sans tâche « Rapprocher un encaissement » (démarrage"
                    + " échoué) : création de leur tâche, {}", missing.size(), missing);
            start(missing);
        }
        return missing.size();
    }

    private void startNow(List<Long> bankEntryIds) {
        for (long id : bankEntryIds) {
            try {
                ownTransaction.executeWithoutResult(status -> startOnce(id));
            } catch (RuntimeException e) {
                log.error("Tâche « Rapprocher un encaissement » non créée pour l'écriture bancaire {}", id, e);
            }
        }
    }

    /**
     * Under the row's lock, so that the import's start and a poll's, or a reversal, never cross: started only if the
     * transaction is still to match and has no process yet.
     */
    private void startOnce(long id) {
        boolean toReconcile = entries.lock(id).map(entry -> entry.status().toReconcile()).orElse(false);
        if (toReconcile && runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(businessKey(id)).count() == 0) {
            runtime.startProcessInstanceByKey(PROCESS, businessKey(id), Map.of(BANK_ENTRY_ID, id));
        }
    }
}
