package fr.recouvrement.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.RecouvrementSpringTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The access export forgets no table: every table of the schema {@code recouvrement} that refers to a debtor, directly
 * or through other tables (a dossier, an invoice, an event...), as its foreign keys say, is in
 * {@link AccessExportTables}. A new table that refers to one of them fails here until the export reads it.
 */
@RecouvrementSpringTest
class AccessExportSchemaTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyTableThatLeadsToADebtorIsExported() {
        List<Map<String, Object>> foreignKeys = jdbc.queryForList("""
                select distinct constraints.table_name as referring, targets.table_name as referred
                from information_schema.table_constraints constraints
                join information_schema.constraint_column_usage targets
                    on targets.constraint_schema = constraints.constraint_schema
                   and targets.constraint_name = constraints.constraint_name
                where constraints.constraint_type = 'FOREIGN KEY' and constraints.table_schema = 'recouvrement'""");
        Set<String> leadingToDebtor = new TreeSet<>(Set.of("debtor"));
        Deque<String> toVisit = new ArrayDeque<>(leadingToDebtor);
        while (!toVisit.isEmpty()) {
            String referred = toVisit.pop();
            for (Map<String, Object> key : foreignKeys) {
                String referring = (String) key.get("referring");
                if (referred.equals(key.get("referred")) && leadingToDebtor.add(referring)) {
                    toVisit.push(referring);
                }
            }
        }
        // The schema's shape as this test was written: the foreign keys were read, not an empty result.
        assertThat(leadingToDebtor).contains("dossier", "invoice", "payment", "debt_acknowledgement", "write_off");
        assertThat(AccessExportTables.TABLES.stream().map(AccessExportTables.Table::name))
                .as("tables of the export against the tables whose foreign keys lead to debtor")
                .containsExactlyInAnyOrderElementsOf(leadingToDebtor);
    }
}
