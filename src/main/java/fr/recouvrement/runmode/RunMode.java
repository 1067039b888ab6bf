package fr.recouvrement.runmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before any bean exists, whether this is the default run or production (docs/architecture.md §4).
 *
 * <p>Default run: {@code spring.datasource.url} is not set from any source. The embedded PostgreSQL and,
 * unless {@code spring.mail.host} is set, the embedded SMTP server take over, and the demo admin is created. Its
 * passwords are known to everyone, so it listens on the loopback unless {@code server.address} says otherwise, and it
 * refuses a configured creditor: whoever names their own company is setting up production and forgot the database.
 * Production: the settings production cannot do without are checked here, so a misconfigured node stops before
 * it touches the database; the API's description is hidden unless enabled. Either mode behind HTTPS
 * ({@value #HTTPS}) gets secure cookies and HSTS.
 */
public class RunMode implements EnvironmentPostProcessor {

    public static final String DEFAULT_RUN = "recouvrement.default-run";
    public static final String EMBEDDED_SMTP = "recouvrement.embedded-smtp.enabled";
    static final String PROPERTY_SOURCE = "recouvrement-run-mode";
    static final String LOOPBACK = "127.0.0.1";
    /** Browsers reach the application over HTTPS only (a TLS proxy in front of it): docs/operations.md. */
    public static final String HTTPS = "recouvrement.https";
    private static final String CREDITOR_PREFIX = "recouvrement.creditor.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new LinkedHashMap<>();
        boolean defaultRun = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean mailHostSet = StringUtils.hasText(environment.getProperty("spring.mail.host"));
        derived.put(DEFAULT_RUN, defaultRun);
        if (defaultRun) {
            refuseConfiguredCreditor(environment);
            derived.put("server.address", LOOPBACK);
            if (!mailHostSet) {
                int port = environment.getProperty("recouvrement.embedded-smtp.port", Integer.class, 0);
                derived.put(EMBEDDED_SMTP, true);
                derived.put("spring.mail.host", "127.0.0.1");
                derived.put("spring.mail.port", port == 0 ? freePort() : port);
            }
            // A demonstration may move its clock; production only when told to (docs/operations.md).
            derived.put("recouvrement.simulation.enabled", true);
            derived.put("camunda.bpm.admin-user.id", "demo");
            derived.put("camunda.bpm.admin-user.password", "demo");
            derived.put("camunda.bpm.admin-user.first-name", "Demo");
            derived.put("camunda.bpm.admin-user.last-name", "Administrateur");
            demoCreditor(derived);
        } else {
            checkProduction(environment, mailHostSet);
            // The API's description lists every endpoint and field: production shows it only when asked to.
            derived.put("springdoc.api-docs.enabled", false);
            derived.put("springdoc.swagger-ui.enabled", false);
        }
        if (environment.getProperty(HTTPS, Boolean.class, false)) {
            https(derived);
        }
        // Last: anything the user configured wins over these derived values.
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, derived));
    }

    private static void checkProduction(ConfigurableEnvironment environment, boolean mailHostSet) {
        if (!mailHostSet) {
            throw new ProductionSettingMissingException(
                    "spring.datasource.url is set (production mode) but no SMTP server is configured: "
                            + "set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD as needed).");
        }
        if (!StringUtils.hasText(environment.getProperty("recouvrement.creditor.name"))
                || !StringUtils.hasText(environment.getProperty("recouvrement.creditor.iban"))) {
            throw new ProductionSettingMissingException("spring.datasource.url is set (production mode) but the "
                    + "creditor named in letters is not configured: set RECOUVREMENT_CREDITOR_NAME, "
                    + "RECOUVREMENT_CREDITOR_SIREN, RECOUVREMENT_CREDITOR_IBAN and the others docs/operations.md lists "
                    + "(\"The creditor\").");
        }
        boolean adminId = StringUtils.hasText(environment.getProperty("camunda.bpm.admin-user.id"));
        boolean adminPassword = StringUtils.hasText(environment.getProperty("camunda.bpm.admin-user.password"));
        if (adminId != adminPassword) {
            throw new ProductionSettingMissingException(
                    "CAMUNDA_BPM_ADMIN_USER_ID and CAMUNDA_BPM_ADMIN_USER_PASSWORD must be set together: "
                            + "the first administrator never gets a default password in production.");
        }
    }

    /**
     * Every cookie that carries a session or its anti-CSRF token is {@code Secure}, and every answer asks the browser
     * to come back over HTTPS only (HSTS): Spring's session cookie, and the webapps' own cookie and header filters.
     */
    private static void https(Map<String, Object> derived) {
        derived.put("server.servlet.session.cookie.secure", true);
        derived.put("camunda.bpm.webapp.session-cookie.enable-secure-cookie", true);
        derived.put("camunda.bpm.webapp.csrf.enable-secure-cookie", true);
        derived.put("camunda.bpm.webapp.header-security.hsts-disabled", false);
    }

    /**
     * A creditor set from any source (RECOUVREMENT_CREDITOR_*, an external application.yaml) without a database means
     * production data would go into the demonstration, with its known passwords: stop, and say what is missing.
     */
    private static void refuseConfiguredCreditor(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (isCreditorProperty(name) && !isEmpty(source.getProperty(name))) {
                        throw new ProductionSettingMissingException("The creditor is configured (" + name + " in "
                                + source.getName() + ") but spring.datasource.url is not: this would be the "
                                + "demonstration, with its known passwords. Set SPRING_DATASOURCE_URL (and "
                                + "SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD) to the production database, "
                                + "or remove the RECOUVREMENT_CREDITOR_* settings to run the demonstration.");
                    }
                }
            }
        }
    }

    /** Relaxed binding: recouvrement.creditor.name, RECOUVREMENT_CREDITOR_NAME, recouvrement.creditor.signatoryName... */
    private static boolean isCreditorProperty(String name) {
        return name.replace('_', '.').toLowerCase(Locale.ROOT).startsWith(CREDITOR_PREFIX);
    }

    private static boolean isEmpty(Object value) {
        return value == null || !StringUtils.hasText(value.toString());
    }

    /** The default run writes its letters for a demonstration company; production must name its own creditor. */
    private static void demoCreditor(Map<String, Object> derived) {
        String prefix = CREDITOR_PREFIX;
        derived.put(prefix + "name", "Exemple Industrie");
        derived.put(prefix + "legal-form", "SAS au capital de 100 000 €");
        derived.put(prefix + "siren", "901234567");
        derived.put(prefix + "rcs-city", "Lyon");
        derived.put(prefix + "address-line1", "10 rue des Exemples");
        derived.put(prefix + "postal-code", "69002");
        derived.put(prefix + "city", "Lyon");
        derived.put(prefix + "email", "recouvrement@exemple-industrie.fr");
        derived.put(prefix + "phone", "04 72 00 00 00");
        derived.put(prefix + "iban", "FR76 3000 4005 5000 0101 2345 690");
        derived.put(prefix + "bic", "BNPAFRPPXXX");
        derived.put(prefix + "signatory-name", "Claire Martin");
        derived.put(prefix + "signatory-title", "Responsable du recouvrement");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port for the embedded SMTP server", e);
        }
    }
}
