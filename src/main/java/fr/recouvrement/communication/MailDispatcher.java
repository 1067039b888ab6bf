package fr.recouvrement.communication;

import fr.recouvrement.creditor.CreditorProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.UnsupportedEncodingException;
import java.util.ServiceLoader;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one stored e-mail to the SMTP server, from the creditor, replies to its collection address, under a
 * {@code Message-ID} derived from the row: the same communication always carries the same id, so a receiving server
 * or a person comparing mailboxes can recognise it.
 */
@Component
class MailDispatcher {

    static {
        // jakarta.mail looks its StreamProvider up through ServiceLoader for every header and part it reads or writes,
        // scanning the jars each time (6 % of a relance, docs/performance.md); named by this property, it is created
        // directly. The provider found once is the one ServiceLoader would find every time.
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) == null) {
            ServiceLoader.load(StreamProvider.class, MailDispatcher.class.getClassLoader()).findFirst()
                    .ifPresent(provider -> System.setProperty(property, provider.getClass().getName()));
        }
    }

    private final JavaMailSenderImpl sender;
    private final CreditorProperties creditor;

    MailDispatcher(JavaMailSenderImpl sender, CreditorProperties creditor) {
        this.sender = sender;
        this.creditor = creditor;
    }

    String messageId(long communicationId) {
        String domain = creditor.email().substring(creditor.email().indexOf('@') + 1);
        return "<communication-" + communicationId + "@" + domain + ">";
    }

    /** @throws org.springframework.mail.MailException when the server cannot be reached or refuses the message */
    void send(DeliveryRow row) {
        String messageId = messageId(row.id());
        MimeMessage message = new MimeMessage(sender.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, row.pdf() != null, "UTF-8");
            helper.setFrom(creditor.email(), creditor.name());
            helper.setReplyTo(creditor.replyTo());
            helper.setTo(row.recipient());
            helper.setSubject(row.subject());
            helper.setText(row.body(), true);
            if (row.pdf() != null) {
                helper.addAttachment(row.pdfName(), new ByteArrayResource(row.pdf()), "application/pdf");
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("Message " + row.id() + " impossible à préparer", e);
        }
        sender.send(message);
    }
}
