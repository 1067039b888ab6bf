package fr.recouvrement.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * {@code POST /api/bank-statements} over real HTTP with the sample statements of src/test/resources/bank/: each
 * entry recorded once, matched, allocated through the payments' path, and the files refused whole.
 */
class BankStatementApiTest extends LedgerTest {

    @LocalServerPort
    int port;

    /** The placeholders of the samples: numbers and references of this test only (the tests share one database). */
    private final Map<String, String> values = new HashMap<>();

    @BeforeEach
    void uniqueReferences() {
        values.put("RUN", LedgerFixtures.newNumber("T").replace("-", ""));
        values.put("PAYER_IBAN", "FR76" + LedgerFixtures.newNumber("").replace("-", ""));
    }

    private String invoice(String key, String dueDate, String amount) {
        String number = LedgerFixtures.newNumber("BQ");
        fixtures.registerB2b(number, siren, dueDate, amount);
        values.put(key, number);
        values.put(key + "_LOWER_SPACED", number.toLowerCase().replace('-', ' '));
        return number;
    }

    private String sample(String name) {
        try (InputStream in = getClass().getResourceAsStream("/bank/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<JsonNode> post(String xml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return http.withBasicAuth("agent", "agent").postForEntity("/api/bank-statements",
                new HttpEntity<>(xml.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    private JsonNode imported(String sample) {
        ResponseEntity<JsonNode> response = post(sample(sample));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static String counts(JsonNode report) {
        return "entries=%d credits=%d matched=%d partlyMatched=%d unmatched=%d duplicates=%d reversals=%d ignored=%d"
                .formatted(report.get("entries").asInt(), report.get("credits").asInt(), report.get("matched").asInt(),
                        report.get("partlyMatched").asInt(), report.get("unmatched").asInt(),
                        report.get("duplicates").asInt(), report.get("reversals").asInt(),
                        report.get("ignored").asInt());
    }

    private JsonNode read(String invoice) {
        return http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + invoice, JsonNode.class);
    }

    private JsonNode payments(String invoice) {
        return http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + invoice + "/payments",
                JsonNode.class);
    }

    private long stored(String entryKeyPrefix) {
        return jdbc.queryForObject("select count(*) from recouvrement.bank_entry where entry_key like ?", Long.class,
                entryKeyPrefix + "%");
    }

    @Test
    void aDayStatementPaysTheInvoicesItsTransfersNameAndIgnoresTheFeeAndThePendingCredit() {
        String exact = invoice("INV1", "2026-10-31", "1200.00");
        String partial = invoice("INV2", "2026-10-31", "800.00");

        JsonNode report = imported("camt053-v02-day.xml");

        // 4 entries: two booked credits, a fee (debit) and a credit still pending, both counted and ignored.
        assertThat(counts(report)).isEqualTo("entries=4 credits=2 matched=2 partlyMatched=0 unmatched=0 duplicates=0"
                + " reversals=0 ignored=2");
        assertThat(report.get("rejected")).isEmpty();
        // "bq 123 4" in Ustrd, lower case and spaced, is the invoice; paid on the value date, not the booking date.
        assertThat(read(exact).get("status").asText()).isEqualTo("PAID");
        JsonNode payment = payments(exact).get(0);
        assertThat(payment.get("date").asText()).isEqualTo("2026-11-19");
        assertThat(payment.get("amount").asText()).isEqualTo("1200.00");
        assertThat(payment.get("reference").asText()).startsWith("RELEVE-");
        // The Strd reference: a partial payment, the invoice stays claimed.
        assertThat(read(partial).get("balance").asText()).isEqualTo("500.00");
        assertThat(read(partial).get("status").asText()).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select explanation from recouvrement.bank_entry where entry_key = ?",
                String.class, values.get("RUN") + "-A2")).contains("Facture " + partial + " citée", partial + " 300.00");
    }

    @Test
    void theSameFileTwiceAndAnOverlappingStatementRecordEachEntryOnce() {
        String exact = invoice("INV1", "2026-10-31", "1200.00");
        invoice("INV2", "2026-10-31", "800.00");
        imported("camt053-v02-day.xml");

        JsonNode again = imported("camt053-v02-day.xml");
        JsonNode overlap = imported("camt053-v04-overlap.xml");
        JsonNode overlapAgain = imported("camt053-v04-overlap.xml");

        assertThat(counts(again)).isEqualTo("entries=4 credits=2 matched=0 partlyMatched=0 unmatched=0 duplicates=2"
                + " reversals=0 ignored=2");
        assertThat(payments(exact)).hasSize(1);
        // The overlap repeats the 1,200.00 (same AcctSvcrRef); its two 75.00 without any bank reference have the same
        // hash: the first is recorded (nothing names a debtor: unmatched), the second set aside for review.
        assertThat(counts(overlap)).isEqualTo("entries=3 credits=3 matched=0 partlyMatched=0 unmatched=1 duplicates=1"
                + " reversals=0 ignored=0");
        assertThat(overlap.get("rejected")).singleElement().satisfies(rejected -> {
            assertThat(rejected.get("entry").asText()).isEqualTo("relevé, écriture 3");
            assertThat(rejected.get("reason").asText()).contains("même empreinte");
        });
        assertThat(counts(overlapAgain)).isEqualTo("entries=3 credits=3 matched=0 partlyMatched=0 unmatched=0"
                + " duplicates=3 reversals=0 ignored=0");
        assertThat(jdbc.queryForList("select status from recouvrement.bank_entry where remittance = ? order by id",
                String.class, values.get("RUN") + " cotisation")).containsExactly("UNMATCHED", "REVIEW");
        assertThat(payments(exact)).hasSize(1);
    }

    @Test
    void theSameFileSentTwiceAtOnceRecordsItsEntriesOnce() throws Exception {
        String exact = invoice("INV1", "2026-10-31", "1200.00");
        invoice("INV2", "2026-10-31", "800.00");
        String xml = sample("camt053-v02-day.xml");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ResponseEntity<JsonNode>>> answers = pool.invokeAll(List.of(() -> post(xml), () -> post(xml)));

            List<String> outcomes = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : answers) {
                assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.OK);
                outcomes.add("matched=" + answer.get().getBody().get("matched").asInt() + " duplicates="
                        + answer.get().getBody().get("duplicates").asInt());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("matched=2 duplicates=0", "matched=0 duplicates=2");
        } finally {
            pool.shutdownNow();
        }
        assertThat(payments(exact)).hasSize(1);
    }

    @Test
    void aReversalCancelsThePaymentItsCreditMade() {
        String exact = invoice("INV1", "2026-10-31", "1200.00");
        invoice("INV2", "2026-10-31", "800.00");
        imported("camt053-v02-day.xml");
        assertThat(read(exact).get("status").asText()).isEqualTo("PAID");

        JsonNode report = imported("camt053-v02-reversal.xml");

        assertThat(counts(report)).isEqualTo("entries=1 credits=0 matched=0 partlyMatched=0 unmatched=0 duplicates=0"
                + " reversals=1 ignored=0");
        assertThat(payments(exact)).isEmpty();
        assertThat(read(exact).get("status").asText()).isEqualTo("OPEN");
        assertThat(read(exact).get("balance").asText()).isEqualTo("1200.00");
        assertThat(jdbc.queryForObject("select status from recouvrement.bank_entry where entry_key = ?", String.class,
                values.get("RUN") + "-A1")).isEqualTo("REVERSED");
        assertThat(counts(imported("camt053-v02-reversal.xml"))).contains("duplicates=1 reversals=0");
    }

    @Test
    void aLumpSumNamingTheDossierIsImputedByArticle1342_10AndEachTransactionOfAnEntryOnItsOwn() {
        String a = invoice("A", "2026-08-31", "1000.00");
        String b = invoice("B", "2026-09-30", "700.00");
        String c = invoice("C", "2026-12-15", "500.00");
        values.put("DOSSIER", fixtures.openDossier("RELANCE_2", "2026-08-31", a, b, c).toLowerCase());
        String four = invoice("INV4", "2026-10-31", "100.00");
        String five = invoice("INV5", "2026-10-31", "80.00");

        JsonNode report = imported("camt053-v08-lump.xml");

        assertThat(counts(report)).isEqualTo("entries=2 credits=2 matched=2 partlyMatched=0 unmatched=0 duplicates=0"
                + " reversals=0 ignored=0");
        // 1,850.00 for the dossier's three invoices (AllocationTest writes the computation): A and B are due and bear
        // penalties, A the older: A 1,000.00, B 700.00; C, not due before 15 December, the 150.00 left.
        assertThat(read(a).get("balance").asText()).isEqualTo("0.00");
        assertThat(read(b).get("balance").asText()).isEqualTo("0.00");
        assertThat(read(c).get("balance").asText()).isEqualTo("350.00");
        // Two TxDtls of one entry, each naming its invoice (Strd/RfrdDocInf, then Ustrd).
        assertThat(read(four).get("status").asText()).isEqualTo("PAID");
        assertThat(read(five).get("balance").asText()).isEqualTo("30.00");
        // The payer's IBAN is now known for this debtor: a later transfer from it without any reference is its.
        JsonNode later = post(transfers("350.00", "T. NEGOCE", "Solde")).getBody();
        assertThat(later.get("matched").asInt()).isEqualTo(1);
        // No reference, another name, but the IBAN: 350.00 by 1342-10 on what is left, the due debt with penalties
        // first: INV5's 30.00 (due 31 October), then C's 320.00 (not due before 15 December), C keeping 30.00.
        assertThat(read(five).get("status").asText()).isEqualTo("PAID");
        assertThat(read(c).get("balance").asText()).isEqualTo("30.00");
    }

    @Test
    void anOverpaymentLeavesACreditShownInTheDossierAndTheKpisAndAnotherAccountIsIgnored() {
        String six = invoice("INV6", "2026-10-31", "500.00");
        String dossier = fixtures.openDossier("RELANCE_1", "2026-10-31", six);
        BigDecimal creditsBefore = unappliedCredits();

        JsonNode report = imported("camt054-v06-notification.xml");

        // The notification for another account of the company: counted, ignored.
        assertThat(counts(report)).isEqualTo("entries=2 credits=1 matched=1 partlyMatched=0 unmatched=0 duplicates=0"
                + " reversals=0 ignored=1");
        assertThat(read(six).get("status").asText()).isEqualTo("PAID");
        assertThat(read(six).get("paid").asText()).isEqualTo("500.00");
        // 650.00 − 500.00 = 150.00, never dropped: a credit on the debtor.
        JsonNode view = http.withBasicAuth("agent", "agent").getForObject("/api/dossiers/" + dossier, JsonNode.class);
        assertThat(view.get("unappliedCredit").asText()).isEqualTo("150.00");
        assertThat(unappliedCredits().subtract(creditsBefore)).isEqualByComparingTo("150.00");
    }

    private BigDecimal unappliedCredits() {
        JsonNode kpis = http.withBasicAuth("manager", "manager").getForObject("/api/kpis?asOf=2026-11-24",
                JsonNode.class);
        return new BigDecimal(kpis.at("/ledger/unappliedCredits/amount").asText());
    }

    @Test
    void aPayerKnownByNameWithAnInvoiceOfExactlyTheAmountIsMatched() {
        String name = "Boulangerie " + values.get("RUN");
        String number = LedgerFixtures.newNumber("BQ");
        fixtures.register(number, "2026-10-31", "420.00", """
                {"name": "%s", "siren": "%s", "type": "B2B", "segment": "PME", "email": "pain@example.fr",
                 "address": {"line1": "2 rue du Four", "postalCode": "69001", "city": "Lyon", "country": "FR"}}"""
                .formatted(name, siren));
        String xml = transfers("420.00", "BOULANGERIE " + values.get("RUN").toLowerCase(), "Pain");
        ResponseEntity<JsonNode> response = post(xml);

        // The first 420.00 is the invoice's by the payer's name and the exact amount; the second, same hash, for review.
        assertThat(response.getBody().get("matched").asInt()).isEqualTo(1);
        assertThat(read(number).get("status").asText()).isEqualTo("PAID");
    }

    /** Two identical transfers without any bank reference: {@code amount} from {@code payer} saying {@code text}. */
    private String transfers(String amount, String payer, String text) {
        values.put("AMOUNT", amount);
        values.put("PAYER", payer);
        values.put("TEXT", text);
        return sample("camt053-v03-transfers.xml");
    }

    @Test
    void anUnmatchedTransferKeepsItsLikelyInvoicesWithTheReason() {
        // An amount no other test uses: the invoice whose balance it is comes first among the candidates.
        String number = invoice("ODD", "2026-10-31", "98765.43");

        JsonNode report = post(transfers("98765.43", "SARL INCONNUE " + values.get("RUN"), values.get("RUN")))
                .getBody();

        // The first is unmatched; the second, same hash, set aside for review.
        assertThat(counts(report)).isEqualTo("entries=2 credits=2 matched=0 partlyMatched=0 unmatched=1 duplicates=0"
                + " reversals=0 ignored=0");
        Map<String, Object> entry = jdbc.queryForMap("""
                select status, explanation, candidates ->> 0 as first, jsonb_array_length(candidates) as candidates
                from recouvrement.bank_entry where remittance = ? order by id limit 1""", values.get("RUN"));
        assertThat(entry).containsEntry("status", "UNMATCHED");
        assertThat((String) entry.get("explanation")).contains("Ni facture ni dossier");
        assertThat((String) entry.get("first")).contains(number, "Solde de la facture égal au montant");
        assertThat((Integer) entry.get("candidates")).isBetween(1, 3);
        assertThat(read(number).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aTransferNamingAnotherDebtorsInvoiceTooIsPartlyMatched() {
        String ours = invoice("OURS", "2026-10-31", "200.00");
        siren = LedgerFixtures.newSiren();
        String theirs = invoice("THEIRS", "2026-10-31", "100.00");

        JsonNode report = post(transfers("300.00", "TOTAL NEGOCE", "Factures " + ours + " et " + theirs)).getBody();

        // The first named decides the debtor; the other debtor's invoice takes nothing, and the agent is told.
        assertThat(report.get("partlyMatched").asInt()).isEqualTo(1);
        assertThat(read(ours).get("status").asText()).isEqualTo("PAID");
        assertThat(read(theirs).get("status").asText()).isEqualTo("OPEN");
        assertThat(jdbc.queryForMap("select status, unapplied, explanation from recouvrement.bank_entry"
                        + " where payer_name = 'TOTAL NEGOCE' and remittance like ? order by id limit 1",
                "%" + theirs + "%"))
                .containsEntry("status", "PARTLY_MATCHED")
                .containsEntry("unapplied", new BigDecimal("100.00"))
                .hasEntrySatisfying("explanation", text -> assertThat((String) text)
                        .contains(theirs + ", citée aussi, est celle d'un autre débiteur"));
    }

    @Test
    void aBodyOver50MegabytesIsA413() throws IOException {
        // A raw request that announces 51 MB and sends none of it: the answer comes from the declared length alone.
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/bank-statements HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml"
                    + "\r\nAuthorization: Basic " + Base64.getEncoder().encodeToString("agent:agent".getBytes())
                    + "\r\nContent-Length: " + 51L * 1024 * 1024 + "\r\n\r\n<Document/>";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            BufferedReader response = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));

            assertThat(response.readLine()).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void severalFilesInOneRequestAreImportedTogetherOrNotAtAll() {
        invoice("INV1", "2026-10-31", "1200.00");
        invoice("INV2", "2026-10-31", "800.00");
        String six = invoice("INV6", "2026-10-31", "500.00");

        ResponseEntity<JsonNode> refused = multipart(List.of("day.xml", "cut.xml"),
                List.of(sample("camt053-v02-day.xml"), sample("truncated.xml")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("detail").asText()).contains("« cut.xml » est refusé en entier");
        assertThat(stored(values.get("RUN"))).isZero();
        assertThat(read(values.get("INV1")).get("status").asText()).isEqualTo("OPEN");

        ResponseEntity<JsonNode> both = multipart(List.of("day.xml", "avis.xml"),
                List.of(sample("camt053-v02-day.xml"), sample("camt054-v06-notification.xml")));

        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(counts(both.getBody())).isEqualTo("entries=6 credits=3 matched=3 partlyMatched=0 unmatched=0"
                + " duplicates=0 reversals=0 ignored=3");
        assertThat(read(six).get("status").asText()).isEqualTo("PAID");
    }

    private ResponseEntity<JsonNode> multipart(List<String> names, List<String> files) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        for (int i = 0; i < files.size(); i++) {
            String name = names.get(i);
            body.add("files", new ByteArrayResource(files.get(i).getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("agent", "agent").postForEntity("/api/bank-statements",
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void aBrokenFileIsRefusedWholeWithAProblemNamingItAndNothingStored() {
        invoice("INV1", "2026-10-31", "1200.00");

        ResponseEntity<JsonNode> cut = post(sample("truncated.xml"));
        ResponseEntity<JsonNode> invalid = post(sample("schema-invalid.xml"));
        ResponseEntity<JsonNode> xxe = post(sample("xxe.xml"));
        ResponseEntity<JsonNode> order = post(sample("pain001.xml"));
        ResponseEntity<JsonNode> other = post(sample("other-account.xml"));
        ResponseEntity<JsonNode> text = post("facture;montant\n" + values.get("INV1") + ";1200.00\n");

        for (ResponseEntity<JsonNode> refused : List.of(cut, invalid, xxe, order, other, text)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(cut.getBody().get("detail").asText()).contains("n'est pas un XML bien formé");
        assertThat(invalid.getBody().get("detail").asText()).contains("Amt sans devise (Ccy)");
        assertThat(xxe.getBody().get("detail").asText()).contains("DTD");
        assertThat(order.getBody().get("detail").asText()).contains("type de message inconnu");
        assertThat(other.getBody().get("detail").asText()).contains("aucun relevé sur les comptes du créancier");
        // The first entries of the cut and the invalid files were valid: not stored either.
        assertThat(stored(values.get("RUN"))).isZero();
        assertThat(read(values.get("INV1")).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void onlyAgentsManagersAndAdministratorsImport() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        ResponseEntity<JsonNode> analyst = http.withBasicAuth("analyste", "analyste").postForEntity(
                "/api/bank-statements", new HttpEntity<>(sample("pain001.xml"), headers), JsonNode.class);

        assertThat(analyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aDossierWhoseStatementPaysItStopsItsLadder() {
        String number = LedgerFixtures.newNumber("BQ");
        fixtures.registerB2b(number, siren, "2026-11-20", "1000.00");
        ProcessInstance followUp = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult();
        driver.runDueJobs(followUp.getId());
        String dossierNumber = "D-" + siren + "-001";
        ProcessInstance dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey(dossierNumber).singleResult();
        driver.runDueJobs(dossier.getId());
        assertThat(dossier).isWaitingAt("AppelConciliation");
        values.put("INV6", dossierNumber);
        String xml = sample("camt054-v06-notification.xml").replace("650.00", "1000.00");

        assertThat(post(xml).getBody().get("matched").asInt()).isEqualTo(1);
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded().hasPassed("PaiementRecu", "CloreDossierSolde", "DossierSoldeSignale");
        assertThat(jdbc.queryForMap("select status, closing_reason from recouvrement.dossier where number = ?",
                dossierNumber)).containsEntry("status", "CLOSED").containsEntry("closing_reason", "SOLDE");
    }

    @Autowired
    BankEntryRepository bankEntries;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theImportPlansEachStatementInItsTransactionOnlyAndLeavesThePooledConnectionAsItWas() {
        String inside = transaction.execute(status -> {
            bankEntries.planEachStatementOfThisTransaction();
            return jdbc.queryForObject("show plan_cache_mode", String.class);
        });

        assertThat(inside).isEqualTo("force_custom_plan");
        // SET LOCAL: the next transaction on the pool, whatever its connection, plans as configured.
        String after = transaction.execute(status -> jdbc.queryForObject("show plan_cache_mode", String.class));
        assertThat(after).isEqualTo("auto");
    }
}
