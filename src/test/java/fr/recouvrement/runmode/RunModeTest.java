package fr.recouvrement.runmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.FastTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** What the run mode decides before any bean exists: the demonstration stays on this machine and stays a demo. */
@FastTest
class RunModeTest {

    @Test
    void theDefaultRunListensOnTheLoopbackOnly() {
        StandardEnvironment environment = environment(Map.of());

        new RunMode().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty(RunMode.DEFAULT_RUN, Boolean.class)).isTrue();
    }

    @Test
    void aServerAddressGivenToTheDefaultRunWins() {
        StandardEnvironment environment = environment(Map.of("server.address", "0.0.0.0"));

        new RunMode().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
    }

    @Test
    void productionListensAsConfigured() {
        StandardEnvironment environment = environment(production(Map.of()));

        new RunMode().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.address")).isNull();
    }

    @Test
    void aDefaultRunWithTheCreditorConfiguredRefusesToStartForWantOfAProductionDatabase() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment-test",
                Map.of("RECOUVREMENT_CREDITOR_NAME", "Fournitures Réelles SAS")));

        assertThatThrownBy(() -> new RunMode().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(ProductionSettingMissingException.class)
                .hasMessageContaining("RECOUVREMENT_CREDITOR_NAME")
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void aDemoPointedAtARealSmtpRelayStaysADemo() {
        StandardEnvironment environment = environment(Map.of("spring.mail.host", "mailpit", "spring.mail.port", "1025"));

        new RunMode().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(RunMode.DEFAULT_RUN, Boolean.class)).isTrue();
        assertThat(environment.getProperty(RunMode.EMBEDDED_SMTP)).isNull();
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void productionHidesTheApiDescriptionUnlessAskedTo() {
        StandardEnvironment hidden = environment(production(Map.of()));
        StandardEnvironment shown = environment(production(Map.of("springdoc.api-docs.enabled", "true")));

        new RunMode().postProcessEnvironment(hidden, new SpringApplication());
        new RunMode().postProcessEnvironment(shown, new SpringApplication());

        assertThat(hidden.getProperty("springdoc.api-docs.enabled", Boolean.class)).isFalse();
        assertThat(hidden.getProperty("springdoc.swagger-ui.enabled", Boolean.class)).isFalse();
        assertThat(shown.getProperty("springdoc.api-docs.enabled", Boolean.class)).isTrue();
    }

    @Test
    void behindHttpsEveryCookieIsSecureAndHstsIsOn() {
        StandardEnvironment environment = environment(production(Map.of("recouvrement.https", "true")));

        new RunMode().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
        assertThat(environment.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie", Boolean.class))
                .isTrue();
        assertThat(environment.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie", Boolean.class)).isTrue();
        assertThat(environment.getProperty("camunda.bpm.webapp.header-security.hsts-disabled", Boolean.class))
                .isFalse();
    }

    @Test
    void withoutHttpsTheCookiesStayAsTheyAre() {
        StandardEnvironment environment = environment(production(Map.of()));

        new RunMode().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isNull();
    }

    private static Map<String, Object> production(Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", "jdbc:postgresql://db/recouvrement", "spring.mail.host", "smtp.example.org",
                "recouvrement.creditor.name", "Fournitures Test", "recouvrement.creditor.iban", "FR76 3000"));
        properties.putAll(more);
        return properties;
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
