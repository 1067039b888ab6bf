package fr.recouvrement.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.RecouvrementSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statements of one KPI answer run at once on several connections: they must still read one state of the
 * database, the caller's, whatever commits meanwhile, and a failure must reach the caller.
 */
@RecouvrementSpringTest
class SharedSnapshotTest {

    @Autowired
    SharedSnapshot shared;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyStatementReadsTheCallersSnapshotEvenOnAnotherConnection() {
        String segment = LedgerFixtures.newNumber("SNAPSHOT");
        TransactionTemplate caller = new TransactionTemplate(transactions);
        caller.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        caller.setReadOnly(true);
        TransactionTemplate meanwhile = new TransactionTemplate(transactions);
        meanwhile.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        List<String> seen = caller.execute(status -> {
            assertThat(debtors(segment)).isZero();
            // Committed after the caller's snapshot, before the statements run: none of them may see it.
            meanwhile.executeWithoutResult(inserting -> jdbc.update("""
                    insert into recouvrement.debtor (type, name, segment, email, address_line1, postal_code, city,
                                                     country)
                    values ('B2C', 'Instantané', ?, 'instantane@example.fr', '1 rue du Test', '69003', 'Lyon', 'FR')""",
                    segment));
            SharedSnapshot.Batch batch = shared.batch();
            List<CompletableFuture<String>> statements = new ArrayList<>();
            // Six statements of 0.2 s: the caller alone would take 1.2 s, so the helpers take some.
            for (int i = 0; i < 6; i++) {
                statements.add(batch.add(() -> {
                    jdbc.execute("select pg_sleep(0.2)");
                    return debtors(segment) + " " + Thread.currentThread().getName();
                }));
            }
            batch.run();
            return statements.stream().map(CompletableFuture::join).toList();
        });
        assertThat(seen).allMatch(statement -> statement.startsWith("0 "), "no statement sees the later debtor");
        assertThat(seen).anyMatch(statement -> statement.contains("kpi-figures-"));
        assertThat(debtors(segment)).isEqualTo(1);
    }

    @Test
    void aFailingStatementFailsTheAnswerWithItsOwnError() {
        TransactionTemplate caller = new TransactionTemplate(transactions);
        caller.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        caller.setReadOnly(true);
        assertThatThrownBy(() -> caller.executeWithoutResult(status -> {
            SharedSnapshot.Batch batch = shared.batch();
            for (int i = 0; i < 4; i++) {
                int divisor = i == 1 ? 0 : 1;
                batch.add(() -> jdbc.queryForObject("select 1 / ?", Integer.class, divisor));
            }
            batch.run();
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("division by zero");
    }

    private long debtors(String segment) {
        return jdbc.queryForObject("select count(*) from recouvrement.debtor where segment = ?", Long.class, segment);
    }
}
