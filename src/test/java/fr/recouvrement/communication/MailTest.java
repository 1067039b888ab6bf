package fr.recouvrement.communication;

import com.icegreen.greenmail.util.GreenMail;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a test of the communications needs: the application's real SMTP server (GreenMail, the default run's), a
 * debtor with an e-mail address of its own, the dossier's and the deliveries' instances, and the text of PDFs.
 */
public abstract class MailTest extends LedgerTest {

    @Autowired
    protected GreenMail smtp;
    @Autowired
    protected TaskService tasks;

    protected String email;

    protected String b2bDebtor(String name, String segment) {
        email = "compta-" + siren + "@example.fr";
        return """
                {"name": "%s", "siren": "%s", "type": "B2B", "segment": "%s", "email": "%s",
                 "address": {"line1": "12 rue de la Paix", "line2": "Bâtiment B", "postalCode": "75002",
                             "city": "Paris", "country": "FR"}}""".formatted(name.replace("\"", "\\\""), siren,
                segment, email);
    }

    protected String b2cDebtor(String name, String segment) {
        email = "particulier-" + siren + "@example.fr";
        return """
                {"name": "%s", "type": "B2C", "segment": "%s", "email": "%s",
                 "address": {"line1": "3 allée des Tilleuls", "postalCode": "33000", "city": "Bordeaux",
                             "country": "FR"}}""".formatted(name, segment, email);
    }

    /** Registers the invoices, runs their follow-ups, and returns the dossier's instance once its jobs are done. */
    protected ProcessInstance openDossier(String debtorJson, String dueDate, String... numbersAndAmounts) {
        return openDossier(Map.of(), debtorJson, dueDate, numbersAndAmounts);
    }

    /** As {@link #openDossier(String, String, String...)}, the invoices named in {@code performedOn} performed then. */
    protected ProcessInstance openDossier(Map<String, String> performedOn, String debtorJson, String dueDate,
            String... numbersAndAmounts) {
        List<String> followUps = new ArrayList<>();
        for (int i = 0; i < numbersAndAmounts.length; i += 2) {
            String performed = performedOn.get(numbersAndAmounts[i]);
            if (performed == null) {
                fixtures.register(numbersAndAmounts[i], dueDate, numbersAndAmounts[i + 1], debtorJson);
            } else {
                fixtures.register(numbersAndAmounts[i], dueDate, performed, numbersAndAmounts[i + 1], debtorJson);
            }
            followUps.add(runtime.createProcessInstanceQuery().processInstanceBusinessKey(numbersAndAmounts[i])
                    .singleResult().getId());
        }
        driver.runDueJobs(followUps.toArray(String[]::new));
        String dossierNumber = jdbc.queryForObject("""
                select d.number from recouvrement.dossier d join recouvrement.invoice i on i.dossier_id = d.id
                where i.number = ?""", String.class, numbersAndAmounts[0]);
        ProcessInstance dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey(dossierNumber).singleResult();
        driver.runDueJobs(dossier.getId());
        return dossier;
    }

    protected String dossierNumber(ProcessInstance dossier) {
        return dossier.getBusinessKey();
    }

    /** The delivery instance of a step of the dossier (or invoice) whose number is given. */
    protected ProcessInstance delivery(String reference, String step) {
        ProcessInstance delivery = runtime.createProcessInstanceQuery()
                .processDefinitionKey(CommunicationOutbox.DELIVERY_PROCESS)
                .processInstanceBusinessKey(reference + "/" + step).singleResult();
        if (delivery == null) {
            throw new AssertionError("No delivery of " + step + " for " + reference + " is running");
        }
        return delivery;
    }

    protected Job deliveryJob(ProcessInstance delivery) {
        return management.createJobQuery().processInstanceId(delivery.getId()).singleResult();
    }

    protected List<Map<String, Object>> rows(String reference, String step) {
        return jdbc.queryForList("""
                select c.id, c.status, c.revision, c.recipient, c.subject, c.message_id, c.cancel_reason,
                       c.replaced_by, c.sent_at, c.tracking_number
                from recouvrement.communication c
                left join recouvrement.dossier d on d.id = c.dossier_id
                left join recouvrement.invoice i on i.id = c.invoice_id
                where (d.number = ? or (c.dossier_id is null and i.number = ?)) and c.step = ? order by c.id""",
                reference, reference, step);
    }

    /** Every message the SMTP server received for this test's debtor. */
    protected List<MimeMessage> mails() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getRecipients(Message.RecipientType.TO);
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    protected static String html(MimeMessage message) throws MessagingException, IOException {
        return find(message, "text/html").getContent().toString();
    }

    protected static Part attachment(MimeMessage message) throws MessagingException, IOException {
        return find(message, "application/pdf");
    }

    private static Part find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Keeps a PDF under {@code target/letters/} for a person to look at (README, «Tests»); returns
     * it unchanged.
     */
    protected static byte[] keep(String name, byte[] pdf) {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "letters"));
            java.nio.file.Files.write(folder.resolve(name + ".pdf"), pdf);
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a PDF, lines joined by spaces, as PDFBox extracts it. */
    protected static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // French amounts and typography use no-break spaces ("1 234,50 €", "IBAN : ", "réservé ; "): read them
            // as plain spaces.
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    protected static String newInvoice() {
        return LedgerFixtures.newNumber("COM");
    }
}
