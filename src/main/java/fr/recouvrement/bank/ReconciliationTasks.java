package fr.recouvrement.bank;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the process {@code rapprochement-encaissement} (bpmn/rapprochement-encaissement.bpmn) of each transaction an
 * agent must match: its task «Rapprocher un encaissement» goes to the agents.
 */
@Component
public class ReconciliationTasks {

    static final String PROCESS = "rapprochement-encaissement";
    static final String BANK_ENTRY_ID = "bankEntryId";
    private static final Logger log = LoggerFactory.getLogger(ReconciliationTasks.class);

    private final RuntimeService runtime;

    ReconciliationTasks(RuntimeService runtime) {
        this.runtime = runtime;
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
     * One process per transaction, each in its own engine transaction, after the import's commit: a start that fails
     * leaves the others started and the import stored; the transaction stays in {@code bank_entry}, unmatched, for
     * the agents to find in the import's answer and the logs.
     */
    void start(List<Long> bankEntryIds) {
        for (long id : bankEntryIds) {
            try {
                runtime.startProcessInstanceByKey(PROCESS, businessKey(id), Map.of(BANK_ENTRY_ID, id));
            } catch (RuntimeException e) {
                log.error("Tâche « Rapprocher un encaissement » non créée pour l'écriture bancaire {}", id, e);
            }
        }
    }
}
