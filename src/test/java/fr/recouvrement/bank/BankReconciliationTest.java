package fr.recouvrement.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The task «Rapprocher un encaissement» over real HTTP: a transfer the import could not match gives the agents a task
 * whose form shows it, and the agent's decision, submitted through the engine's REST API as Tasklist submits it, pays
 * the invoices through the payments' path or is refused whole with a French message.
 */
class BankReconciliationTest extends LedgerTest {

    private static final String ENGINE_REST = "/engine-rest";
    private static final char NBSP = '\u00A0';

    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ReconciliationTasks reconciliationTasks;

    private String run;
    private String payerIban;

    @BeforeEach
    void uniqueReferences() {
        run = LedgerFixtures.newNumber("R").replace("-", "");
        payerIban = "FR76" + LedgerFixtures.newNumber("").replace("-", "");
    }

    /** Two transfers of {@code amount} from a payer nobody knows, without any reference: unmatched, then review. */
    private void importUnmatched(String amount) {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/bank/camt053-v03-transfers.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        xml = xml.replace("{{RUN}}", run).replace("{{AMOUNT}}", amount).replace("{{PAYER}}", "SARL Inconnue " + run)
                .replace("{{PAYER_IBAN}}", payerIban).replace("{{TEXT}}", "Virement " + run);
        assertThat(post(xml).get("unmatched").asInt()).isEqualTo(1);
    }

    private JsonNode post(String xml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        ResponseEntity<JsonNode> response = http.withBasicAuth("agent", "agent").postForEntity("/api/bank-statements",
                new HttpEntity<>(xml.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The transactions of this test's import, in order: the unmatched one, then its twin set aside for review. */
    private List<Long> entryIds() {
        return jdbc.queryForList("select id from recouvrement.bank_entry where remittance = ? order by id", Long.class,
                "Virement " + run);
    }

    private Map<String, Object> entry(long id) {
        return jdbc.queryForMap("select status, debtor_id, unapplied, explanation, allocations::text as allocations"
                + " from recouvrement.bank_entry where id = ?", id);
    }

    private Task taskOf(long entryId) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(ReconciliationTasks.businessKey(entryId))
                .singleResult();
        assertThat(task).as("task of entry %s", entryId).isNotNull();
        tasks.claim(task.getId(), "agent");
        return task;
    }

    /** As Tasklist submits the form: string variables, by the agent. */
    private ResponseEntity<String> submit(Task task, Map<String, String> values) {
        String body = values.entrySet().stream()
                .map(value -> "\"%s\": {\"value\": \"%s\", \"type\": \"String\"}".formatted(value.getKey(),
                        value.getValue().replace("\n", "\\n")))
                .collect(Collectors.joining(", ", "{\"variables\": {", "}}"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("agent", "agent").postForEntity(ENGINE_REST + "/task/" + task.getId()
                + "/submit-form", new HttpEntity<>(body, headers), String.class);
    }

    private List<BigDecimal> paymentsOf(String invoice) {
        return jdbc.queryForList("""
                select p.amount from recouvrement.payment p join recouvrement.invoice i on i.id = p.invoice_id
                where i.number = ? order by p.id""", BigDecimal.class, invoice);
    }

    @Test
    void aTransferWhoseTaskFailedToStartGetsItFromTheNextPollAndOnlyOnce() {
        importUnmatched("234.56");
        List<Long> ids = entryIds();
        // As if both starts had failed after the import's commit (the engine down a moment): rows, no process.
        for (long id : ids) {
            runtime.deleteProcessInstance(taskOf(id).getProcessInstanceId(), "démarrage échoué (test)");
        }

        assertThat(reconciliationTasks.startMissing()).isGreaterThanOrEqualTo(ids.size());
        reconciliationTasks.startMissing();

        for (long id : ids) {
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(
                    ReconciliationTasks.businessKey(id)).count()).as("processes of entry %s", id).isEqualTo(1);
            assertThat(taskOf(id).getName()).startsWith("Rapprocher un encaissement");
        }
    }

    @Test
    void theTaskIsDueTwoBusinessDaysAfterItsStartAt9ParisTime() {
        // Thursday 24 December 2026: Christmas, then the weekend; Monday 28 is the first business day, Tuesday 29 the
        // second.
        clock.setToday(LocalDate.of(2026, 12, 24));

        importUnmatched("123.45");

        assertThat(taskOf(entryIds().get(0)).getDueDate()).isEqualTo(Date.from(LocalDate.of(2026, 12, 29)
                .atTime(LocalTime.of(9, 0)).atZone(ZoneId.of("Europe/Paris")).toInstant()));
    }

    @Test
    void anUnmatchedTransferGivesTheAgentsATaskWhoseAllocationToTwoInvoicesPaysTheDossier() {
        String first = LedgerFixtures.newNumber("RAP");
        String second = LedgerFixtures.newNumber("RAP");
        fixtures.registerB2b(first, siren, "2026-11-20", "600.00");
        fixtures.registerB2b(second, siren, "2026-11-20", "400.00");
        for (String invoice : List.of(first, second)) {
            driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult()
                    .getId());
        }
        String dossierNumber = jdbc.queryForObject("""
                select distinct d.number from recouvrement.invoice i join recouvrement.dossier d on d.id = i.dossier_id
                where i.number in (?, ?)""", String.class, first, second);
        ProcessInstance dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey(dossierNumber).singleResult();
        driver.runDueJobs(dossier.getId());
        assertThat(dossier).isWaitingAt("AppelConciliation");

        importUnmatched("1000.00");

        long unmatched = entryIds().get(0);
        Task task = taskOf(unmatched);
        assertThat(task.getName()).startsWith("Rapprocher un encaissement");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(link ->
                assertThat(link.getGroupId()).isEqualTo("agents-recouvrement"));
        // What the form shows, as Tasklist reads it.
        JsonNode form = http.withBasicAuth("agent", "agent").getForObject(ENGINE_REST + "/task/" + task.getId()
                + "/form-variables", JsonNode.class);
        assertThat(form.at("/entryAmount/value").asText()).isEqualTo("1" + NBSP + "000,00" + NBSP + "€");
        assertThat(form.at("/amountToAllocate/value").asText()).isEqualTo("1" + NBSP + "000,00" + NBSP + "€");
        assertThat(form.at("/entryPaidOn/value").asText()).isEqualTo("22/11/2026");
        assertThat(form.at("/payerName/value").asText()).isEqualTo("SARL Inconnue " + run);
        assertThat(form.at("/payerIban/value").asText()).isEqualTo(payerIban);
        assertThat(form.at("/remittance/value").asText()).isEqualTo("Virement " + run);
        assertThat(form.at("/matchExplanation/value").asText()).contains("Ni facture ni dossier");
        assertThat(form.at("/candidates/type").asText()).isEqualTo("Json");
        assertThat(http.withBasicAuth("agent", "agent").getForObject(ENGINE_REST + "/task/" + task.getId()
                + "/deployed-form", String.class)).contains("\"id\": \"rapprocher-encaissement\"",
                "\"key\": \"invoiceAllocations\"");

        // 600.00 + 400.00 = 1,000.00: the whole transfer, nothing left as a credit.
        ResponseEntity<String> done = submit(task, Map.of("reconciliation", "FACTURES",
                "invoiceAllocations", first + " 600,00\n" + second + " : 400.00 €"));

        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(paymentsOf(first)).containsExactly(new BigDecimal("600.00"));
        assertThat(paymentsOf(second)).containsExactly(new BigDecimal("400.00"));
        Map<String, Object> matched = entry(unmatched);
        assertThat(matched).containsEntry("status", "MATCHED").containsEntry("unapplied", new BigDecimal("0.00"));
        assertThat(matched.get("debtor_id")).isNotNull();
        assertThat((String) matched.get("explanation")).contains("Rapproché par agent le ",
                first + " 600.00", second + " 400.00");
        assertThat((String) matched.get("allocations")).contains(first, second, "RELEVE-");
        // The dossier's ladder sees the payments, as for an import or the API: settled, it closes.
        driver.runDueJobs(dossier.getId());
        assertThat(dossier).isEnded().hasPassed("PaiementRecu", "CloreDossierSolde");
        assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(ReconciliationTasks.businessKey(unmatched)).singleResult().getEndTime())
                .isNotNull();
    }

    @Test
    void anAllocationTheLedgerCannotTakeIsRefusedWithItsReasonAndNothingWritten() {
        String invoice = LedgerFixtures.newNumber("RAP");
        fixtures.registerB2b(invoice, siren, "2026-11-20", "5000.00");
        String otherDebtors = LedgerFixtures.newNumber("RAP");
        fixtures.registerB2b(otherDebtors, LedgerFixtures.newSiren(), "2026-11-20", "100.00");
        // Performed on 30/06/2021: prescribed on 30/06/2026 (5 years between professionals, C. com. L110-4).
        String prescribed = LedgerFixtures.newNumber("RAP");
        fixtures.register(prescribed, "2021-06-30", "2021-06-30", "100.00", LedgerFixtures.company(siren, "PME"));
        importUnmatched("1500.00");
        long unmatched = entryIds().get(0);
        Task task = taskOf(unmatched);
        Map<String, Object> before = entry(unmatched);

        // 1,600.00 asked of a 1,500.00 transfer.
        ResponseEntity<String> over = submit(task, Map.of("reconciliation", "FACTURES",
                "invoiceAllocations", invoice + " 1600,00"));
        ResponseEntity<String> unknown = submit(task, Map.of("reconciliation", "FACTURES",
                "invoiceAllocations", "INCONNUE-" + run + " 100,00"));
        ResponseEntity<String> twoDebtors = submit(task, Map.of("reconciliation", "FACTURES",
                "invoiceAllocations", invoice + " 100,00\n" + otherDebtors + " 100,00"));
        ResponseEntity<String> old = submit(task, Map.of("reconciliation", "FACTURES",
                "invoiceAllocations", prescribed + " 100,00"));

        // The engine's answer to a refusal from the process: its error shape, whose message Tasklist shows.
        assertThat(over.getStatusCode()).as(over.getBody()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(over.getBody()).contains("Les imputations (1" + NBSP + "600,00" + NBSP + "€) dépassent le montant"
                + " restant à imputer (1" + NBSP + "500,00" + NBSP + "€)");
        assertThat(unknown.getBody()).contains("La facture « INCONNUE-" + run + " » n'existe pas.");
        assertThat(twoDebtors.getBody()).contains("La facture " + otherDebtors + " est celle d'un autre débiteur");
        assertThat(old.getBody()).contains("La facture " + prescribed + " est prescrite : rien n'y est imputé");
        // Nothing written: no payment, the transaction as it was, the task still open.
        assertThat(paymentsOf(invoice)).isEmpty();
        assertThat(paymentsOf(otherDebtors)).isEmpty();
        assertThat(paymentsOf(prescribed)).isEmpty();
        assertThat(entry(unmatched)).isEqualTo(before);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();

        // Within the amount: paid, and the 1,500.00 − 1,000.00 = 500.00 left is the debtor's credit.
        ResponseEntity<String> done = submit(task, Map.of("reconciliation", "FACTURES",
                "invoiceAllocations", invoice + " 1000"));
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(paymentsOf(invoice)).containsExactly(new BigDecimal("1000.00"));
        assertThat(entry(unmatched)).containsEntry("status", "MATCHED")
                .containsEntry("unapplied", new BigDecimal("500.00"));
    }

    @Test
    void aDebtorTakesTheTransferByArticle1342_10AndATransferThatIsNoCustomersIsSetAside() {
        String older = LedgerFixtures.newNumber("RAP");
        String newer = LedgerFixtures.newNumber("RAP");
        fixtures.registerB2b(older, siren, "2026-10-15", "300.00");
        fixtures.registerB2b(newer, siren, "2026-11-15", "300.00");
        importUnmatched("450.00");
        List<Long> ids = entryIds();
        long unmatched = ids.get(0);
        long review = ids.get(1);
        assertThat(entry(review)).containsEntry("status", "REVIEW");

        ResponseEntity<String> toDebtor = submit(taskOf(unmatched), Map.of("reconciliation", "DEBITEUR",
                "payingDebtor", siren.substring(0, 3) + " " + siren.substring(3)));

        // Both due and neither yet bearing a different interest: the oldest first, 300.00, then 150.00 on the newer.
        assertThat(toDebtor.getStatusCode()).as(toDebtor.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(paymentsOf(older)).containsExactly(new BigDecimal("300.00"));
        assertThat(paymentsOf(newer)).containsExactly(new BigDecimal("150.00"));
        assertThat((String) entry(unmatched).get("explanation")).contains("(C. civ. art. 1342-10)");

        // Its twin is no second payment: the agent says why, and it counts in no debtor's credit.
        Task twin = taskOf(review);
        ResponseEntity<String> withoutReason = submit(twin, Map.of("reconciliation", "PAS_CLIENT"));
        assertThat(withoutReason.getBody()).contains("Dites pourquoi ce n'est pas un paiement client");
        ResponseEntity<String> dismissed = submit(twin, Map.of("reconciliation", "PAS_CLIENT",
                "notCustomerReason", "Doublon de la banque, annulé par elle le lendemain"));

        assertThat(dismissed.getStatusCode()).as(dismissed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> setAside = entry(review);
        assertThat(setAside).containsEntry("status", "NOT_CUSTOMER").containsEntry("debtor_id", null)
                .containsEntry("unapplied", new BigDecimal("0.00"));
        assertThat((String) setAside.get("explanation")).contains("pas un paiement client. Doublon de la banque");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ReconciliationTasks.businessKey(review))
                .count()).isZero();
    }

    @Test
    void aTransferTheBankTakesBackBeforeAnAgentMatchedItTakesItsTaskAway() {
        importUnmatched("275.00");
        long unmatched = entryIds().get(0);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ReconciliationTasks.businessKey(unmatched))
                .count()).isOne();

        // The bank returns it: no end-to-end id, so the same amount and remittance text find it.
        JsonNode report = post("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s-STMT-RV</MsgId><CreDtTm>2026-11-23T22:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s-RV</Id>
                      <CreDtTm>2026-11-23T22:00:00</CreDtTm>
                      <Acct><Id><IBAN>FR7630004005500001012345690</IBAN></Id></Acct>
                      <Ntry>
                        <Amt Ccy="EUR">275.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts>BOOK</Sts>
                        <BookgDt><Dt>2026-11-23</Dt></BookgDt>
                        <AcctSvcrRef>%1$s-RV1</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls><RmtInf><Ustrd>Virement %1$s</Ustrd></RmtInf></TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>""".formatted(run));

        assertThat(report.get("reversals").asInt()).isOne();
        assertThat(entry(unmatched)).containsEntry("status", "REVERSED");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ReconciliationTasks.businessKey(unmatched))
                .count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(ReconciliationTasks.businessKey(unmatched)).singleResult()
                .getDeleteReason()).contains("extourné");
    }
}
