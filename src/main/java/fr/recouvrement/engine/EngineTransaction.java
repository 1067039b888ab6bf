package fr.recouvrement.engine;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that writes the ledger and correlates a message with the engine. When a job touches the same process
 * instance at the same moment, the engine detects it at commit ({@link OptimisticLockingException}); the whole
 * transaction then runs again, so the caller never sees a 500 for it.
 */
@Component
public class EngineTransaction {

    static final int ATTEMPTS = 3;

    private final TransactionTemplate transaction;

    public EngineTransaction(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    public <T> T execute(TransactionCallback<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(work);
            } catch (OptimisticLockingException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
