package fr.recouvrement.registry;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import org.camunda.connect.Connectors;
import org.camunda.connect.httpclient.HttpConnector;
import org.camunda.connect.httpclient.HttpResponse;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * GETs a public register's JSON through Camunda Connect's HTTP connector, with the configured timeouts and user
 * agent. The company registry is rate-limited (a maintained limiter, per node). Camunda Connect does not fail on an
 * HTTP error: the status is checked here, and anything but 200 fails the job so that it is retried.
 */
@Component
class PublicDataClient {

    private final ConnectProperties properties;
    private final RateLimiter registryLimiter;

    PublicDataClient(ConnectProperties properties) {
        this.properties = properties;
        this.registryLimiter = RateLimiter.of("registre-des-entreprises", RateLimiterConfig.custom()
                .limitForPeriod(properties.registryRequestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofSeconds(30))
                .build());
    }

    SpinJsonNode registry(String pathAndQuery) {
        RateLimiter.waitForPermission(registryLimiter);
        return get("le registre des entreprises", properties.registryUrl() + pathAndQuery);
    }

    SpinJsonNode bodacc(String pathAndQuery) {
        return get("le BODACC", properties.bodaccUrl() + pathAndQuery);
    }

    private SpinJsonNode get(String register, String url) {
        HttpConnector http = Connectors.getConnector(HttpConnector.ID);
        HttpResponse response;
        try {
            response = http.createRequest().get().url(url)
                    .header("Accept", "application/json")
                    .header("User-Agent", properties.userAgent())
                    .configOption("connection-timeout", (int) properties.connectTimeout().toMillis())
                    .configOption("socket-timeout", (int) properties.readTimeout().toMillis())
                    .execute();
        } catch (RuntimeException e) {
            throw new PublicDataUnavailableException("Impossible de joindre " + register + " (" + url + ") : "
                    + e.getMessage(), e);
        }
        try {
            int status = response.getStatusCode();
            if (status != 200) {
                throw new PublicDataUnavailableException(register.substring(0, 1).toUpperCase() + register.substring(1)
                        + " a répondu " + status + (status == 429 ? " (trop de requêtes)" : "") + " à " + url + ".", null);
            }
            return Spin.JSON(response.getResponse());
        } finally {
            response.close();
        }
    }
}
