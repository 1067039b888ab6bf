package fr.recouvrement.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.creditor.CreditorProperties;
import fr.recouvrement.reliability.DrillSmtpServer;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What the dispatcher makes of an SMTP conversation that goes wrong (docs/reliability.md, drill 3), against the drills'
 * SMTP server: a refusal is a message not taken (sent again later), a connection lost after the body is a message the
 * server may hold (never sent again without a person's word).
 */
class MailHandoverTest {

    private DrillSmtpServer server;
    private MailDispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        server = new DrillSmtpServer();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.port());
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.timeout", "10000");
        sender.setJavaMailProperties(timeouts);
        dispatcher = new MailDispatcher(sender, new CreditorProperties("Fournitures Test", null, "800000002",
                "1 rue du Test", null, "75001", "Paris", "recouvrement@fournitures-test.fr", null, null,
                "FR76 3000 4005 5000 0101 2345 690", null, "Jean Test", null, null));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aMessageAnsweredWith250IsAccepted() {
        assertThat(dispatcher.send(row(1))).isEqualTo(MailDispatcher.Handover.ACCEPTED);
        assertThat(server.times("<communication-1@fournitures-test.fr>", "compta@client.test")).isEqualTo(1);
    }

    @Test
    void aConnectionLostAfterTheBodyIsUncertainNotAFailureToRetry() {
        server.faults(0, 1);

        assertThat(dispatcher.send(row(2))).isEqualTo(MailDispatcher.Handover.UNCERTAIN);
        // The server took it: sending it again would have delivered it twice.
        assertThat(server.times("<communication-2@fournitures-test.fr>", "compta@client.test")).isEqualTo(1);
        assertThat(server.dropped()).isEqualTo(1);
    }

    @Test
    void a451AfterTheBodyIsARefusalThatTheJobRetries() {
        server.faults(1, 0);

        assertThatThrownBy(() -> dispatcher.send(row(3))).isInstanceOf(MailSendException.class);
        assertThat(server.times("<communication-3@fournitures-test.fr>", "compta@client.test")).isZero();
        assertThat(server.refused()).isEqualTo(1);
    }

    @Test
    void noServerListeningIsAFailureToRetry() throws Exception {
        server.close();

        assertThatThrownBy(() -> dispatcher.send(row(4))).isInstanceOf(MailSendException.class);
    }

    private static DeliveryRow row(long id) {
        return new DeliveryRow(id, null, null, null, 1L, "F-1", "RELANCE_1", 1, 1, "EMAIL",
                CommunicationStatus.SENDING, "compta@client.test", "Relance", "<p>Bonjour</p>", null, null, "{}",
                Map.of(), null);
    }
}
