package fr.recouvrement.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.FastTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample statements of src/test/resources/bank/, one per version read, and the files refused whole. */
@FastTest
class CamtReaderTest {

    private static final String OURS = "FR7630004005500001012345690";

    private final CamtReader reader = new CamtReader();

    private List<CamtEntry> read(String sample, List<CamtReader.Summary> summaries) throws IOException {
        List<CamtEntry> entries = new ArrayList<>();
        try (InputStream body = getClass().getResourceAsStream("/bank/" + sample)) {
            summaries.add(reader.read(sample, body, entries::add));
        }
        return entries;
    }

    private List<CamtEntry> read(String sample) throws IOException {
        return read(sample, new ArrayList<>());
    }

    @Test
    void version02ReadsCreditsDebitsStatusesReferencesAndPayer() throws IOException {
        List<CamtReader.Summary> summaries = new ArrayList<>();
        List<CamtEntry> entries = read("camt053-v02-day.xml", summaries);

        assertThat(summaries.get(0)).isEqualTo(new CamtReader.Summary("camt.053.001.02", List.of(OURS)));
        assertThat(entries).hasSize(4);
        CamtEntry first = entries.get(0);
        assertThat(first.account()).isEqualTo(OURS);
        assertThat(first.amount()).isEqualByComparingTo("1200.00");
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.booked()).isTrue();
        assertThat(first.credit()).isTrue();
        assertThat(first.reversal()).isFalse();
        assertThat(first.accountServicerRef()).isEqualTo("{{RUN}}-A1");
        // The value date is the payment date, before the booking date.
        assertThat(first.paymentDate()).isEqualTo(LocalDate.of(2026, 11, 19));
        CamtEntry.Transaction tx = first.transactions().get(0);
        assertThat(tx.payerName()).isEqualTo("TOTAL NEGOCE");
        assertThat(tx.endToEndId()).isEqualTo("{{RUN}}-E2E-1");
        assertThat(tx.unstructured()).containsExactly("Reglement facture {{INV1_LOWER_SPACED}} merci");
        assertThat(entries.get(1).transactions().get(0).references()).containsExactly("{{INV2}}");
        assertThat(entries.get(2).credit()).isFalse();
        assertThat(entries.get(3).booked()).isFalse();
    }

    @Test
    void version04KeepsTheTransactionAmountAndAnEntryWithoutReference() throws IOException {
        List<CamtEntry> entries = read("camt053-v04-overlap.xml");

        assertThat(entries).extracting(CamtEntry::messageType).containsOnly("camt.053.001.04");
        assertThat(entries.get(1).accountServicerRef()).isNull();
        assertThat(entries.get(1).entryRef()).isNull();
        // No value date: the booking date.
        assertThat(entries.get(1).paymentDate()).isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void version08ReadsTheStatusCodeThePartyNameAndEachTransaction() throws IOException {
        List<CamtEntry> entries = read("camt053-v08-lump.xml");

        CamtEntry lump = entries.get(0);
        assertThat(lump.booked()).isTrue();
        assertThat(lump.entryRef()).isEqualTo("{{RUN}}-N1");
        assertThat(lump.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(lump.transactions().get(0).payerName()).isEqualTo("Total Negoce SAS");
        assertThat(lump.transactions().get(0).payerIban()).isEqualTo("{{PAYER_IBAN}}");
        List<CamtEntry.Transaction> two = entries.get(1).transactions();
        assertThat(two).extracting(CamtEntry.Transaction::amount)
                .containsExactly(new BigDecimal("100.00"), new BigDecimal("50.00"));
        assertThat(two.get(0).references()).containsExactly("{{INV4}}");
        assertThat(two.get(1).unstructured()).containsExactly("FACTURE {{INV5}}");
    }

    @Test
    void aNotificationOfCamt054GivesEachOfItsAccounts() throws IOException {
        List<CamtReader.Summary> summaries = new ArrayList<>();
        List<CamtEntry> entries = read("camt054-v06-notification.xml", summaries);

        assertThat(summaries.get(0).messageType()).isEqualTo("camt.054.001.06");
        assertThat(summaries.get(0).accounts()).containsExactly(OURS, "FR1420041010050500013M02606");
        assertThat(entries).extracting(CamtEntry::account).containsExactly(OURS, "FR1420041010050500013M02606");
    }

    @Test
    void aReversalIsReadFromItsIndicatorOrFromAReturnedTransfersCode() throws IOException {
        assertThat(read("camt053-v02-reversal.xml").get(0).reversal()).isTrue();

        String returned = minimal("camt.053.001.03", "<Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
                + "<Sts>BOOK</Sts><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly>"
                + "</Domn></BkTxCd>");
        List<CamtEntry> entries = new ArrayList<>();
        reader.read("retour.xml", stream(returned), entries::add);
        assertThat(entries.get(0).reversal()).isTrue();
        assertThat(entries.get(0).transactions()).hasSize(1);
    }

    @Test
    void everyVersionFrom02To08OfBothMessagesIsRead() {
        for (String family : List.of("053", "054")) {
            for (int version = 2; version <= 8; version++) {
                // Sts became a choice (Cd or Prtry) in the 2018 generation, version .07.
                String status = version >= 7 ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>";
                String document = minimal("camt.053.001.0" + version,
                        "<Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>" + status);
                if (family.equals("054")) {
                    document = document.replace("camt.053", "camt.054").replace("BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn")
                            .replace("<Stmt>", "<Ntfctn>").replace("</Stmt>", "</Ntfctn>");
                }
                List<CamtEntry> entries = new ArrayList<>();
                CamtReader.Summary summary = reader.read("v" + version, stream(document), entries::add);
                assertThat(summary.messageType()).isEqualTo("camt." + family + ".001.0" + version);
                assertThat(entries).as("camt.%s version %d", family, version).singleElement().satisfies(entry -> {
                    assertThat(entry.booked()).isTrue();
                    assertThat(entry.amount()).isEqualByComparingTo("10.00");
                });
            }
        }
    }

    @Test
    void versions05To07ReadEachTransactionWithItsPayerAndReferences() throws IOException {
        for (String version : List.of("05", "06", "07")) {
            List<CamtReader.Summary> summaries = new ArrayList<>();
            List<CamtEntry> entries = read("camt053-v" + version + "-details.xml", summaries);

            assertThat(summaries.get(0)).isEqualTo(new CamtReader.Summary("camt.053.001." + version, List.of(OURS)));
            CamtEntry entry = entries.get(0);
            assertThat(entry.booked()).as(version).isTrue();
            assertThat(entry.entryRef()).isEqualTo("V" + version + "-N1");
            assertThat(entry.accountServicerRef()).isEqualTo("V" + version + "-A1");
            assertThat(entry.amount()).isEqualByComparingTo("300.50");
            // A date-time gives the day the bank wrote, whatever its offset.
            assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2026, 11, 23));
            assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 24));
            assertThat(entry.transactions()).hasSize(2);
            CamtEntry.Transaction first = entry.transactions().get(0);
            assertThat(first.amount()).isEqualByComparingTo("200.50");
            assertThat(first.endToEndId()).isEqualTo("V" + version + "-E2E-1");
            assertThat(first.payerName()).as(version).isEqualTo("Atelier Martin SARL");
            assertThat(first.payerIban()).isEqualTo("FR1420041010050500013M02606");
            assertThat(first.references()).containsExactly("F-2026-0501");
            assertThat(entry.transactions().get(1).unstructured()).containsExactly("FACTURE F-2026-0502");
        }
    }

    @Test
    void aValueTheModelCannotBindRefusesTheFileNamingTheEntry() {
        String head = "<Amt Ccy=\"EUR\">12.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>";

        assertEntryRefused("camt.053.001.02", head.replace("12.50", "12,50"), "ligne 4, valeur refusée : Character ,");
        assertEntryRefused("camt.053.001.02", head + "<ValDt><Dt>2026-11-31</Dt></ValDt>",
                "ligne 4, valeur refusée : java.time.format.DateTimeParseException: Text '2026-11-31'");
        assertEntryRefused("camt.053.001.04", head + "<ValDt><DtTm>2026-02-30T10:00:00</DtTm></ValDt>",
                "ligne 4, valeur refusée : java.time.format.DateTimeParseException: Text '2026-02-30'");
        assertEntryRefused("camt.053.001.02", head + "<Rmrk>x</Rmrk>",
                "ligne 4, valeur refusée : unexpected element (uri:\"\", local:\"Rmrk\")");
        // JAXB binds a code outside its list as no value: refused as a missing one.
        assertEntryRefused("camt.053.001.02", head.replace("CRDT", "CRED"), "CdtDbtInd doit valoir CRDT ou DBIT");
    }

    @Test
    void aStatusWrittenAsBeforeVersion07IsNoStatusFromThenOn() {
        assertEntryRefused("camt.053.001.07", "<Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>",
                "Sts manquant");
    }

    private void assertEntryRefused(String messageType, String entry, String problem) {
        List<CamtEntry> entries = new ArrayList<>();
        assertThatThrownBy(() -> reader.read("refus.xml", stream(minimal(messageType, entry)), entries::add))
                .as(entry)
                .isInstanceOf(StatementRejectedException.class)
                .hasMessageContaining("non conforme au schéma " + messageType + " : écriture 1 du relevé 1, " + problem);
        assertThat(entries).isEmpty();
    }

    @Test
    void anExternalEntityIsRefusedAndNeverRead() {
        assertThatThrownBy(() -> read("xxe.xml"))
                .isInstanceOf(StatementRejectedException.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void aFileCutShortIsRefusedAfterItsValidEntriesWereRead() {
        List<CamtEntry> entries = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (InputStream body = getClass().getResourceAsStream("/bank/truncated.xml")) {
                reader.read("truncated.xml", body, entries::add);
            }
        }).isInstanceOf(StatementRejectedException.class).hasMessageContaining("XML bien formé");
        // The caller's transaction is what makes the refusal whole: the first entry was already handed over.
        assertThat(entries).hasSize(1);
    }

    @Test
    void anAmountWithoutCurrencyBreaksTheSchema() {
        assertThatThrownBy(() -> read("schema-invalid.xml"))
                .isInstanceOf(StatementRejectedException.class)
                .hasMessageContaining("écriture 2 du relevé 1, Amt sans devise (Ccy)");
    }

    @Test
    void aReferenceLongerThanTheSchemasMax35IsRefused() {
        String entry = "<Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><AcctSvcrRef>"
                + "R".repeat(36) + "</AcctSvcrRef>";

        assertThatThrownBy(() -> reader.read("long.xml", stream(minimal("camt.053.001.04", entry)), e -> { }))
                .isInstanceOf(StatementRejectedException.class)
                .hasMessageContaining("AcctSvcrRef de plus de 35 caractères");
    }

    @Test
    void anotherMessageTypeOrPlainTextIsRefused() {
        assertThatThrownBy(() -> read("pain001.xml"))
                .isInstanceOf(StatementRejectedException.class)
                .hasMessageContaining("type de message inconnu")
                .hasMessageContaining("pain.001.001.03");
        assertThatThrownBy(() -> reader.read("notes.txt", stream("numéro;montant\nF-1;10"), entry -> { }))
                .isInstanceOf(StatementRejectedException.class)
                .hasMessageContaining("XML bien formé");
    }

    @Test
    void theReadmesSampleIsAStatementAsTheReaderReadsIt() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053");
        String sample = readme.substring(start, readme.indexOf("</Document>", start) + "</Document>".length());
        List<CamtEntry> entries = new ArrayList<>();

        reader.read("README.md", stream(sample), entries::add);

        assertThat(entries).extracting(CamtEntry::credit).containsExactly(true, true, false);
        assertThat(entries.get(0).transactions().get(0).unstructured())
                .containsExactly("Reglement facture f 2026 0042 merci");
    }

    private static String minimal(String messageType, String entry) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:%s"><BkToCstmrStmt>
                <GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-20T10:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>S</Id><Acct><Id><IBAN>%s</IBAN></Id></Acct><Ntry>%s<BookgDt><Dt>2026-11-20</Dt></BookgDt></Ntry></Stmt>
                </BkToCstmrStmt></Document>""".formatted(messageType, OURS, entry);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
