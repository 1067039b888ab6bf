package fr.recouvrement.debtor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A new segment is a DMN change only (docs/architecture.md §3): deployed as an analyst deploys from Camunda Modeler, it
 * is accepted by the API at once and routes the scenario; the ledger no longer lists the segments.
 */
class SegmentCatalogueTest extends LedgerTest {

    /** A rule for a segment the shipped table does not know, with a pre-due delay no shipped rule has (10, not 7). */
    private static final String ADMINISTRATION_RULE = """
            <rule id="r-adm-b2b">
              <description>Administration : rappel dix jours avant l'échéance</description>
              <inputEntry id="r-adm-b2b-in0"><text>"ADMINISTRATION"</text></inputEntry>
              <inputEntry id="r-adm-b2b-in1"><text>"B2B"</text></inputEntry>
              <inputEntry id="r-adm-b2b-in2"><text></text></inputEntry>
              <outputEntry id="r-adm-b2b-out0"><text>10</text></outputEntry>
              <outputEntry id="r-adm-b2b-out1"><text>1</text></outputEntry>
              <outputEntry id="r-adm-b2b-out2"><text>7</text></outputEntry>
              <outputEntry id="r-adm-b2b-out3"><text>15</text></outputEntry>
              <outputEntry id="r-adm-b2b-out4"><text>30</text></outputEntry>
              <outputEntry id="r-adm-b2b-out5"><text>3</text></outputEntry>
              <outputEntry id="r-adm-b2b-out6"><text>45</text></outputEntry>
              <outputEntry id="r-adm-b2b-out7"><text>15</text></outputEntry>
              <outputEntry id="r-adm-b2b-out8"><text>true</text></outputEntry>
              <outputEntry id="r-adm-b2b-out9"><text>7</text></outputEntry>
              <outputEntry id="r-adm-b2b-out10"><text>5</text></outputEntry>
              <outputEntry id="r-adm-b2b-out11"><text>2</text></outputEntry>
              <outputEntry id="r-adm-b2b-out12"><text>"EMAIL"</text></outputEntry>
              <outputEntry id="r-adm-b2b-out13"><text>"EMAIL"</text></outputEntry>
              <outputEntry id="r-adm-b2b-out14"><text>"LETTER"</text></outputEntry>
              <outputEntry id="r-adm-b2b-out15"><text>3</text></outputEntry>
            </rule>
            """;

    @Test
    void aSegmentAddedToTheDeployedScenarioIsAcceptedAtOnceAndDecidesTheFollowUp() throws IOException {
        String refused = LedgerFixtures.newNumber("SEG");
        assertThat(post(refused, "ADMINISTRATION").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        String deployment = deployScenarioWith(ADMINISTRATION_RULE);
        try {
            String invoice = LedgerFixtures.newNumber("SEG");
            ResponseEntity<JsonNode> created = post(invoice, "ADMINISTRATION");

            assertThat(created.getStatusCode()).as(created.getBody().toString()).isEqualTo(HttpStatus.CREATED);
            assertThat(created.getBody().at("/debtor/segment").asText()).isEqualTo("ADMINISTRATION");
            assertThat(jdbc.queryForObject("select segment from recouvrement.debtor where siren = ?", String.class,
                    siren)).isEqualTo("ADMINISTRATION");

            ProcessInstance followUp = runtime.createProcessInstanceQuery().processDefinitionKey("suivi-facture")
                    .processInstanceBusinessKey(invoice).singleResult();
            driver.runDueJobs(followUp.getId());

            assertThat(runtime.getVariable(followUp.getId(), "segment")).isEqualTo("ADMINISTRATION");
            assertThat(followUp).isWaitingAt("DateDuRappel");
            // Due Friday 18 December: the new rule's 10 days give Tuesday 8 December (7 would give Friday 11).
            assertThat(driver.timerDue(followUp.getId(), "DateDuRappel"))
                    .isEqualTo(LocalDateTime.of(2026, 12, 8, 9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        } finally {
            ResponseEntity<String> deleted = http.withBasicAuth("demo", "demo").exchange(
                    "/engine-rest/deployment/" + deployment + "?cascade=true", HttpMethod.DELETE, null, String.class);
            assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }

        // The shipped table is the latest again, and with it the shipped segments.
        ResponseEntity<JsonNode> afterwards = post(LedgerFixtures.newNumber("SEG"), "ADMINISTRATION");
        assertThat(afterwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(afterwards.getBody().at("/errors/0/message").asText())
                .endsWith("FIDELE, GRAND_COMPTE, MAUVAIS_PAYEUR, PME.");
    }

    @Test
    void theLedgerNoLongerListsTheSegments() {
        assertThat(jdbc.queryForList("""
                select conname from pg_constraint where conrelid = 'recouvrement.debtor'::regclass and contype = 'c'
                and pg_get_constraintdef(oid) like '%segment%'""", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("""
                select character_maximum_length from information_schema.columns
                where table_schema = 'recouvrement' and table_name = 'debtor' and column_name = 'segment'""",
                Integer.class)).isEqualTo(SegmentColumn.MAX_LENGTH);
    }

    private ResponseEntity<JsonNode> post(String number, String segment) {
        String body = """
                {"number": "%s", "issueDate": "2026-11-18", "dueDate": "2026-12-18", "amount": "2400.00",
                 "currency": "EUR",
                 "debtor": {"name": "Mairie de Saint-Ouen", "siren": "%s", "type": "B2B", "segment": "%s",
                            "email": "finances@example.fr",
                            "address": {"line1": "Place de la République", "postalCode": "93400",
                                        "city": "Saint-Ouen", "country": "FR"}}}""".formatted(number, siren, segment);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("agent", "agent").postForEntity("/api/invoices", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    /** Deploys a copy of bpmn/scenario-recouvrement.dmn with one more rule, as Camunda Modeler does; its id. */
    private String deployScenarioWith(String rule) throws IOException {
        String shipped = Files.readString(Path.of("bpmn/scenario-recouvrement.dmn"));
        byte[] changed = shipped.replace("</decisionTable>", rule + "</decisionTable>")
                .getBytes(StandardCharsets.UTF_8);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "modeler-segment-administration");
        form.add("data", new ByteArrayResource(changed) {
            @Override
            public String getFilename() {
                return "scenario-recouvrement.dmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> deployed = http.withBasicAuth("demo", "demo").postForEntity(
                "/engine-rest/deployment/create", new HttpEntity<>(form, headers), JsonNode.class);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(deployed.getBody().at("/deployedDecisionDefinitions").size()).isEqualTo(1);
        return deployed.getBody().get("id").asText();
    }
}
