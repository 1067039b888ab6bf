package fr.recouvrement.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.RecouvrementSpringTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RecouvrementSpringTest
class EngineTransactionTest {

    @Autowired
    EngineTransaction transaction;

    @Test
    void aConcurrentJobMakesTheWholeTransactionRunAgain() {
        AtomicInteger attempts = new AtomicInteger();

        String result = transaction.execute(status -> {
            if (attempts.incrementAndGet() < EngineTransaction.ATTEMPTS) {
                throw new OptimisticLockingException("a job updated the same execution");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(EngineTransaction.ATTEMPTS);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transaction.execute(status -> {
            attempts.incrementAndGet();
            throw new OptimisticLockingException("always");
        })).isInstanceOf(OptimisticLockingException.class);
        assertThat(attempts).hasValue(EngineTransaction.ATTEMPTS);
    }
}
