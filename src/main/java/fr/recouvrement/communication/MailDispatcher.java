package fr.recouvrement.communication;

import fr.recouvrement.creditor.CreditorProperties;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
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

    /**
     * Built once. Spring's helper builds a new one, reading mime.types from its jar, for every message that the
     * sender did not create itself (ours, for its Message-ID): 5 % of a node's CPU in the drills
     * (docs/reliability.md, «Throughput»). Attachments name their type, so the map is never consulted anyway.
     */
    private static final FileTypeMap FILE_TYPES = fileTypes();

    private final JavaMailSenderImpl sender;
    private final CreditorProperties creditor;

    MailDispatcher(JavaMailSenderImpl sender, CreditorProperties creditor) {
        this.sender = sender;
        this.creditor = creditor;
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap fileTypes = new ConfigurableMimeFileTypeMap();
        fileTypes.afterPropertiesSet();
        return fileTypes;
    }

    String messageId(long communicationId) {
        String domain = creditor.email().substring(creditor.email().indexOf('@') + 1);
        return "<communication-" + communicationId + "@" + domain + ">";
    }

    /** What became of a message handed to the SMTP server. */
    enum Handover {
        /** The server answered 250 to its body. */
        ACCEPTED,
        /**
         * Its whole body went out, then the connection broke or timed out before the server answered: the server may
         * have taken it, so sending it again could send it twice (docs/reliability.md, drill 3).
         */
        UNCERTAIN
    }

    /**
     * @throws org.springframework.mail.MailException when the server cannot be reached, or refuses the message with
     *         an SMTP reply (4xx, 5xx), or the connection broke before the whole body went out: it was not taken
     */
    Handover send(DeliveryRow row) {
        String messageId = messageId(row.id());
        AtomicBoolean bodyWritten = new AtomicBoolean();
        MimeMessage message = new MimeMessage(sender.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }

            /** The SMTP transport writes the message here, between DATA and the final dot. */
            @Override
            public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
                super.writeTo(out, ignoreList);
                bodyWritten.set(true);
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, row.pdf() != null, "UTF-8") {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    return FILE_TYPES;
                }
            };
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
        try {
            sender.send(message);
            return Handover.ACCEPTED;
        } catch (MailSendException e) {
            if (!bodyWritten.get() || refusedByServer(e)) {
                throw e;
            }
            // No failed message: the server answered 250 and only closing the connection (QUIT) failed.
            return e.getFailedMessages().isEmpty() ? Handover.ACCEPTED : Handover.UNCERTAIN;
        }
    }

    /** The server answered the message with a 4xx or 5xx reply: it did not take it. */
    private static boolean refusedByServer(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                int code = t instanceof SMTPSendFailedException refused ? refused.getReturnCode()
                        : t instanceof SMTPAddressFailedException address ? address.getReturnCode()
                        : t instanceof SMTPSenderFailedException senderRefused ? senderRefused.getReturnCode()
                        : -1;
                if (code >= 400 && code < 600) {
                    return true;
                }
            }
        }
        return false;
    }
}
