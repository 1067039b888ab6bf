package fr.recouvrement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table of our schema is written by one repository (docs/architecture.md §7): other packages call its methods.
 * ArchUnit cannot see SQL in strings, so the sources are read.
 */
@FastTest
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/fr/recouvrement");
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("debtor", "debtor/DebtorRepository.java"),
            Map.entry("invoice", "invoice/InvoiceRepository.java"),
            Map.entry("dossier", "dossier/DossierRepository.java"),
            Map.entry("dossier_stage", "dossier/DossierRepository.java"),
            Map.entry("dossier_document", "dossier/DossierDocumentRepository.java"),
            Map.entry("payment", "payment/PaymentRepository.java"),
            Map.entry("invoice_event", "event/EventRepository.java"),
            Map.entry("debt_acknowledgement", "event/EventRepository.java"),
            Map.entry("communication", "communication/CommunicationRepository.java"),
            Map.entry("judicial_file", "judicial/JudicialFileRepository.java"),
            Map.entry("kpi_snapshot", "kpi/KpiSnapshotRepository.java"),
            Map.entry("write_off", "writeoff/WriteOffRepository.java"),
            Map.entry("bank_entry", "bank/BankEntryRepository.java"));
    private static final Pattern WRITE =
            Pattern.compile("(?i)\\b(insert\\s+into|update|delete\\s+from)\\s+recouvrement\\.(\\w+)");
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create\\s+table\\s+(?:recouvrement\\.)?(\\w+)");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void eachTableIsWrittenByItsOwnerOnly() throws IOException {
        List<String> strays = new ArrayList<>();
        Set<String> written = new TreeSet<>();
        for (Path source : sources()) {
            String file = MAIN.relativize(source).toString();
            Matcher write = WRITE.matcher(Files.readString(source));
            while (write.find()) {
                String table = write.group(2).toLowerCase();
                written.add(table);
                if (!file.equals(OWNERS.get(table))) {
                    strays.add(file + " writes " + table + " (" + write.group(1) + ")");
                }
            }
        }
        assertThat(strays).as("writes outside the table's owner").isEmpty();
        // The scan must see the writes it polices; a pattern that matched nothing would pass for nothing.
        assertThat(written).containsExactlyInAnyOrderElementsOf(OWNERS.keySet());
    }

    @Test
    void everyTableOfTheSchemaHasAnOwner() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher create = CREATE_TABLE.matcher(Files.readString(migration));
                while (create.find()) {
                    tables.add(create.group(1).toLowerCase());
                }
            }
        }
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void controllersHoldNoSql() throws IOException {
        for (Path source : sources()) {
            if (source.getFileName().toString().endsWith("Controller.java")) {
                assertThat(Files.readString(source)).as(source.toString())
                        .doesNotContain("JdbcClient", "JdbcTemplate", ".sql(");
            }
        }
    }
}
