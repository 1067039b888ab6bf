package fr.recouvrement.writeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A manager writes a dossier off: the loss excluding VAT and the VAT to recover, per invoice (droit-francais §11). */
class WriteOffTest extends LedgerTest {

    @Autowired
    HistoryService history;

    private ResponseEntity<String> register(String number, String amount, String vat) {
        String body = """
                {"number": "%s", "issueDate": "2026-10-17", "dueDate": "2026-11-16", "performanceDate": "2026-10-17",
                 "amount": "%s", "currency": "EUR", %s"debtor": %s}""".formatted(number, amount, vat,
                LedgerFixtures.company(siren, "GRAND_COMPTE"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("agent", "agent").postForEntity("/api/invoices", new HttpEntity<>(body, headers),
                String.class);
    }

    @Test
    void theWriteOffSplitsEachBalanceIntoLossAndRecoverableVat() {
        String normal = LedgerFixtures.newNumber("WO");
        String partlyPaid = LedgerFixtures.newNumber("WO");
        String reduced = LedgerFixtures.newNumber("WO");
        String onReceipt = LedgerFixtures.newNumber("WO");
        List<ResponseEntity<String>> created = List.of(
                register(normal, "1200.00", ""),
                register(partlyPaid, "1200.00", "\"vatRate\": 20, "),
                register(reduced, "1055.00", "\"vatRate\": \"5.5\", "),
                register(onReceipt, "1200.00", "\"vatOnReceipt\": true, "));
        assertThat(created).allSatisfy(r -> assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED));
        for (String invoice : List.of(normal, partlyPaid, reduced, onReceipt)) {
            driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult()
                    .getId());
        }
        String number = "D-" + siren + "-001";
        ProcessInstance dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey(number).singleResult();
        driver.runDueJobs(dossier.getId());
        fixtures.pay(partlyPaid, "VIR-" + partlyPaid, "450.00", LocalDate.of(2026, 11, 24));
        // A large account: three relances, then the notice asks for a manager's approval, refused here.
        driver.at(LocalDateTime.of(2026, 12, 1, 9, 0), dossier.getId());
        driver.at(LocalDateTime.of(2026, 12, 16, 9, 0), dossier.getId());
        complete(task("ValiderMiseEnDemeure", dossier), withVariables("approval", "REFUSEE"));
        complete(task("DeciderDossier", dossier), withVariables("decision", "PASSAGE_EN_PERTE",
                "comment", "Liquidation clôturée pour insuffisance d'actif"));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded().hasPassed("ClosParDecision");
        // 1,200.00 + 750.00 + 1,055.00 + 1,200.00 = 4,205.00 TTC; excluding VAT 1,000.00 + 625.00 + 1,000.00 + 1,000.00
        // = 3,625.00; VAT recoverable 200.00 + 125.00 + 55.00 + 0.00 = 380.00.
        assertThat(outcome(dossier)).isEqualTo("Passage en perte de 4\u00A0205,00\u00A0€ TTC : perte"
                + " 3\u00A0625,00\u00A0€ HT, TVA récupérable 380,00\u00A0€.");
        JsonNode view = http.withBasicAuth("manager", "manager").getForObject("/api/dossiers/" + number, JsonNode.class);
        assertThat(view.get("closingReason").asText()).isEqualTo("PASSAGE_EN_PERTE");
        JsonNode writeOff = view.get("writeOff");
        assertThat(writeOff.get("balance").asText()).isEqualTo("4205.00");
        assertThat(writeOff.get("amountExcludingVat").asText()).isEqualTo("3625.00");
        assertThat(writeOff.get("vatRecoverable").asText()).isEqualTo("380.00");
        assertThat(writeOff.get("vatRecovery").asText()).contains("facture rectificative", "272-1",
                "insuffisance d'actif", "certificat d'irrécouvrabilité");
        assertThat(writeOff.get("invoices")).extracting(line -> line.get("invoice").asText() + " "
                        + line.get("balance").asText() + " " + line.get("vatRate").asText() + " "
                        + line.get("amountExcludingVat").asText() + " " + line.get("vatRecoverable").asText())
                .containsExactlyInAnyOrder(normal + " 1200.00 20.00 1000.00 200.00",
                        partlyPaid + " 750.00 20.00 625.00 125.00", reduced + " 1055.00 5.50 1000.00 55.00",
                        onReceipt + " 1200.00 20.00 1000.00 0.00");
        assertThat(view.get("invoices")).anySatisfy(invoice -> {
            assertThat(invoice.get("number").asText()).isEqualTo(onReceipt);
            assertThat(invoice.get("vatOnReceipt").asBoolean()).isTrue();
        });
    }

    @Test
    void aVatRateOutOfRangeIsRefusedAndNothingStored() {
        String number = LedgerFixtures.newNumber("WO");
        ResponseEntity<String> refused = register(number, "100.00", "\"vatRate\": \"120\", \"vatOnReceipt\": \"oui\", ");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody()).contains("vatRate", "Le taux de TVA est un pourcentage de 0 à 100",
                "vatOnReceipt");
        assertThat(jdbc.queryForObject("select count(*) from recouvrement.invoice where number = ?", Integer.class,
                number)).isZero();
    }

    private String outcome(ProcessInstance dossier) {
        return (String) history.createHistoricVariableInstanceQuery().processInstanceId(dossier.getId())
                .variableName("writeOffOutcome").singleResult().getValue();
    }
}
