package fr.recouvrement.judicial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.recouvrement.communication.MailTest;
import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The judicial dossier the legal team receives when the notice's deadline passed unpaid. */
class JudicialFileTest extends MailTest {

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
                "Voie retenue Procédure simplifiée de recouvrement des petites créances",
                "Mauvais Payeur Industries", "Professionnel (B2B)", "12 RUE DE LA PAIX, 75002 PARIS",
                invoice, "3 200,00 €", "Indemnité forfaitaire pour frais de recouvrement 40,00 €",
                "Envoyée en LRAR le 24/11/2026", "Numéro de suivi 1A 987 654 321 09",
                "Reçue le (AR ou première présentation) 26/11/2026",
                // Every communication: the two relances skipped by the late entry, the notice sent.
                "24/11/2026 Relance 1 E-mail Non envoyé", "24/11/2026 Relance 2 E-mail Non envoyé",
                "24/11/2026 Mise en demeure Lettre recommandée Envoyé Mauvais Payeur");
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
                "Juridiction Tribunal administratif du lieu d'exécution du contrat (CJA R312-11)",
                "mandatement d'office", "Personne publique (PUBLIC)", "Centre hospitalier de Montval");
    }
}
