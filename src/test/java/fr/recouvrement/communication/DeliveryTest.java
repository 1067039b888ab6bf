package fr.recouvrement.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.recouvrement.reliability.DrillSmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox of docs/architecture.md §5 against the real SMTP server: one message per dossier step, never twice, never
 * lost, and every row kept as evidence. Invoices fall due on Monday 16 November 2026 (J); today is Tuesday 24 November,
 * so relance 1 (J+7) goes as soon as the dossier opens.
 */
class DeliveryTest extends MailTest {

    @Autowired
    private CommunicationOutbox outbox;
    @Autowired
    private MessageWriter writer;
    @Autowired
    private JavaMailSenderImpl mailSender;

    @AfterEach
    void smtpBackUp() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
    }

    @Test
    void relanceOneIsOneEmailListingEveryLateInvoiceWithTheStatementAttached() throws Exception {
        String first = newInvoice();
        String second = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Dupont & Fils \"L'Atelier\"", "PME"), "2026-11-16",
                first, "1200.00", second, "345.50");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");
        assertThat(mails()).isEmpty();

        driver.runDueJobs(delivery.getId());

        assertThat(delivery).isEnded().hasPassed("MessageRemis");
        assertThat(mails()).hasSize(1);
        MimeMessage mail = mails().get(0);
        assertThat(mail.getSubject()).isEqualTo("Factures échues – dossier " + dossierNumber(dossier));
        assertThat(mail.getFrom()[0].toString()).contains("recouvrement@exemple-industrie.fr");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("recouvrement@exemple-industrie.fr");
        String html = html(mail);
        assertThat(html).contains(first, second, "1\u00a0200,00\u00a0€", "345,50\u00a0€", "1\u00a0545,50\u00a0€",
                "Sauf erreur de notre part", "FR76 3000 4005 5000 0101 2345 690");
        // The debtor's name is data: escaped, never markup.
        assertThat(attachment(mail).getFileName()).isEqualTo("releve-de-compte-" + dossierNumber(dossier) + ".pdf");
        String statement = pdfText(keep("releve", bytes(attachment(mail))));
        assertThat(statement).contains("Dupont & Fils \"L'Atelier\"", "Objet : relevé de compte au 24/11/2026", first, second,
                "les factures ci-dessous restent impayées à ce jour",
                "1 545,50 €", "12 rue de la Paix", "Bâtiment B", "75002 Paris", "SIREN 901 234 567")
                // The statement of relance 1 is courteous: no penalties, no indemnity.
                .doesNotContain("Pénalités", "Indemnité");

        var row = rows(dossierNumber(dossier), "RELANCE_1").get(0);
        assertThat(row).containsEntry("status", "SENT").containsEntry("recipient", email);
        assertThat(mail.getMessageID()).isEqualTo(row.get("message_id"))
                .isEqualTo("<communication-" + row.get("id") + "@exemple-industrie.fr>");
        assertThat(row.get("sent_at")).isNotNull();
    }

    @Test
    void anSmtpOutageDelaysTheEmailWhichThenGoesExactlyOnce() {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Panne SMTP SARL", "PME"), "2026-11-16", invoice, "800.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");

        smtp.stop();
        assertThatThrownBy(() -> management.executeJob(deliveryJob(delivery).getId()))
                .hasMessageContaining("non remis au serveur SMTP");
        assertThat(rows(dossierNumber(dossier), "RELANCE_1")).singleElement().satisfies(row ->
                assertThat(row).containsEntry("status", "PENDING"));
        // Camunda retries with back-off: R5/PT5M, four tries left, the next in five minutes.
        assertThat(deliveryJob(delivery).getRetries()).isEqualTo(4);
        assertThat(deliveryJob(delivery).getDuedate().toInstant()).isAfter(clock.instant().plusSeconds(290));

        smtp.start();
        clock.set(clock.instant().plusSeconds(301));
        driver.runDueJobs(delivery.getId());

        assertThat(delivery).isEnded();
        assertThat(mails()).hasSize(1);
        assertThat(rows(dossierNumber(dossier), "RELANCE_1")).singleElement().satisfies(row ->
                assertThat(row).containsEntry("status", "SENT"));
    }

    @Test
    void aFailedSendingNamesTheCommunicationNotTheDebtorsAddressInWhatTheEngineKeeps() {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Adresse Discrète", "PME"), "2026-11-16", invoice, "800.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");

        smtp.stop();
        String job = deliveryJob(delivery).getId();
        assertThatThrownBy(() -> management.executeJob(job)).hasMessageNotContaining(email);

        Object id = rows(dossierNumber(dossier), "RELANCE_1").get(0).get("id");
        assertThat(deliveryJob(delivery).getExceptionMessage()).contains("E-mail n° " + id).doesNotContain(email);
        assertThat(management.getJobExceptionStacktrace(job)).contains("E-mail n° " + id).doesNotContain(email);
    }

    @Test
    void whenRetriesRunOutTheRowIsFailedAndCockpitShowsAnIncident() {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Toujours En Panne", "PME"), "2026-11-16", invoice, "800.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");

        smtp.stop();
        for (int attempt = 1; attempt <= 5; attempt++) {
            String job = deliveryJob(delivery).getId();
            assertThatThrownBy(() -> management.executeJob(job)).isNotNull();
        }

        assertThat(deliveryJob(delivery).getRetries()).isZero();
        Incident incident = runtime.createIncidentQuery().processInstanceId(delivery.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("RemettreMessage");
        assertThat(incident.getIncidentMessage()).contains("non remis au serveur SMTP");
        assertThat(rows(dossierNumber(dossier), "RELANCE_1")).singleElement().satisfies(row ->
                assertThat(row).containsEntry("status", "FAILED"));

        // The operator retries from Cockpit once the server is back, keeping the due date (the dialog's default): the
        // job is due at once, not one retry interval after its last failure, and the e-mail goes, once.
        assertThat(deliveryJob(delivery).getDuedate()).isBeforeOrEqualTo(java.util.Date.from(clock.instant()));
        smtp.start();
        management.setJobRetries(deliveryJob(delivery).getId(), 1);
        driver.runDueJobs(delivery.getId());
        assertThat(mails()).hasSize(1);
        assertThat(rows(dossierNumber(dossier), "RELANCE_1").get(0)).containsEntry("status", "SENT");
    }

    @Test
    void aRunThatDiedAfterSmtpLeavesTheRowUnknownAndAPersonDecides() {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Envoi Incertain", "PME"), "2026-11-16", invoice, "800.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");
        diedAfterSmtp(dossier);

        driver.runDueJobs(delivery.getId());

        assertThat(mails()).isEmpty();
        assertThat(rows(dossierNumber(dossier), "RELANCE_1").get(0)).containsEntry("status", "UNKNOWN");
        assertThat(delivery).isWaitingAt("VerifierEnvoi");
        assertThat(task(delivery)).hasCandidateGroup("agents-recouvrement");
        assertThat(runtime.getVariable(delivery.getId(), "recipient")).isEqualTo(email);

        // Running the job again (its lock expired elsewhere) still sends nothing: the task is there.
        complete(task(delivery), withVariables("verification", "RENVOYER"));
        driver.runDueJobs(delivery.getId());
        assertThat(delivery).isEnded().hasPassed("AppliquerVerification", "MessageRemis");
        assertThat(mails()).hasSize(1);
        assertThat(rows(dossierNumber(dossier), "RELANCE_1").get(0)).containsEntry("status", "SENT");
    }

    @Test
    void anAgentWhoSeesTheUncertainEmailLeftRecordsItAsSentWithoutResending() {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Parti Quand Même", "PME"), "2026-11-16", invoice, "800.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");
        diedAfterSmtp(dossier);
        driver.runDueJobs(delivery.getId());

        complete(task(delivery), withVariables("verification", "ENVOYE"));
        driver.runDueJobs(delivery.getId());

        assertThat(delivery).isEnded().hasPassed("EnvoiConfirme");
        assertThat(mails()).isEmpty();
        assertThat(rows(dossierNumber(dossier), "RELANCE_1").get(0)).containsEntry("status", "SENT");
    }

    @Test
    void aConnectionLostAfterTheBodyLeavesTheRowUnknownWithItsTaskNeverAResend() throws Exception {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Relais Coupé", "PME"), "2026-11-16", invoice, "800.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");
        String messageId = "<communication-" + rows(dossierNumber(dossier), "RELANCE_1").get(0).get("id")
                + "@exemple-industrie.fr>";
        int greenMailPort = mailSender.getPort();
        try (DrillSmtpServer relay = new DrillSmtpServer()) {
            // The relay takes the body, then the connection breaks before its "250".
            relay.faults(0, 1);
            mailSender.setPort(relay.port());

            driver.runDueJobs(delivery.getId());

            assertThat(relay.times(messageId, email)).isEqualTo(1);
            assertThat(rows(dossierNumber(dossier), "RELANCE_1").get(0)).containsEntry("status", "UNKNOWN");
            assertThat(delivery).isWaitingAt("VerifierEnvoi");
            assertThat(runtime.createIncidentQuery().processInstanceId(delivery.getId()).count()).isZero();
            // The agent finds it in the debtor's mailbox: recorded as sent, never sent again.
            complete(task(delivery), withVariables("verification", "ENVOYE"));
            driver.runDueJobs(delivery.getId());
            assertThat(delivery).isEnded().hasPassed("EnvoiConfirme");
            assertThat(relay.times(messageId, email)).isEqualTo(1);
        } finally {
            mailSender.setPort(greenMailPort);
        }
        assertThat(rows(dossierNumber(dossier), "RELANCE_1").get(0)).containsEntry("status", "SENT");
    }

    @Test
    void aRunWhoseJobAnotherNodeTookOverWhileTheServerTookTheMessageRecordsItSent() throws Exception {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Relais Lent", "PME"), "2026-11-16", invoice, "800.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");
        Object id = rows(dossierNumber(dossier), "RELANCE_1").get(0).get("id");
        String messageId = "<communication-" + id + "@exemple-industrie.fr>";
        int greenMailPort = mailSender.getPort();
        try (DrillSmtpServer relay = new DrillSmtpServer()) {
            // While the server takes the body, the job's lock runs out and a second node runs the same job: it finds
            // SENDING and marks the row UNKNOWN (the reliability drill saw 28 rows left so in 2,000, without a task).
            relay.beforeAccepting(() -> jdbc.update(
                    "update recouvrement.communication set status = 'UNKNOWN' where id = ? and status = 'SENDING'",
                    id));
            mailSender.setPort(relay.port());

            driver.runDueJobs(delivery.getId());

            assertThat(relay.times(messageId, email)).isEqualTo(1);
        } finally {
            mailSender.setPort(greenMailPort);
        }
        // This run heard the server's 250: the message left, whatever the other run wrote meanwhile.
        assertThat(rows(dossierNumber(dossier), "RELANCE_1").get(0)).containsEntry("status", "SENT");
        assertThat(delivery).isEnded();
    }

    /** A previous run committed SENDING, talked to SMTP, and died before writing SENT. */
    private void diedAfterSmtp(ProcessInstance dossier) {
        jdbc.update("update recouvrement.communication set status = 'SENDING' where id = ?",
                rows(dossierNumber(dossier), "RELANCE_1").get(0).get("id"));
    }

    @Test
    void aJobRunTwiceStoresOneRowAndSendsOneEmail() {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Deux Fois", "PME"), "2026-11-16", invoice, "800.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");
        String job = deliveryJob(delivery).getId();
        // The step's job again, as after an expired lock: the row is there, so nothing new is stored or delivered.
        var again = rows(dossierNumber(dossier), "RELANCE_1");
        long dossierId = jdbc.queryForObject("select id from recouvrement.dossier where number = ?", Long.class,
                dossierNumber(dossier));
        CommunicationOutbox.Stored stored = outbox.enqueue(writer.dossierStep(dossierId, dossierNumber(dossier),
                "RELANCE_1", "EMAIL", java.util.Map.of()).message(), dossierNumber(dossier), 2);
        assertThat(stored.created()).isFalse();
        assertThat(stored.id()).isEqualTo(again.get(0).get("id"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(dossierNumber(dossier) + "/RELANCE_1")
                .count()).isEqualTo(1);

        management.executeJob(job);
        driver.runDueJobs(delivery.getId());
        assertThat(mails()).hasSize(1);
        assertThat(rows(dossierNumber(dossier), "RELANCE_1")).hasSize(1);
    }

    @Test
    void aPaymentThatSettlesTheDossierBeforeSendingCancelsTheEmail() {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Payé À Temps", "PME"), "2026-11-16", invoice, "800.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");

        fixtures.pay(invoice, "VIR-" + invoice, "800.00", LocalDate.of(2026, 11, 24));
        driver.runDueJobs(delivery.getId());

        assertThat(delivery).isEnded().hasPassed("MessageAnnule");
        assertThat(mails()).isEmpty();
        assertThat(rows(dossierNumber(dossier), "RELANCE_1").get(0)).containsEntry("status", "CANCELLED")
                .containsEntry("cancel_reason", "Plus rien à réclamer au moment de l'envoi (réglé, avoir ou litige).");
    }

    @Test
    void aPrescribedInvoiceIsLeftOutOfTheRelanceWhileItsNeighbourIsClaimed() throws Exception {
        String prescribed = newInvoice();
        String neighbour = newInvoice();
        // B2B, five years from performance: 20/11/2021 -> 20/11/2026, past on 24/11/2026; the neighbour, performed on
        // its due date 16/11/2026, runs to 16/11/2031.
        ProcessInstance dossier = openDossier(Map.of(prescribed, "2021-11-20"), b2bDebtor("Vieille Facture", "PME"),
                "2026-11-16", prescribed, "700.00", neighbour, "345.50");
        driver.runDueJobs(delivery(dossierNumber(dossier), "RELANCE_1").getId());

        MimeMessage mail = mails().get(0);
        assertThat(html(mail)).contains(neighbour, "345,50\u00a0€").doesNotContain(prescribed, "700,00", "1\u00a0045,50");
        assertThat(pdfText(keep("releve-prescrite", bytes(attachment(mail))))).contains(neighbour, "345,50 €")
                .doesNotContain(prescribed, "700,00 €", "1 045,50 €");
    }

    @Test
    void aDossierWhoseOnlyInvoiceIsPrescribedSendsNothing() {
        String invoice = newInvoice();
        // B2C, two years from performance (L218-2 Code de la consommation): 20/11/2024 -> 20/11/2026, before today
        // 24/11/2026.
        ProcessInstance dossier = openDossier(Map.of(invoice, "2024-11-20"), b2cDebtor("Dette Ancienne", "PME"),
                "2026-11-16", invoice, "120.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");

        driver.runDueJobs(delivery.getId());

        assertThat(delivery).isEnded().hasPassed("MessageAnnule");
        assertThat(mails()).isEmpty();
        assertThat(rows(dossierNumber(dossier), "RELANCE_1").get(0)).containsEntry("status", "CANCELLED")
                .containsEntry("cancel_reason", "Plus rien à réclamer au moment de l'envoi : factures prescrites ("
                        + invoice + "), qui ne peuvent plus être réclamées.");
    }

    @Test
    void aPartialPaymentBeforeSendingRewritesTheEmailWithTheNewBalance() throws Exception {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Acompte Versé", "PME"), "2026-11-16", invoice, "800.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_1");

        fixtures.pay(invoice, "VIR-" + invoice, "300.00", LocalDate.of(2026, 11, 24));
        driver.runDueJobs(delivery.getId());

        var rows = rows(dossierNumber(dossier), "RELANCE_1");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("status", "CANCELLED").containsEntry("revision", 1)
                .containsEntry("replaced_by", rows.get(1).get("id"));
        assertThat(rows.get(1)).containsEntry("status", "SENT").containsEntry("revision", 2);
        assertThat(mails()).singleElement().satisfies(mail ->
                assertThat(html(mail)).contains("500,00\u00a0€").doesNotContain("800,00\u00a0€</strong>"));
    }

    @Test
    void aLetterBecomesAPrintAndPostTaskWithItsPdf() {
        String invoice = newInvoice();
        // A grand compte gets relance 3 by letter (DMN); this dossier is 31 days late, so it enters at relance 3.
        ProcessInstance dossier = openDossier(b2bDebtor("Grand Compte Courrier", "GRAND_COMPTE"), "2026-10-24",
                invoice, "2400.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_3");
        driver.runDueJobs(delivery.getId());

        assertThat(delivery).isWaitingAt("PosterCourrier");
        assertThat(task(delivery)).hasCandidateGroup("agents-recouvrement")
                .hasName("Imprimer et poster le courrier — Grand Compte Courrier");
        // The agents' lists show whose letter it is and what it claims, like the dossier's own tasks.
        assertThat(tasks.getVariables(task(delivery).getId())).containsEntry("debtorName", "Grand Compte Courrier")
                .containsEntry("dossierNumber", dossierNumber(dossier))
                .containsEntry("amountDueText", "2\u00A0400,00\u00A0€");
        String pdfUrl = (String) runtime.getVariable(delivery.getId(), "pdfUrl");
        SpinJsonNode atHand = (SpinJsonNode) tasks.getVariableLocal(task(delivery).getId(), "dossierAtHand");
        assertThat(atHand.prop("timeline").elements()).extracting(entry -> entry.prop("what").stringValue()
                + " " + entry.prop("pdf").stringValue())
                .contains("Relance 3 par courrier : à envoyer [PDF](" + pdfUrl + ")");
        ResponseEntity<byte[]> pdf = http.withBasicAuth("agent", "agent").getForEntity(pdfUrl, byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdfText(keep("relance-3-courrier", pdf.getBody()))).contains("Objet : dernière relance avant mise en demeure", invoice, "2 400,00 €",
                "Indemnité forfaitaire pour frais de recouvrement", "40,00 €", "L441-10");
        assertThat(rows(dossierNumber(dossier), "RELANCE_3").get(0)).containsEntry("status", "PENDING")
                .containsEntry("recipient", "Grand Compte Courrier, 12 rue de la Paix, Bâtiment B, 75002 Paris, FR");
        assertThat(mails()).isEmpty();

        clock.setToday(LocalDate.of(2026, 11, 25));
        complete(task(delivery), withVariables("postedOn", "2026-11-25", "trackingNumber", ""));
        driver.runDueJobs(delivery.getId());

        assertThat(delivery).isEnded().hasPassed("CourrierPoste");
        var row = rows(dossierNumber(dossier), "RELANCE_3").get(0);
        assertThat(row).containsEntry("status", "SENT").containsEntry("tracking_number", null);
        assertThat(row.get("sent_at").toString()).startsWith("2026-11-25");
    }

    @Test
    void aLetterPostingDateIsTypedJjMmAaaaBetweenTheLetterAndToday() {
        // Written today, Tuesday 24 November: relance 3 of a grand compte 31 days late.
        ProcessInstance dossier = openDossier(b2bDebtor("Grand Compte Date De Dépôt", "GRAND_COMPTE"), "2026-10-24",
                newInvoice(), "2400.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_3");
        driver.runDueJobs(delivery.getId());

        for (String[] refusal : new String[][] {
                {"31/02/2027", "La date de dépôt à la Poste « 31/02/2027 » n'est pas une date : écrivez-la jj/mm/aaaa"},
                {"25/11/2026", "La date de dépôt à la Poste, 25/11/2026, est dans le futur : au plus tard aujourd'hui, "
                        + "24/11/2026."},
                {"23/11/2026", "La date de dépôt à la Poste, 23/11/2026, précède l'édition de la lettre : au plus tôt "
                        + "le 24/11/2026."}}) {
            assertThatThrownBy(() -> complete(task(delivery), withVariables("postedOn", refusal[0])))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining(refusal[1]);
        }
        driver.runDueJobs(delivery.getId());
        assertThat(delivery).isWaitingAt("PosterCourrier");
        assertThat(runtime.getVariable(delivery.getId(), "postedOn")).isNull();
        assertThat(rows(dossierNumber(dossier), "RELANCE_3").get(0)).containsEntry("status", "PENDING")
                .containsEntry("sent_at", null);

        complete(task(delivery), withVariables("postedOn", "24/11/2026", "trackingNumber", ""));
        assertThat(LocalDate.parse((String) runtime.getVariable(delivery.getId(), "postedOn"))).isEqualTo("2026-11-24");
        driver.runDueJobs(delivery.getId());
        assertThat(delivery).isEnded();
        assertThat(rows(dossierNumber(dossier), "RELANCE_3").get(0)).containsEntry("status", "SENT")
                .satisfies(row -> assertThat(row.get("sent_at").toString()).startsWith("2026-11-24"));
    }

    @Test
    void aLetterWaitingToBePostedIsWrittenAgainWhenAPartialPaymentArrives() {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Acompte Avant La Poste", "GRAND_COMPTE"), "2026-10-24",
                invoice, "2400.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_3");
        driver.runDueJobs(delivery.getId());
        String firstUrl = (String) runtime.getVariable(delivery.getId(), "pdfUrl");

        fixtures.pay(invoice, "VIR-" + invoice, "400.00", LocalDate.of(2026, 11, 24));
        driver.runDueJobs(dossier.getId());

        var rows = rows(dossierNumber(dossier), "RELANCE_3");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("status", "CANCELLED").containsEntry("replaced_by", rows.get(1).get("id"));
        String url = (String) runtime.getVariable(delivery.getId(), "pdfUrl");
        assertThat(url).isNotEqualTo(firstUrl).endsWith("/communications/" + rows.get(1).get("id") + "/pdf");
        byte[] letter = http.withBasicAuth("agent", "agent").getForObject(url, byte[].class);
        // The last relance still dates the notice (J+45 = Tuesday 8 December 2026) once written again.
        assertThat(pdfText(letter)).contains("Principal restant dû 2 000,00 €", "400,00 €",
                "avant le 8 décembre 2026, nous vous adresserons à cette date une mise en demeure");

        clock.setToday(LocalDate.of(2026, 11, 25));
        complete(task(delivery), withVariables("postedOn", "2026-11-25", "trackingNumber", ""));
        driver.runDueJobs(delivery.getId());
        assertThat(rows(dossierNumber(dossier), "RELANCE_3")).extracting(row -> row.get("status"))
                .containsExactly("CANCELLED", "SENT");
    }

    @Test
    void theNoticeWaitingToBePostedIsWrittenAgainWhenAnInvoiceJoinsTheDossier() {
        String first = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Notice Et Nouvelle Facture", "MAUVAIS_PAYEUR"), "2026-10-25",
                first, "1000.00");
        assertThat(dossier).isWaitingAt("PosterLRAR");
        String firstUrl = (String) runtime.getVariable(dossier.getId(), "letterPdfUrl");

        // Another invoice of the company falls due: the notice is not posted yet, so it joins and is claimed too.
        String second = newInvoice();
        fixtures.register(second, "2026-11-20", "500.00", b2bDebtor("Notice Et Nouvelle Facture", "MAUVAIS_PAYEUR"));
        driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(second).singleResult().getId());
        driver.runDueJobs(dossier.getId());

        String url = (String) runtime.getVariable(dossier.getId(), "letterPdfUrl");
        assertThat(url).isNotEqualTo(firstUrl);
        byte[] notice = http.withBasicAuth("agent", "agent").getForObject(url, byte[].class);
        assertThat(pdfText(notice)).contains(first, second, "Principal restant dû 1 500,00 €");

        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A 111 222 333 44", "postedOn", "2026-11-24"));
        driver.runDueJobs(dossier.getId());
        assertThat(rows(dossierNumber(dossier), "MISE_EN_DEMEURE")).extracting(row -> row.get("status"))
                .containsExactly("CANCELLED", "SENT");
    }

    @Test
    void closingTheDossierCancelsALetterWaitingToBePosted() {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Réglé Avant La Poste", "GRAND_COMPTE"), "2026-10-24",
                invoice, "2400.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_3");
        driver.runDueJobs(delivery.getId());
        assertThat(delivery).isWaitingAt("PosterCourrier");

        fixtures.pay(invoice, "VIR-" + invoice, "2400.00", LocalDate.of(2026, 11, 24));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded();
        assertThat(delivery).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(delivery.getId()).count()).isZero();
        assertThat(rows(dossierNumber(dossier), "RELANCE_3").get(0)).containsEntry("status", "CANCELLED")
                .containsEntry("cancel_reason", "Dossier clos (SOLDE) avant l'envoi.");
    }

    @Test
    void thePreDueReminderIsOneCourteousEmailForTheInvoice() throws Exception {
        String invoice = newInvoice();
        // Due Friday 4 December: the reminder is due 7 days before, Friday 27 November at 09:00.
        fixtures.register(invoice, "2026-12-04", "990.00", b2bDebtor("Rappel Avant Échéance", "PME"));
        ProcessInstance followUp = runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice)
                .singleResult();
        driver.runDueJobs(followUp.getId());
        driver.at(LocalDateTime.of(2026, 11, 27, 9, 0), followUp.getId());

        driver.runDueJobs(delivery(invoice, "PRE_ECHEANCE").getId());

        assertThat(mails()).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Rappel\u00a0: votre facture " + invoice
                    + " arrive à échéance le 04/12/2026");
            assertThat(html(mail)).contains("990,00\u00a0€", "4 décembre 2026");
            assertThat(attachment(mail)).isNull();
        });
        assertThat(rows(invoice, "PRE_ECHEANCE").get(0)).containsEntry("status", "SENT");
    }

    @Test
    void thePdfOfACommunicationIsServedByTheApiAndOnlyThere() {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Pdf Servi", "PME"), "2026-11-16", invoice, "800.00");
        Object id = rows(dossierNumber(dossier), "RELANCE_1").get(0).get("id");

        ResponseEntity<byte[]> byInvoice = http.withBasicAuth("agent", "agent")
                .getForEntity("/api/invoices/" + invoice + "/communications/" + id + "/pdf", byte[].class);
        assertThat(byInvoice.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byInvoice.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("releve-de-compte-" + dossierNumber(dossier) + ".pdf");
        assertThat(new String(byInvoice.getBody(), 0, 5)).isEqualTo("%PDF-");

        ResponseEntity<String> elsewhere = http.withBasicAuth("agent", "agent")
                .getForEntity("/api/dossiers/D-000000000-001/communications/" + id + "/pdf", String.class);
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> unknown = http.withBasicAuth("agent", "agent")
                .getForEntity("/api/dossiers/" + dossierNumber(dossier) + "/communications/999999999/pdf", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.getForEntity("/api/invoices/" + invoice + "/communications/" + id + "/pdf", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
