package fr.recouvrement.runmode;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default run's SMTP server (GreenMail), used when no {@code SPRING_MAIL_HOST} is set: every message the
 * application sends stays in memory and can be read through {@code GET /api/dev/mailbox}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RunMode.EMBEDDED_SMTP, havingValue = "true")
public class EmbeddedSmtpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedSmtpServer(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
        log.info("Embedded SMTP server on {}:{}; read what it received at GET /api/dev/mailbox "
                + "(or set SPRING_MAIL_HOST to use a real server)", host, port);
        return new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
    }
}
