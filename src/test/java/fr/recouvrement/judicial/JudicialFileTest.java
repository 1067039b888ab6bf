package fr.recouvrement.judicial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.communication.MailTest;
import fr.recouvrement.letters.PdfPrinter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The judicial dossier the legal team receives when the notice's deadline passed unpaid. */
class JudicialFileTest extends MailTest {

    @Autowired
    HistoryService history;

    @Test
    void theLegalTeamGetsAPdfWithTheClaimEveryCommunicationAndTheNoticesProof() {
        String invoice = newInvoice();
        // A chronic late payer, 30 days late: the notice goes now (relances 1 and 2 recorded as skipped).
        ProcessInstance dossier = openDossier(b2bDebtor("Mauvais Payeur Industries", "MAUVAIS_PAYEUR"), "2026-10-25",
                invoice, "3200.00");
        String number = dossierNumber(dossier);
        ResponseEntity<String> before = http.withBasicAuth("juriste", "juriste")
                .getForEntity("/api/dossiers/" + number + "/judicial-file", String.class);
        assertThat(before.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        pastTheNoticeDeadline(dossier, "1A 987 654 321 09");

        assertThat(dossier).isWaitingAt("TransmettreJuridique").hasPassed("ConstituerDossierJudiciaire");
        String url = (String) runtime.getVariable(dossier.getId(), "judicialFileUrl");
        assertThat(url).isEqualTo("/api/dossiers/" + number + "/judicial-file");
        ResponseEntity<byte[]> pdf = http.withBasicAuth("juriste", "juriste").getForEntity(url, byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);

        String file = pdfText(keep("dossier-judiciaire", pdf.getBody()));
        assertThat(file).contains("DOSSIER JUDICIAIRE " + number,
                "Voies retenues", "Procédure simplifiée de recouvrement des petites créances",
                "Commissaire de justice, sans juridiction (CPCE L125-1) ; sans accord : injonction de payer devant le"
                        + " tribunal des activités économiques (anciennement tribunal de commerce) du siège du débiteur"
                        + " (75002 Paris)",
                "Mauvais Payeur Industries", "Professionnel (B2B)", "12 RUE DE LA PAIX, 75002 PARIS",
                invoice, "3 200,00 €", "Indemnité forfaitaire pour frais de recouvrement 40,00 €",
                "Envoyée en LRAR le 24/11/2026", "Numéro de suivi 1A 987 654 321 09",
                "Reçue le 26/11/2026 (date de l'AR ou de la première présentation)",
                // Every communication: the two relances skipped by the late entry, the notice sent.
                "24/11/2026 Relance 1 E-mail Non envoyé", "24/11/2026 Relance 2 E-mail Non envoyé",
                "24/11/2026 Mise en demeure Lettre recommandée Envoyé Mauvais Payeur");
    }

    private ResponseEntity<String> postJson(String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("agent", "agent").postForEntity(url, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void theFileHoldsWhatAnInjonctionDePayerRequestNeedsAsPdfAndJson() throws Exception {
        String first = newInvoice();
        String second = newInvoice();
        String debtorJson = b2bDebtor("Grossiste Récalcitrant", "MAUVAIS_PAYEUR");
        fixtures.register(first, "2026-10-25", "4000.00", debtorJson);
        fixtures.register(second, "2026-10-25", "2500.00", debtorJson);
        // 500.00 received on the second before the dossier opened: 6,000.00 principal left, above 5,000 EUR.
        fixtures.pay(second, "VIR-" + second, "500.00", LocalDate.of(2026, 11, 2));
        HttpHeaders pdfHeaders = new HttpHeaders();
        pdfHeaders.setContentType(MediaType.APPLICATION_PDF);
        byte[] invoiceCopy = new PdfPrinter().print("<html><body><p>Facture " + first + "</p></body></html>");
        assertThat(http.withBasicAuth("agent", "agent").postForEntity("/api/invoices/" + first + "/document",
                new HttpEntity<>(invoiceCopy, pdfHeaders), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String invoice : List.of(first, second)) {
            driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult()
                    .getId());
        }
        String number = jdbc.queryForObject("""
                select d.number from recouvrement.dossier d join recouvrement.invoice i on i.dossier_id = d.id
                where i.number = ?""", String.class, first);
        ProcessInstance dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey(number).singleResult();
        driver.runDueJobs(dossier.getId());
        assertThat(postJson("/api/invoices/" + first + "/events", """
                {"type": "CALL", "text": "Conteste sans motif", "call": {"calledAt": "2026-11-23T10:15",
                 "phone": "01 23 45 67 89", "answeredBy": "M. Martin", "answererRole": "comptable",
                 "outcome": "REFUS"}}""").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(postJson("/api/invoices/" + second + "/events",
                "{\"type\": \"NOTE\", \"text\": \"Kbis demandé au greffe\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
        upload.add("file", new ByteArrayResource(invoiceCopy) {
            @Override
            public String getFilename() {
                return "bon-de-commande.pdf";
            }
        });
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(http.withBasicAuth("agent", "agent").postForEntity("/api/dossiers/" + number + "/documents",
                new HttpEntity<>(upload, multipart), String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        pastTheNoticeDeadline(dossier, "1A 987 654 321 11");
        assertThat(runtime.getVariable(dossier.getId(), "route")).isEqualTo("INJONCTION_DE_PAYER");

        String url = "/api/dossiers/" + number + "/judicial-file";
        HttpHeaders acceptJson = new HttpHeaders();
        acceptJson.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<JsonNode> negotiated = http.withBasicAuth("juriste", "juriste")
                .exchange(url, HttpMethod.GET, new HttpEntity<>(acceptJson), JsonNode.class);
        assertThat(negotiated.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode file = http.withBasicAuth("juriste", "juriste").getForObject(url + ".json", JsonNode.class);
        assertThat(file).isEqualTo(negotiated.getBody());

        assertThat(file.get("format").asText()).isEqualTo("recouvrement/dossier-judiciaire/1");
        assertThat(file.get("dossier").asText()).isEqualTo(number);
        JsonNode route = file.get("routes").get(0);
        assertThat(file.get("routes")).hasSize(1);
        assertThat(route.get("route").asText()).isEqualTo("INJONCTION_DE_PAYER");
        assertThat(route.get("invoices")).extracting(JsonNode::asText).containsExactly(first, second);
        assertThat(route.get("court").get("kind").asText()).isEqualTo("TRIBUNAL_ACTIVITES_ECONOMIQUES");
        assertThat(route.get("disputed").asBoolean()).isFalse();
        assertThat(route.get("priorAttemptRequired").asBoolean()).isFalse();
        assertThat(route.get("form").get("cerfa").asText()).isEqualTo("12946");
        JsonNode creditor = file.get("creditor");
        assertThat(creditor.get("siren").asText()).matches("\\d{9}");
        assertThat(creditor.get("representative").get("name").asText()).isNotBlank();
        assertThat(creditor.get("seatSource").asText()).isEqualTo("CONFIGURATION");
        JsonNode debtor = file.get("debtor");
        assertThat(debtor.get("name").asText()).isEqualTo("Grossiste Récalcitrant");
        assertThat(debtor.get("type").asText()).isEqualTo("B2B");
        assertThat(debtor.get("siren").asText()).isEqualTo(siren);
        assertThat(debtor.get("seat").get("city").asText()).isEqualToIgnoringCase("Paris");
        // From the registry's answer (FakePublicData): nature_juridique 5710, its president after its auditor.
        assertThat(debtor.get("legalForm").asText()).isEqualTo("Société par actions simplifiée (SAS)");
        assertThat(debtor.get("legalFormCode").asText()).isEqualTo("5710");
        assertThat(debtor.get("representative").get("name").asText()).isEqualTo("Jeanne Marie DURAND");
        assertThat(debtor.get("representative").get("title").asText()).isEqualTo("Président");
        assertThat(creditor.get("legalFormCode").isNull()).isTrue();
        JsonNode claim = file.get("claim");
        assertThat(claim.get("basis").asText()).contains("1231-6", "L441-10");
        assertThat(claim.get("principal").asText()).isEqualTo("6000.00");
        // Two invoices between professionals: 2 × 40.00 indemnity.
        assertThat(claim.get("indemnity").asText()).isEqualTo("80.00");
        assertThat(new BigDecimal(claim.get("total").asText())).isEqualByComparingTo(
                new BigDecimal("6080.00").add(new BigDecimal(claim.get("penalties").asText())));
        JsonNode firstInvoice = file.get("invoices").get(0);
        assertThat(firstInvoice.get("number").asText()).isEqualTo(first);
        assertThat(firstInvoice.get("balance").asText()).isEqualTo("4000.00");
        assertThat(firstInvoice.get("vatRate").asText()).isEqualTo("20.00");
        assertThat(firstInvoice.get("documentUrl").asText()).isEqualTo("/api/invoices/" + first + "/document");
        JsonNode period = firstInvoice.get("penaltyPeriods").get(0);
        assertThat(period.get("from").asText()).isEqualTo("2026-10-26");
        assertThat(period.get("balance").asText()).isEqualTo("4000.00");
        BigDecimal periodsSum = BigDecimal.ZERO;
        for (JsonNode p : firstInvoice.get("penaltyPeriods")) {
            periodsSum = periodsSum.add(new BigDecimal(p.get("amount").asText()));
        }
        assertThat(periodsSum).isCloseTo(new BigDecimal(firstInvoice.get("penalties").asText()),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
        assertThat(file.get("invoices").get(1).get("paid").asText()).isEqualTo("500.00");
        assertThat(file.get("payments")).hasSize(1);
        assertThat(file.get("payments").get(0).get("invoice").asText()).isEqualTo(second);
        assertThat(file.get("payments").get(0).get("date").asText()).isEqualTo("2026-11-02");
        assertThat(file.get("payments").get(0).get("amount").asText()).isEqualTo("500.00");
        JsonNode notice = null;
        for (JsonNode letter : file.get("letters")) {
            if ("MISE_EN_DEMEURE".equals(letter.get("step").asText())) {
                notice = letter;
            }
        }
        assertThat(notice).isNotNull();
        assertThat(notice.get("channel").asText()).isEqualTo("LRAR");
        assertThat(notice.get("trackingNumber").asText()).isEqualTo("1A 987 654 321 11");
        assertThat(notice.get("receivedOn").asText()).isEqualTo("2026-11-26");
        assertThat(notice.get("pdfUrl").asText()).startsWith("/api/dossiers/" + number + "/communications/");
        assertThat(file.get("callNotes")).extracting(n -> n.get("type").asText() + " " + n.get("invoice").asText())
                .containsExactly("CALL " + first, "NOTE " + second);
        assertThat(file.get("callNotes").get(0).get("outcome").asText()).isEqualTo("refus de payer");
        assertThat(file.get("callNotes").get(0).get("answeredBy").asText()).isEqualTo("M. Martin");
        assertThat(http.withBasicAuth("juriste", "juriste").getForObject(firstInvoice.get("documentUrl").asText(),
                byte[].class)).isEqualTo(invoiceCopy);
        assertThat(file.get("documents")).extracting(d -> d.get("kind").asText() + " " + d.get("name").asText())
                .containsExactly("FACTURE Facture " + first, "DOCUMENT_DOSSIER bon-de-commande.pdf");

        byte[] pdf = http.withBasicAuth("juriste", "juriste").getForObject(url, byte[].class);
        String text = pdfText(keep("dossier-judiciaire-injonction", pdf));
        assertThat(text).contains("Voie Injonction de payer",
                "Formulaire Cerfa n° 12946, Requête en injonction de payer devant le tribunal de commerce",
                "Créancier (demandeur)", "Représentant", "Débiteur (défendeur)", "Grossiste Récalcitrant",
                "Forme juridique Société par actions simplifiée (SAS) (selon le registre des entreprises)",
                "Représentant légal Jeanne Marie DURAND, Président (selon le registre des entreprises)",
                "Fondement de la créance", "L441-10",
                "Période de retard", "du 26/10/2026 au", "Paiements reçus", "02/11/2026", "VIR-" + second,
                "Appels et notes", "répondant : M. Martin", "refus de payer", "Kbis demandé au greffe",
                "Pièces", "Copie de facture : Facture " + first, "bon-de-commande.pdf",
                "Numéro de suivi 1A 987 654 321 11");
    }

    @Test
    void aSmallClaimWithoutAgreementWithinAMonthGoesToTheInjonctionDePayerWithItsFileRebuilt() {
        String invoice = newInvoice();
        ProcessInstance dossier = atTheDeadline(b2bDebtor("Mauvais Payeur Industries", "MAUVAIS_PAYEUR"), false, invoice,
                "3200.00");
        complete(task("TransmettreJuridique", dossier), withVariables("routeConfirmed", true));
        driver.runDueJobs(dossier.getId());
        assertThat(dossier).isWaitingAt("SuivrePetitesCreances").hasNotPassed("TenterReglementAmiable");

        // The debtor did not answer the commissaire de justice within the month (CPCE R125-5).
        clock.set(driver.timerDue(dossier.getId(), "MoisSansAccord"));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded().hasPassed("PasserInjonctionDePayer", "TransmisAuJuridique");
        assertThat(jdbc.queryForObject("select closing_reason from recouvrement.dossier where number = ?",
                String.class, dossierNumber(dossier))).isEqualTo("INJONCTION_DE_PAYER");
        String file = judicialFileText(dossier, "dossier-judiciaire-injonction");
        assertThat(file).contains("Injonction de payer, après échec de la procédure simplifiée",
                "Tribunal des activités économiques (anciennement tribunal de commerce) du siège du débiteur (75002")
                .doesNotContain("Commissaire de justice, sans juridiction");
    }

    @Test
    void aDisputedInvoiceGoesToTrialAloneAndTheOthersByTheirOwnTotal() throws Exception {
        String disputed = newInvoice();
        String second = newInvoice();
        String third = newInvoice();
        // Undisputed 2,000 + 4,500 = 6,500 EUR (and penalties): injonction de payer, where each alone would be a small
        // claim; the disputed 1,200 EUR alone: an assignation. A trader: the commercial court, without CPC 750-1.
        ProcessInstance dossier = atTheDeadline(b2bDebtor("Négoce Contesté", "MAUVAIS_PAYEUR"), true, disputed, "1200.00",
                second, "2000.00", third, "4500.00");
        assertThat(dossier).isWaitingAt("TransmettreJuridique");

        JsonNode routes = routes(dossier);
        assertThat(routes).hasSize(2);
        assertThat(routes.get(0).path("invoices").asText()).isEqualTo(second + ", " + third);
        assertThat(routes.get(0).path("disputed").asBoolean()).isFalse();
        assertThat(routes.get(0).path("route").asText()).isEqualTo("INJONCTION_DE_PAYER");
        assertThat(routes.get(0).path("court").asText()).isEqualTo("TRIBUNAL_ACTIVITES_ECONOMIQUES");
        assertThat(new BigDecimal(routes.get(0).path("amount").asText())).isGreaterThan(new BigDecimal("6500.00"));
        assertThat(routes.get(1).path("invoices").asText()).isEqualTo(disputed);
        assertThat(routes.get(1).path("disputed").asBoolean()).isTrue();
        assertThat(routes.get(1).path("route").asText()).isEqualTo("ASSIGNATION");
        assertThat(routes.get(1).path("court").asText()).isEqualTo("TRIBUNAL_ACTIVITES_ECONOMIQUES");
        assertThat(new BigDecimal(routes.get(1).path("amount").asText())).isBetween(new BigDecimal("1200.00"),
                new BigDecimal("5000.00"));
        assertThat(routes.findValues("priorAttemptRequired")).extracting(JsonNode::asBoolean).containsOnly(false);
        // The dossier's main route, its closing reason: the first that goes to court.
        assertThat(runtime.getVariable(dossier.getId(), "route")).isEqualTo("INJONCTION_DE_PAYER");

        String file = judicialFileText(dossier, "dossier-judiciaire-voies");
        assertThat(file).contains("Voies retenues", second + ", " + third, "Injonction de payer",
                disputed + " (contestée)", "Assignation en paiement",
                "Tribunal des activités économiques (anciennement tribunal de commerce) du siège du débiteur (75002"
                        + " Paris) (Code de commerce L721-3 ; CPC 42, 43)")
                .doesNotContain("CPC 750-1");

        complete(task("TransmettreJuridique", dossier), withVariables("routeConfirmed", true));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded().hasPassed("TransmisAuJuridique")
                .hasNotPassed("TenterReglementAmiable", "SuivrePetitesCreances");
        assertThat(jdbc.queryForList("select status from recouvrement.invoice where number in (?, ?, ?)"
                + " order by number = ? desc", String.class, disputed, second, third, disputed))
                .containsExactly("DISPUTED", "JUDICIAL", "JUDICIAL");
    }

    @Test
    void aConsumersDisputedSmallClaimWaitsForTheAmicableAttemptOfCpc7501BeforeTheTribunalJudiciaire()
            throws Exception {
        String disputed = newInvoice();
        // A consumer's dossier holds one invoice; disputed, 1,200 EUR: an assignation before the tribunal judiciaire
        // of 5,000 EUR or less, which CPC 750-1 makes wait for an amicable attempt.
        ProcessInstance dossier = atTheDeadline(b2cDebtor("Jean Dupont", "MAUVAIS_PAYEUR"), true, disputed,
                "1200.00");
        JsonNode routes = routes(dossier);
        assertThat(routes).hasSize(1);
        assertThat(routes.get(0).path("route").asText()).isEqualTo("ASSIGNATION");
        assertThat(routes.get(0).path("court").asText()).isEqualTo("TRIBUNAL_JUDICIAIRE");
        assertThat(routes.get(0).path("priorAttemptRequired").asBoolean()).isTrue();
        // A consumer has no legal form nor representative.
        JsonNode debtor = http.withBasicAuth("juriste", "juriste").getForObject("/api/dossiers/"
                + dossierNumber(dossier) + "/judicial-file.json", JsonNode.class).get("debtor");
        assertThat(debtor.get("type").asText()).isEqualTo("B2C");
        assertThat(List.of(debtor.get("legalForm"), debtor.get("legalFormCode"), debtor.get("representative")))
                .allMatch(JsonNode::isNull);
        String file = judicialFileText(dossier, "dossier-judiciaire-750-1");
        assertThat(file).contains(disputed + " (contestée)",
                "Assignation en paiement",
                "Tentative préalable de conciliation, de médiation ou de procédure participative requise (CPC 750-1)",
                "Tribunal judiciaire du domicile ou du siège du débiteur (33000 Bordeaux) (CPC 42, 43)",
                // The disputed invoice is what the assignation claims: listed with its balance, not a total of 0.
                "Aucune facture non contestée", "Facture contestée", disputed + " 25/09/2026 25/10/2026 1 200,00 €")
                .doesNotContain("Forme juridique", "Représentant légal", "n'est pas incluse dans la présente",
                        "Total dû");

        complete(task("TransmettreJuridique", dossier), withVariables("routeConfirmed", true));
        driver.runDueJobs(dossier.getId());
        assertThat(task("TenterReglementAmiable", dossier)).hasCandidateGroup("juridique");
        // An exemption without its ground, a failure without its mode: refused, and nothing of them stays.
        assertThatThrownBy(() -> complete(task("TenterReglementAmiable", dossier),
                withVariables("priorAttemptOutcome", "DISPENSE")))
                .hasMessageContaining("l'un des motifs de l'article 750-1");
        assertThatThrownBy(() -> complete(task("TenterReglementAmiable", dossier),
                withVariables("priorAttemptOutcome", "ECHEC")))
                .hasMessageContaining("conciliation, médiation ou procédure participative");
        assertThat(runtime.getVariable(dossier.getId(), "priorAttemptOutcome")).isNull();
        complete(task("TenterReglementAmiable", dossier), withVariables("priorAttemptOutcome", "ECHEC",
                "priorAttemptMode", "CONCILIATION", "priorAttemptNotes", "Constat d'échec du conciliateur"));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded().hasPassedInOrder("TransmettreJuridique", "TenterReglementAmiable",
                "TransmisAuJuridique");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(dossier.getId())
                .variableName("priorAttemptOutcome").singleResult().getValue()).isEqualTo("ECHEC");
        assertThat(jdbc.queryForObject("select closing_reason from recouvrement.dossier where number = ?",
                String.class, dossierNumber(dossier))).isEqualTo("ASSIGNATION");
    }

    private JsonNode routes(ProcessInstance dossier) throws Exception {
        return new ObjectMapper().readTree(runtime.getVariableTyped(dossier.getId(), "routes").getValue().toString());
    }

    /** The judicial file's text, kept under target/letters/. */
    private String judicialFileText(ProcessInstance dossier, String name) {
        return pdfText(keep(name, http.withBasicAuth("juriste", "juriste")
                .getForEntity("/api/dossiers/" + dossierNumber(dossier) + "/judicial-file", byte[].class).getBody()))
                ;
    }

    /** The dossier of these invoices, 30 days late, its notice posted and received, at the end of its deadline. */
    private ProcessInstance atTheDeadline(String debtorJson, boolean firstDisputed, String... numbersAndAmounts) {
        ProcessInstance dossier = openDossier(debtorJson, "2026-10-25", numbersAndAmounts);
        if (firstDisputed) {
            jdbc.update("update recouvrement.invoice set status = 'DISPUTED' where number = ?", numbersAndAmounts[0]);
        }
        pastTheNoticeDeadline(dossier, "1A 987 654 321 11");
        return dossier;
    }

    @Test
    void aPublicBodyGoesToTheAdministrativeCourtByReferéProvision() {
        String invoice = newInvoice();
        // A public hospital, J = 2026-10-10: its ladder (three relances, approved notice at J+45) is due today.
        ProcessInstance dossier = openDossier(b2bDebtor("Centre hospitalier de Montval", "PME")
                .replace("\"type\": \"B2B\"", "\"type\": \"PUBLIC\""), "2026-10-10", invoice, "8000.00");
        driver.runDueJobs(dossier.getId());
        complete(task("ValiderMiseEnDemeure", dossier), withVariables("approval", "APPROUVEE"));
        driver.runDueJobs(dossier.getId());
        pastTheNoticeDeadline(dossier, "1A 987 654 321 10");

        assertThat(dossier).isWaitingAt("TransmettreJuridique");
        assertThat(runtime.getVariable(dossier.getId(), "route")).isEqualTo("REFERE_PROVISION_TA");
        ResponseEntity<byte[]> pdf = http.withBasicAuth("juriste", "juriste")
                .getForEntity("/api/dossiers/" + dossierNumber(dossier) + "/judicial-file", byte[].class);
        String file = pdfText(keep("dossier-judiciaire-public", pdf.getBody()));
        assertThat(file).contains("Référé-provision devant le tribunal administratif du lieu",
                "Tribunal administratif du lieu d'exécution du contrat (CJA R312-11)",
                "mandatement d'office", "Personne publique (PUBLIC)", "Centre hospitalier de Montval");
    }

    /** The notice posted on 24/11 with this tracking number, received on 26/11, its deadline then past unpaid. */
    private void pastTheNoticeDeadline(ProcessInstance dossier, String trackingNumber) {
        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", trackingNumber, "postedOn", "2026-11-24"));
        driver.runDueJobs(dossier.getId());
        clock.setToday(LocalDate.of(2026, 11, 26));
        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "AR", "receivedOn", "2026-11-26"));
        driver.runDueJobs(dossier.getId());
        clock.set(driver.timerDue(dossier.getId(), "FinDuDelai"));
        driver.runDueJobs(dossier.getId());
    }
}
