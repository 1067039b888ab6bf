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
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

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

        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A 987 654 321 09", "postedOn", "2026-11-24"));
        driver.runDueJobs(dossier.getId());
        clock.setToday(LocalDate.of(2026, 11, 26));
        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "AR", "receivedOn", "2026-11-26"));
        driver.runDueJobs(dossier.getId());
        clock.set(driver.timerDue(dossier.getId(), "FinDuDelai"));
        driver.runDueJobs(dossier.getId());

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
                "Reçue le (AR ou première présentation) 26/11/2026",
                // Every communication: the two relances skipped by the late entry, the notice sent.
                "24/11/2026 Relance 1 E-mail Non envoyé", "24/11/2026 Relance 2 E-mail Non envoyé",
                "24/11/2026 Mise en demeure Lettre recommandée Envoyé Mauvais Payeur");
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
        assertThat(judicialFileText(dossier, "dossier-judiciaire-750-1")).contains(disputed + " (contestée)",
                "Assignation en paiement",
                "Tentative préalable de conciliation, de médiation ou de procédure participative requise (CPC 750-1)",
                "Tribunal judiciaire du domicile ou du siège du débiteur (33000 Bordeaux) (CPC 42, 43)");

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
        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A 987 654 321 11", "postedOn", "2026-11-24"));
        driver.runDueJobs(dossier.getId());
        clock.setToday(LocalDate.of(2026, 11, 26));
        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "AR", "receivedOn", "2026-11-26"));
        driver.runDueJobs(dossier.getId());
        clock.set(driver.timerDue(dossier.getId(), "FinDuDelai"));
        driver.runDueJobs(dossier.getId());
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
        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A 987 654 321 10", "postedOn", "2026-11-24"));
        driver.runDueJobs(dossier.getId());
        clock.setToday(LocalDate.of(2026, 11, 26));
        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "AR", "receivedOn", "2026-11-26"));
        driver.runDueJobs(dossier.getId());
        clock.set(driver.timerDue(dossier.getId(), "FinDuDelai"));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isWaitingAt("TransmettreJuridique");
        assertThat(runtime.getVariable(dossier.getId(), "route")).isEqualTo("REFERE_PROVISION_TA");
        ResponseEntity<byte[]> pdf = http.withBasicAuth("juriste", "juriste")
                .getForEntity("/api/dossiers/" + dossierNumber(dossier) + "/judicial-file", byte[].class);
        String file = pdfText(keep("dossier-judiciaire-public", pdf.getBody()));
        assertThat(file).contains("Référé-provision devant le tribunal administratif du lieu",
                "Tribunal administratif du lieu d'exécution du contrat (CJA R312-11)",
                "mandatement d'office", "Personne publique (PUBLIC)", "Centre hospitalier de Montval");
    }
}
