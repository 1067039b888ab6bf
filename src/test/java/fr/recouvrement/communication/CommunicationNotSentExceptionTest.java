package fr.recouvrement.communication;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** What Camunda stores and logs of an SMTP refusal names the communication, not the debtor's address. */
@FastTest
class CommunicationNotSentExceptionTest {

    @Test
    void aRecipientTheServerQuotesIsMaskedAndTheSmtpErrorIsNotKeptAsCause() throws Exception {
        String address = "jean.dupont@example.fr";
        SendFailedException refusal = new SendFailedException("Invalid Addresses",
                new MessagingException("550 5.1.1 <" + address + ">: Recipient address rejected: User unknown"),
                new InternetAddress[0], new InternetAddress[0], new InternetAddress[] {new InternetAddress(address)});
        MailSendException smtpError = new MailSendException(Map.of(new Object(), refusal));

        CommunicationNotSentException failure = new CommunicationNotSentException(4711, smtpError);

        StringWriter stored = new StringWriter();
        failure.printStackTrace(new PrintWriter(stored));
        assertThat(stored.toString()).doesNotContain(address).doesNotContain("example.fr")
                .contains("E-mail n° 4711 non remis au serveur SMTP", "Recipient address rejected",
                        CommunicationNotSentException.MASK);
        assertThat(failure.getCause()).isNull();
    }
}
