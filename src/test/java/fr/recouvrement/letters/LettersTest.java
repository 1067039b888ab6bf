package fr.recouvrement.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.communication.MailTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the letters say, read back from the PDFs and e-mails the scenario produced (today: Tuesday 24 November 2026):
 * the law's mentions between professionals, none of them for a consumer, every mention of a mise en demeure.
 */
class LettersTest extends MailTest {

    @Test
    void relanceTwoBetweenProfessionalsStatesPenaltiesAndTheFortyEuroIndemnity() throws Exception {
        String invoice = newInvoice();
        // Due Monday 9 November: relance 2 (J+15) is due today; relance 1 is recorded as skipped (late entry).
        ProcessInstance dossier = openDossier(b2bDebtor("Durand Bâtiment", "PME"), "2026-11-09", invoice, "2000.00");
        driver.runDueJobs(delivery(dossierNumber(dossier), "RELANCE_2").getId());

        MimeMessage mail = mails().get(0);
        assertThat(mails()).hasSize(1);
        // One invoice: the subject speaks of it in the singular, with a no-break space before the colon.
        assertThat(mail.getSubject()).isEqualTo("Deuxième relance\u00a0: facture impayée – dossier " + dossierNumber(dossier));
        assertThat(html(mail)).contains(invoice, "2\u00a0000,00\u00a0€", "article L441-10", "40\u00a0€ par facture",
                "40,00\u00a0€ d'indemnité,");
        String letter = pdfText(keep("relance-2-b2b", bytes(attachment(mail))));
        assertThat(letter).contains("Objet : deuxième relance – facture impayée", "Durand Bâtiment", invoice,
                "10/10/2026", "09/11/2026", "2 000,00 €", "Pénalités de retard au 24/11/2026",
                "Indemnité forfaitaire pour frais de recouvrement", "40,00 €", "L441-10", "D441-5",
                "IBAN : FR76 3000 4005 5000 0101 2345 690", "Claire Martin");
        assertThat(attachment(mail).getFileName()).isEqualTo("relance-2-" + dossierNumber(dossier) + ".pdf");
    }

    @Test
    void relanceTwoToAPublicBodyCitesThePublicProcurementCodeAndItsRate() throws Exception {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Commune de Montval", "PME")
                .replace("\"type\": \"B2B\"", "\"type\": \"PUBLIC\""), "2026-11-09", invoice, "2000.00");
        driver.runDueJobs(delivery(dossierNumber(dossier), "RELANCE_2").getId());

        MimeMessage mail = mails().get(0);
        assertThat(html(mail)).contains(invoice, "intérêts moratoires", "R2192-31", "D2192-35", "40\u00a0€ par facture",
                        "8,22\u00a0€ d'intérêts moratoires")
                .doesNotContain("L441-10", "D441-5");
        // From 2026-11-10, in 2026-H2 (tests' ECB 2.00) + 8 = 10 %: 15 d × 2,000 × 10 / 36,500 = 8.219... -> 8.22
        // (between companies, + 10: 9.86).
        String letter = pdfText(keep("relance-2-public", bytes(attachment(mail))));
        assertThat(letter).contains("Commune de Montval", invoice, "8,22 €", "40,00 €", "L2192-13", "R2192-31",
                "D2192-35", "majoré de 8 points").doesNotContain("L441-10", "D441-5");
    }

    @Test
    void relanceTwoToAConsumerClaimsNoPenaltyNorIndemnity() throws Exception {
        String invoice = newInvoice();
        ProcessInstance dossier = openDossier(b2cDebtor("Jeanne Moreau", "PME"), "2026-11-09", invoice, "450.00");
        driver.runDueJobs(delivery(dossierNumber(dossier), "RELANCE_2").getId());

        MimeMessage mail = mails().get(0);
        assertThat(html(mail)).contains(invoice, "450,00\u00a0€").doesNotContain("40\u00a0€", "indemnit", "pénalités");
        String letter = pdfText(keep("relance-2-b2c", bytes(attachment(mail))));
        assertThat(letter).contains("Jeanne Moreau", "3 allée des Tilleuls", "33000 Bordeaux", invoice, "450,00 €",
                        // One invoice: the letter speaks of it in the singular.
                        "la facture ci-dessous, dont l'échéance est dépassée, n'est toujours pas réglée")
                .doesNotContain("Pénalités", "Indemnité", "40,00 €", "L441-10", "SIREN 0", "Vos références : Jeanne Moreau ·");
    }

    @Test
    void theNoticeBetweenProfessionalsCarriesEveryMentionOfTheLaw() {
        String first = newInvoice();
        String second = newInvoice();
        // A chronic late payer gets the notice at J+30, with 8 days to pay: due Sunday 25 October, notice today.
        ProcessInstance dossier = openDossier(b2bDebtor("Dupont & Fils \"L'Atelier\"", "MAUVAIS_PAYEUR"), "2026-10-25",
                first, "1500.00", second, "250.00");
        assertThat(dossier).isWaitingAt("PosterLRAR");

        byte[] pdf = keep("mise-en-demeure-b2b", noticePdf(dossier));
        // Two invoices and their penalty lines take two pages, with no blank page after them.
        assertThat(pages(pdf)).isEqualTo(2);
        String notice = pdfText(pdf);

        assertThat(notice).contains(
                "Lettre recommandée avec accusé de réception",
                "MISE EN DEMEURE DE PAYER",
                "mettons en demeure",
                // Both parties, with their SIRENs and addresses.
                "Exemple Industrie, SAS au capital de 100 000 €, immatriculée au registre du commerce et des sociétés "
                        + "de Lyon sous le numéro 901 234 567",
                // The creditor's RCS city beside its SIREN, in the letterhead and the footer.
                "SIREN 901 234 567 RCS Lyon",
                // A formal notice within the meaning of article 1344 of the Code civil, as of a date.
                "qui vaut mise en demeure au sens de l'article 1344 du Code civil",
                "Total dû, somme arrêtée au 24/11/2026", "arrêtée au 24/11/2026, sous 8 jours",
                // One line per period at the test table's 2026-H2 rate, ECB 2.00 + 10 = 12.00 %, 26/10 to 24/11 = 30 days:
                //   1,500.00 × 12.00 × 30 / 36,500 = 540,000 / 36,500 = 14.794... -> 14.79
                //     250.00 × 12.00 × 30 / 36,500 =  90,000 / 36,500 =  2.465... ->  2.47
                first + " du 26/10/2026 au 24/11/2026 30 1 500,00 € 12,00 % 14,79 €",
                second + " du 26/10/2026 au 24/11/2026 30 250,00 € 12,00 % 2,47 €",
                "Pénalités de retard au 24/11/2026 17,26 €",
                "Chaque ligne est arrondie au centime le plus proche", "au centime supérieur",
                "arrondie une seule fois de la même manière",
                // The complementary indemnity reserved (L441-10 II).
                "indemnité complémentaire", "article L441-10 II du Code de commerce",
                "l'expression de nos salutations distinguées",
                "10 rue des Exemples, 69002 Lyon",
                "Dupont & Fils \"L'Atelier\" (SIREN " + siren.substring(0, 3) + " " + siren.substring(3, 6) + " "
                        + siren.substring(6) + ")",
                // Addressed to the registered office the company registry gave.
                "12 RUE DE LA PAIX", "75002 PARIS",
                // Each invoice: number, date, due date, amount.
                first, second, "25/09/2026", "25/10/2026", "1 500,00 €", "250,00 €",
                // The amount due split into principal, penalties and indemnity.
                "Principal restant dû 1 750,00 €", "Pénalités de retard au 24/11/2026",
                "Indemnité forfaitaire pour frais de recouvrement 80,00 €",
                // The deadline, from the DMN (8 days for a chronic late payer), and the consequence.
                "sous 8 jours à compter de la réception", "procédure judiciaire",
                "IBAN : FR76 3000 4005 5000 0101 2345 690",
                "Lyon, le 24 novembre 2026", "Claire Martin", "Responsable du recouvrement");
    }

    @Test
    void theNoticeToAConsumerClaimsNoFeeOfAnyKind() {
        String invoice = newInvoice();
        // A consumer who is a chronic late payer: notice at J+30, 15 days to pay.
        ProcessInstance dossier = openDossier(b2cDebtor("Paul Martin", "MAUVAIS_PAYEUR"), "2026-10-25", invoice,
                "1200.00");
        assertThat(dossier).isWaitingAt("PosterLRAR");

        String notice = pdfText(keep("mise-en-demeure-b2c", noticePdf(dossier)));

        assertThat(notice).contains("MISE EN DEMEURE DE PAYER", "Paul Martin", invoice, "1 200,00 €",
                        "sous 15 jours à compter de la réception", "Aucuns frais de recouvrement ne vous sont réclamés",
                        "intérêts au taux légal")
                .doesNotContain("Indemnité", "Pénalités de retard", "40,00 €", "L441-10", "indemnité complémentaire",
                        "Période de retard");
    }

    @Test
    void aDisputedInvoiceIsNamedAsSuspendedAndNotClaimed() throws Exception {
        String claimed = newInvoice();
        String disputed = newInvoice();
        ProcessInstance dossier = openDossier(b2bDebtor("Litige Partiel", "PME"), "2026-11-16", claimed, "700.00",
                disputed, "300.00");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> dispute = http.withBasicAuth("agent", "agent").postForEntity(
                "/api/invoices/" + disputed + "/events",
                new HttpEntity<>("{\"type\": \"DISPUTE\", \"reason\": \"Livraison incomplète\"}", headers), String.class);
        assertThat(dispute.getStatusCode()).as(dispute.getBody()).isEqualTo(HttpStatus.CREATED);
        driver.runDueJobs(dossier.getId());

        driver.at(LocalDateTime.of(2026, 12, 1, 9, 0), dossier.getId());
        driver.runDueJobs(delivery(dossierNumber(dossier), "RELANCE_2").getId());

        MimeMessage relance2 = mails().stream().filter(m -> subject(m).startsWith("Deuxième")).findFirst().orElseThrow();
        String letter = pdfText(keep("relance-2-litige", bytes(attachment(relance2))));
        // Left out of the claim with every right reserved, never as given up.
        assertThat(letter).contains("Principal restant dû 700,00 €",
                "La facture suivante, contestée, n'est pas incluse dans la présente, sous réserve de tous droits : "
                        + disputed);
        assertThat(html(relance2)).contains("Contestée, non incluse dans le présent message", "réserve de tous droits",
                disputed);
    }

    @Test
    void theNoticeLeavesOutAPrescribedInvoiceAndClaimsItsNeighbour() {
        String prescribed = newInvoice();
        String neighbour = newInvoice();
        // Between professionals prescription takes five years from performance (L110-4 Code de commerce):
        // performed 20/11/2021 -> prescribed 20/11/2026, before today 24/11/2026: left out;
        // the neighbour, performed on its due date 25/10/2026 -> prescribed 25/10/2031: claimed.
        ProcessInstance dossier = openDossier(Map.of(prescribed, "2021-11-20"),
                b2bDebtor("Ancienne Créance SARL", "MAUVAIS_PAYEUR"), "2026-10-25",
                prescribed, "900.00", neighbour, "250.00");
        assertThat(dossier).isWaitingAt("PosterLRAR");

        String notice = pdfText(keep("mise-en-demeure-prescrite", noticePdf(dossier)));

        // Principal 250,00 € alone: the 900,00 € of the prescribed invoice is neither listed nor added.
        assertThat(notice).contains("MISE EN DEMEURE DE PAYER", neighbour, "250,00 €")
                .doesNotContain(prescribed, "900,00 €", "1 150,00 €");
    }

    @Test
    void theLastRelanceDatesTheNoticeWhichRecallsItAndCarriesTheInvoiceCopy() throws Exception {
        String invoice = newInvoice();
        // A chronic late payer has two relances: relance 2 (J+15) is due today and is the last before the notice,
        // due at J+30 = Wednesday 9 December 2026 (a business day, more than minDaysBetween after today).
        ProcessInstance dossier = openDossier(b2bDebtor("Copie Jointe SARL", "MAUVAIS_PAYEUR"), "2026-11-09", invoice,
                "1000.00");
        HttpHeaders pdf = new HttpHeaders();
        pdf.setContentType(MediaType.APPLICATION_PDF);
        ResponseEntity<String> stored = http.withBasicAuth("agent", "agent").postForEntity(
                "/api/invoices/" + invoice + "/document", new HttpEntity<>(invoiceCopy(invoice), pdf), String.class);
        assertThat(stored.getStatusCode()).as(stored.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(stored.getBody()).contains("\"document\":true");

        driver.runDueJobs(delivery(dossierNumber(dossier), "RELANCE_2").getId());

        MimeMessage relance2 = mails().get(0);
        assertThat(html(relance2)).contains("avant le <strong>9 décembre 2026</strong>");
        assertThat(pdfText(keep("relance-2-date-mise-en-demeure", bytes(attachment(relance2)))))
                .contains("avant le 9 décembre 2026, nous vous adresserons à cette date une mise en demeure");

        driver.at(LocalDateTime.of(2026, 12, 9, 9, 0), dossier.getId());
        assertThat(dossier).isWaitingAt("PosterLRAR");
        byte[] notice = keep("mise-en-demeure-copie-jointe", noticePdf(dossier));

        // The relance sent today is recalled with its date; the invoice's copy is announced and appended as the last
        // page (relance 1 was skipped at the late entry and is not recalled).
        assertThat(pdfText(notice)).contains("Notre relance du 24/11/2026 est restée sans effet",
                "Pièces jointes : copie de la facture " + invoice, "COPIE DE LA FACTURE " + invoice);
        try (PDDocument document = Loader.loadPDF(notice)) {
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(document.getNumberOfPages());
            assertThat(lastPage.getText(document)).contains("COPIE DE LA FACTURE " + invoice)
                    .doesNotContain("MISE EN DEMEURE");
        }
    }

    @Test
    void theLastRelanceWrittenAgainAtSendingKeepsTheNoticeDate() throws Exception {
        String invoice = newInvoice();
        // As above: relance 2 of a chronic late payer is the last before the notice, due Wednesday 9 December 2026.
        ProcessInstance dossier = openDossier(b2bDebtor("Acompte Tardif SARL", "MAUVAIS_PAYEUR"), "2026-11-09",
                invoice, "1000.00");
        // A part payment arrives between the step and its sending: the outbox writes the e-mail again.
        fixtures.pay(invoice, "VIR-" + invoice, "400.00", java.time.LocalDate.of(2026, 11, 24));

        driver.runDueJobs(delivery(dossierNumber(dossier), "RELANCE_2").getId());

        assertThat(jdbc.queryForList("""
                select c.status from recouvrement.communication c join recouvrement.dossier d on d.id = c.dossier_id
                where d.number = ? and c.step = 'RELANCE_2' order by c.revision""", String.class,
                dossierNumber(dossier))).containsExactly("CANCELLED", "SENT");
        MimeMessage relance2 = mails().get(0);
        assertThat(mails()).hasSize(1);
        assertThat(html(relance2)).contains("600,00\u00a0€", "avant le <strong>9 décembre 2026</strong>");
        assertThat(pdfText(bytes(attachment(relance2)))).contains("600,00 €",
                "avant le 9 décembre 2026, nous vous adresserons à cette date une mise en demeure");
    }

    /** A one-page PDF standing for the invoice the creditor issued. */
    private byte[] invoiceCopy(String invoice) {
        return new PdfPrinter().print("<html><body><h1>COPIE DE LA FACTURE " + invoice + "</h1></body></html>");
    }

    private byte[] noticePdf(ProcessInstance dossier) {
        String url = (String) runtime.getVariable(dossier.getId(), "letterPdfUrl");
        ResponseEntity<byte[]> pdf = http.withBasicAuth("agent", "agent").getForEntity(url, byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        return pdf.getBody();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
