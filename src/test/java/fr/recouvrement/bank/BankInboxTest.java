package fr.recouvrement.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statements folder ({@link BankInbox}) on a temporary folder, with the samples of src/test/resources/bank/: each
 * file imported once as the API would, then moved with its report; files still being written left alone.
 */
class BankInboxTest extends LedgerTest {

    @Autowired
    BankInbox inbox;

    @TempDir
    Path folder;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> values = new HashMap<>();

    @BeforeEach
    void uniqueReferences() {
        values.put("RUN", LedgerFixtures.newNumber("T").replace("-", ""));
        values.put("PAYER_IBAN", "FR76" + LedgerFixtures.newNumber("").replace("-", ""));
    }

    private String invoice(String key, String amount) {
        String number = LedgerFixtures.newNumber("BQ");
        fixtures.registerB2b(number, siren, "2026-10-31", amount);
        values.put(key, number);
        values.put(key + "_LOWER_SPACED", number.toLowerCase().replace('-', ' '));
        return number;
    }

    private Path drop(String sample, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/bank/" + sample)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return Files.writeString(folder.resolve(name), text);
        }
    }

    private JsonNode read(String invoice) {
        return http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + invoice, JsonNode.class);
    }

    private long stored() {
        return jdbc.queryForObject("select count(*) from recouvrement.bank_entry where entry_key like ?", Long.class,
                values.get("RUN") + "%");
    }

    private Stream<String> names(String subfolder) throws IOException {
        Path path = folder.resolve(subfolder);
        return Files.isDirectory(path) ? Files.list(path).map(p -> p.getFileName().toString()).sorted()
                : Stream.empty();
    }

    @Test
    void aGoodFileIsImportedThenMovedToDoneWithTheAnswerBesideItAndAFileBeingWrittenWaits() throws IOException {
        String exact = invoice("INV1", "1200.00");
        String partial = invoice("INV2", "800.00");
        drop("camt053-v02-day.xml", "2026-11-20-releve.xml");
        Files.writeString(folder.resolve("2026-11-21-releve.xml.part"), "<Document");

        boolean more = inbox.importNext(folder);

        // The .part file is still being written: not taken, and not waiting either.
        assertThat(more).isFalse();
        assertThat(names("done")).containsExactly("2026-11-20-releve.xml", "2026-11-20-releve.xml.report.json");
        assertThat(names("processing")).isEmpty();
        assertThat(names("")).contains("2026-11-21-releve.xml.part").doesNotContain("2026-11-20-releve.xml");
        JsonNode report = json.readTree(folder.resolve("done/2026-11-20-releve.xml.report.json").toFile());
        // The API's answer: 2 booked credits both matched, the fee and the pending credit ignored.
        assertThat(report.get("entries").asInt()).isEqualTo(4);
        assertThat(report.get("matched").asInt()).isEqualTo(2);
        assertThat(report.get("ignored").asInt()).isEqualTo(2);
        assertThat(read(exact).get("status").asText()).isEqualTo("PAID");
        // 800.00 - 300.00 paid = 500.00
        assertThat(read(partial).get("balance").asText()).isEqualTo("500.00");
    }

    @Test
    void aMalformedFileIsMovedToRejectedWithTheProblemAndNothingIsStored() throws IOException {
        String exact = invoice("INV1", "1200.00");
        drop("truncated.xml", "coupe.xml");

        inbox.importNext(folder);

        assertThat(names("rejected")).containsExactly("coupe.xml", "coupe.xml.problem.json");
        JsonNode problem = json.readTree(folder.resolve("rejected/coupe.xml.problem.json").toFile());
        assertThat(problem.get("title").asText()).isEqualTo("Relevé refusé");
        assertThat(problem.get("detail").asText()).contains("« coupe.xml » est refusé en entier");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(stored()).isZero();
        assertThat(read(exact).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void theSameFileDroppedTwiceRecordsItsEntriesOnceAndKeepsBothFiles() throws IOException {
        String exact = invoice("INV1", "1200.00");
        invoice("INV2", "800.00");
        drop("camt053-v02-day.xml", "releve.xml");
        drop("camt053-v04-overlap.xml", "releve-suivant.xml");

        // Two files: the first taken says another waits, and the next call takes it.
        assertThat(inbox.importNext(folder)).isTrue();
        assertThat(inbox.importNext(folder)).isFalse();
        drop("camt053-v02-day.xml", "releve.xml");
        inbox.importNext(folder);

        assertThat(names("done")).containsExactly("2-releve.xml", "2-releve.xml.report.json", "releve-suivant.xml",
                "releve-suivant.xml.report.json", "releve.xml", "releve.xml.report.json");
        JsonNode again = json.readTree(folder.resolve("done/2-releve.xml.report.json").toFile());
        assertThat(again.get("credits").asInt()).isEqualTo(2);
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        // A1 and A2 of the day once, though A1 came in three files (the overlap's two 75.00 have a hash for key).
        assertThat(stored()).isEqualTo(2);
        assertThat(http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + exact + "/payments",
                JsonNode.class)).hasSize(1);
    }

    @Test
    void aFileLeftInProcessingByAStoppedNodeIsTakenBackOnceStaleAndImportedWithoutDoublePayments() throws IOException {
        String exact = invoice("INV1", "1200.00");
        invoice("INV2", "800.00");
        // A node claimed and imported this file, then stopped before filing it: its entries are committed.
        drop("camt053-v02-day.xml", "releve.xml");
        inbox.importNext(folder);
        Files.move(folder.resolve("done/releve.xml"), folder.resolve("processing/releve.xml"));
        Files.delete(folder.resolve("done/releve.xml.report.json"));
        // Another claimed a second file a moment ago and is still importing it.
        drop("camt053-v04-overlap.xml", "en-cours.xml");
        Files.move(folder.resolve("en-cours.xml"), folder.resolve("processing/en-cours.xml"));
        Path stale = folder.resolve("processing/releve.xml");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(BankProperties.STALE_AFTER)
                .minus(Duration.ofMinutes(1))));

        // The poll takes the stale file back, then imports it as the first waiting.
        assertThat(inbox.importNext(folder)).isFalse();

        assertThat(names("processing")).containsExactly("en-cours.xml");
        assertThat(names("done")).containsExactly("releve.xml", "releve.xml.report.json");
        JsonNode again = json.readTree(folder.resolve("done/releve.xml.report.json").toFile());
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        assertThat(stored()).isEqualTo(2);
        assertThat(http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + exact + "/payments",
                JsonNode.class)).hasSize(1);
    }

    @Test
    void aFileJustClaimedIsLeftToItsNodeEvenIfTheSenderWroteItLongAgo() throws IOException {
        invoice("INV1", "1200.00");
        invoice("INV2", "800.00");
        drop("camt053-v02-day.xml", "ancien.xml");
        Files.setLastModifiedTime(folder.resolve("ancien.xml"), FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        inbox.importNext(folder);

        assertThat(names("done")).containsExactly("ancien.xml", "ancien.xml.report.json");
        // The claim set the file's time (kept by the renames): another node's poll meanwhile saw a fresh claim.
        assertThat(Files.getLastModifiedTime(folder.resolve("done/ancien.xml")).toInstant())
                .isAfter(Instant.now().minus(BankProperties.STALE_AFTER));
    }

    @Test
    void theTasksOfAFileStartOnceItsEntriesAreCommittedInATransactionOfTheirOwn() throws IOException {
        values.put("AMOUNT", "345.67");
        values.put("PAYER", "SARL Inconnue " + values.get("RUN"));
        values.put("TEXT", "Virement " + values.get("RUN"));
        drop("camt053-v03-transfers.xml", "inconnu.xml");

        inbox.importNext(folder);

        long id = jdbc.queryForObject("select id from recouvrement.bank_entry where remittance = ? order by id limit 1",
                Long.class, values.get("TEXT"));
        String entryTransaction = jdbc.queryForObject("select xmin::text from recouvrement.bank_entry where id = ?",
                String.class, id);
        // PostgreSQL's id of the transaction that wrote each row: the process's is not the import's.
        String processTransaction = jdbc.queryForObject("select xmin::text from public.act_ru_execution"
                + " where business_key_ = ? and id_ = proc_inst_id_", String.class, ReconciliationTasks.businessKey(id));
        assertThat(processTransaction).isNotEqualTo(entryTransaction);
    }
}
