package fr.recouvrement.scenario;

import java.util.List;
import java.util.Optional;
import org.springframework.util.StringUtils;

/**
 * Where a Camunda Connect {@code http-connector} of a diagram may go: under the company registry or BODACC as
 * configured ({@code recouvrement.connect.registry-url}, {@code recouvrement.connect.bodacc-url}), never to an
 * internal address chosen by whoever deploys. The shipped diagrams call the registers from Java
 * ({@code debtorChecks}); this is for an analyst's connector.
 */
final class ConnectorUrls {

    static final String HTTP_CONNECTOR = "http-connector";

    private final List<String> registries;

    ConnectorUrls(List<String> registryUrls) {
        this.registries = registryUrls.stream().filter(StringUtils::hasText)
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).toList();
    }

    /**
     * Why the connector is refused, if it is.
     *
     * @param url the text of its {@code url} input, null when there is none or when it is not plain text
     */
    Optional<String> problem(String connectorId, String url) {
        if (!HTTP_CONNECTOR.equals(connectorId)) {
            return Optional.of("uses the connector " + connectorId + ": only " + HTTP_CONNECTOR + " is allowed, to "
                    + registries);
        }
        if (url == null) {
            return Optional.of("has no url input written as text: an " + HTTP_CONNECTOR + " may only call "
                    + registries);
        }
        return isUnderARegistry(url) ? Optional.empty()
                : Optional.of("calls " + url + ": an " + HTTP_CONNECTOR + " may only call " + registries);
    }

    /**
     * The address up to its first expression is fixed by the diagram; it must already name a registry and the
     * separator after it, so that an expression cannot turn {@code https://registry} into {@code
     * https://registry.evil.example}.
     */
    private boolean isUnderARegistry(String url) {
        int expression = firstExpression(url);
        String fixed = expression < 0 ? url : url.substring(0, expression);
        return registries.stream().anyMatch(base -> expression < 0 && fixed.equals(base)
                || fixed.startsWith(base + "/") || fixed.startsWith(base + "?"));
    }

    private static int firstExpression(String url) {
        int dollar = url.indexOf("${");
        int hash = url.indexOf("#{");
        return dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
    }
}
