package fr.recouvrement.registry;

import static fr.recouvrement.registry.FakePublicData.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.communication.MailTest;
import fr.recouvrement.money.Euros;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Goods sold with a retention of title, in the debtor's redressement judiciaire (docs/droit-francais.md §8): judgment
 * of 3 November 2026, published at BODACC on 12 November; today is Tuesday 24 November 2026. Three invoices due on 25
 * October: {@code goods} (retention of title, performed before the judgment, 500.00 of its 2,000.00 paid),
 * {@code service} (no clause, before the judgment) and {@code later} (retention of title, performed after the
 * judgment: claimed as usual, nothing to claim back).
 */
class RetentionOfTitleTest extends MailTest {

    private final String goods = newInvoice();
    private final String service = newInvoice();
    private final String later = newInvoice();
    private ProcessInstance dossier;

    @BeforeEach
    void openingJudgmentPublished() {
        FakePublicData.bodacc(siren, ok(FakePublicData.openingJudgment(siren,
                "Jugement d'ouverture d'une procédure de redressement judiciaire", "2026-11-03", "2026-11-12")));
        String debtor = b2bDebtor("Négoce Sous Réserve", "PME");
        post(goods, "2000.00", "2026-09-25", "true", debtor);
        post(service, "800.00", "2026-09-25", null, debtor);
        post(later, "600.00", "2026-11-05", "\"oui\"", debtor);
        fixtures.pay(goods, "VIR-ACOMPTE", "500.00", LocalDate.of(2026, 10, 30));
        for (String number : new String[] {goods, service, later}) {
            driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult()
                    .getId());
        }
        dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey("D-" + siren + "-001").singleResult();
        driver.runDueJobs(dossier.getId());
    }

    /** POST /api/invoices; {@code retentionOfTitle} as the JSON value sent, or left out when null. */
    private void post(String number, String amount, String performedOn, String retentionOfTitle, String debtor) {
        String body = """
                {"number": "%s", "issueDate": "2026-09-25", "dueDate": "2026-10-25", "performanceDate": "%s",
                 "amount": "%s", "currency": "EUR", %s "debtor": %s}""".formatted(number, performedOn, amount,
                retentionOfTitle == null ? "" : "\"retentionOfTitle\": " + retentionOfTitle + ",", debtor);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth("agent", "agent")
                .postForEntity("/api/invoices", new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode invoice(String number) {
        return http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + number, JsonNode.class);
    }

    @Test
    void theLegalTeamClaimsTheGoodsBackWithinThreeMonthsBesideTheDeclarationAndTheOutcomeJoinsTheTimeline() {
        assertThat(invoice(goods).get("retentionOfTitle").asBoolean()).isTrue();
        assertThat(invoice(service).get("retentionOfTitle").asBoolean()).isFalse();
        assertThat(invoice(later).get("retentionOfTitle").asBoolean()).isTrue();
        assertThat(invoice(later).get("insolvencyClaim").asText()).isEqualTo("POSTERIEURE");

        // Both tasks of the legal team at once; the reclaim lists the invoice before the judgment still owed only:
        // 2,000.00 − 500.00 = 1,500.00.
        assertThat(dossier).isWaitingAt("DeclarerCreance", "RevendiquerBiens");
        Task reclaim = task("RevendiquerBiens", dossier);
        assertThat(reclaim).hasCandidateGroup("juridique");
        // Published 12 November 2026 + 3 months (L624-9): 12 February 2027, 09:00 in Paris.
        assertThat(reclaim.getDueDate().toInstant()).isEqualTo(LocalDate.of(2027, 2, 12).atTime(9, 0)
                .atZone(ZoneId.of("Europe/Paris")).toInstant());
        assertThat(runtime.getVariables(dossier.getId()))
                .containsEntry("goodsToReclaimText", goods + " (reste dû " + Euros.format(new BigDecimal("1500.00"))
                        + ")")
                .containsEntry("reclaimDueText", "12/02/2027");

        // A sending date before the judgment, or still to come, is refused in French; nothing is recorded.
        tasks.claim(reclaim.getId(), "juriste");
        Map<String, Object> outcome = new HashMap<>(Map.of("reclaimSent", true, "goodsRecovered", true,
                "reclaimComment", "Biens identifiés en stock par l'administrateur."));
        for (String[] refusal : new String[][] {
                {"02/11/2026", "La date d'envoi de la revendication, 02/11/2026, précède le jugement d'ouverture : au"
                        + " plus tôt le 03/11/2026."},
                {"25/11/2026", "La date d'envoi de la revendication, 25/11/2026, est dans le futur : au plus tard"
                        + " aujourd'hui, 24/11/2026."},
                {"31/11/2026", "« 31/11/2026 » n'est pas une date : écrivez-la jj/mm/aaaa"}}) {
            outcome.put("reclaimSentOn", refusal[0]);
            assertThatThrownBy(() -> tasks.complete(reclaim.getId(), outcome))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining(refusal[1]);
        }
        assertThat(events(goods)).isEmpty();

        outcome.put("reclaimSentOn", "20/11/2026");
        tasks.complete(reclaim.getId(), outcome);

        String line = "Revendication des biens vendus avec réserve de propriété (" + goods + " (reste dû "
                + Euros.format(new BigDecimal("1500.00")) + ")) : adressée le 20/11/2026 ; biens récupérés."
                + " Biens identifiés en stock par l'administrateur.";
        assertThat(events(goods)).singleElement().satisfies(event -> {
            assertThat(event.get("type").asText()).isEqualTo("NOTE");
            assertThat(event.get("text").asText()).isEqualTo(line);
            assertThat(event.get("createdBy").asText()).isEqualTo("juriste");
        });
        assertThat(dossier).isWaitingAt("DeclarerCreance").hasPassed("BiensRevendiques");

        // The declaration left undone: the next task of the legal team shows the reclaim in the dossier's timeline.
        tasks.complete(task("DeclarerCreance", dossier).getId(), Map.of("claimDeclared", false));
        SpinJsonNode atHand = (SpinJsonNode) tasks.getVariableLocal(task("DemanderReleveForclusion", dossier).getId(),
                "dossierAtHand");
        assertThat(atHand.prop("timeline").elements()).anySatisfy(entry -> assertThat(entry.prop("what")
                .stringValue()).isEqualTo("Note : " + line + " — juriste"));
    }

    private Iterable<JsonNode> events(String number) {
        return http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + number + "/events",
                JsonNode.class);
    }
}
