package fr.recouvrement.penalties;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The penalty and legal rates by half-year. Refuses, at start-up, a contractual rate below three times the legal
 * rate of any configured half-year (L441-10 II): such a clause could not be applied.
 */
@Component
public class RateTable {

    /** Default penalty rate: the ECB rate + 10 points. */
    static final BigDecimal ECB_MARGIN = new BigDecimal("10");
    /** Public procurement: the ECB rate + 8 points (R2192-31). */
    static final BigDecimal PUBLIC_MARGIN = new BigDecimal("8");
    static final BigDecimal CONTRACT_FLOOR_FACTOR = new BigDecimal("3");

    private final BigDecimal contractRate;
    private final Map<HalfYear, PenaltyProperties.Rates> rates = new TreeMap<>();

    public RateTable(PenaltyProperties properties) {
        this.contractRate = properties.contractRate();
        properties.halfYears().forEach((key, value) -> rates.put(HalfYear.parse(key), value));
        if (contractRate != null) {
            rates.forEach((halfYear, rate) -> {
                BigDecimal floor = rate.legalRate().multiply(CONTRACT_FLOOR_FACTOR);
                if (contractRate.compareTo(floor) < 0) {
                    throw new IllegalStateException("recouvrement.penalties.contract-rate=" + contractRate.toPlainString()
                            + " % is below 3 × the legal rate of " + halfYear + " (" + floor.toPlainString()
                            + " %): Code de commerce L441-10 II forbids it");
                }
            });
        }
    }

    /** The B2B late-payment penalty rate of the half-year, or empty when its ECB rate is not configured. */
    public Optional<BigDecimal> penaltyRate(HalfYear halfYear) {
        if (contractRate != null) {
            return Optional.of(contractRate);
        }
        return Optional.ofNullable(rates.get(halfYear)).map(PenaltyProperties.Rates::ecbRate)
                .map(ecb -> ecb.add(ECB_MARGIN));
    }

    /**
     * The late-payment interest rate of public procurement (Code de la commande publique R2192-31): the ECB rate in
     * force on the first day of the half-year in which interest began to run, + 8 points, for the whole period; a
     * contract cannot set another. Empty when that half-year's ECB rate is not configured.
     */
    public Optional<BigDecimal> publicProcurementRate(HalfYear started) {
        return Optional.ofNullable(rates.get(started)).map(PenaltyProperties.Rates::ecbRate)
                .map(ecb -> ecb.add(PUBLIC_MARGIN));
    }

    /** The legal interest rate ("autres cas") of the half-year, or empty when not configured. */
    public Optional<BigDecimal> legalRate(HalfYear halfYear) {
        return Optional.ofNullable(rates.get(halfYear)).map(PenaltyProperties.Rates::legalRate);
    }
}
