package fr.recouvrement.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code recouvrement.connect}: where the public registers are, whether each is consulted, how long to wait, and how
 * fast the company registry may be asked (docs/droit-francais.md §8).
 */
@ConfigurationProperties("recouvrement.connect")
public record ConnectProperties(
        String registryUrl,
        boolean registryEnabled,
        int registryRequestsPerSecond,
        String bodaccUrl,
        boolean bodaccEnabled,
        Duration connectTimeout,
        Duration readTimeout,
        String userAgent) {
}
