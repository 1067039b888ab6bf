package fr.recouvrement.runmode;

import com.icegreen.greenmail.util.GreenMail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the default run's embedded SMTP server received, for demos and trainings. Absent in production. */
@RestController
@RequestMapping("/api/dev/mailbox")
@ConditionalOnProperty(name = RunMode.EMBEDDED_SMTP, havingValue = "true")
@Tag(name = "Démo", description = "Boîte aux lettres du serveur SMTP embarqué (mode par défaut uniquement)")
public class EmbeddedMailboxController {

    private final GreenMail smtp;

    public EmbeddedMailboxController(GreenMail smtp) {
        this.smtp = smtp;
    }

    public record ReceivedMail(int index, String messageId, Instant sentAt, String from, List<String> to, String subject) {
    }

    @GetMapping
    @Operation(summary = "Les messages reçus par le serveur SMTP embarqué, du plus ancien au plus récent")
    public List<ReceivedMail> list() throws MessagingException {
        MimeMessage[] messages = smtp.getReceivedMessages();
        return IntStream.range(0, messages.length).mapToObj(i -> summary(i, messages[i])).toList();
    }

    @GetMapping(value = "/{index}", produces = "message/rfc822")
    @Operation(summary = "Un message brut (.eml), à ouvrir dans un client de messagerie")
    public ResponseEntity<byte[]> raw(@PathVariable int index) throws MessagingException, IOException {
        MimeMessage[] messages = smtp.getReceivedMessages();
        if (index < 0 || index >= messages.length) {
            return ResponseEntity.notFound().build();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages[index].writeTo(out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822")).body(out.toByteArray());
    }

    private static ReceivedMail summary(int index, MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            return new ReceivedMail(index, message.getMessageID(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString(),
                    recipients == null ? List.of() : Arrays.stream(recipients).map(Address::toString).toList(),
                    message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message " + index + " in the embedded mailbox", e);
        }
    }
}
