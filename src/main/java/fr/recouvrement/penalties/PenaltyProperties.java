package fr.recouvrement.penalties;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rates of docs/droit-francais.md §1, in percent per year. A new half-year is added here (application.yaml, or an
 * environment variable such as {@code RECOUVREMENT_PENALTIES_HALFYEARS_2026H2_ECBRATE=2.15}), never in code.
 *
 * @param contractRate the creditor's contractual penalty rate, if its terms set one; else ECB + 10 points applies
 * @param halfYears by half-year ({@code 2026-H1}): the ECB main refinancing rate in force on its first day and the
 *     taux d'intérêt légal
 */
@ConfigurationProperties("recouvrement.penalties")
public record PenaltyProperties(BigDecimal contractRate, Map<String, Rates> halfYears) {

    public PenaltyProperties {
        halfYears = halfYears == null ? Map.of() : Map.copyOf(halfYears);
    }

    /**
     * @param ecbRate ECB main refinancing operations rate on the half-year's first day
     * @param legalRate taux d'intérêt légal, "autres cas" (the creditor is a professional)
     */
    public record Rates(BigDecimal ecbRate, BigDecimal legalRate) {
    }
}
