package fr.recouvrement.kpi;

import fr.recouvrement.kpi.KpiReport.Bucket;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The buckets of the aged balance (balance âgée), by days past the due date as of the day asked. */
enum AgedBucket {
    NOT_DUE("Non échu", null, 0),
    DAYS_1_30("1 à 30 jours", 1, 30),
    DAYS_31_60("31 à 60 jours", 31, 60),
    DAYS_61_90("61 à 90 jours", 61, 90),
    DAYS_91_180("91 à 180 jours", 91, 180),
    OVER_180("Plus de 180 jours", 181, null);

    /** The bucket of a row whose days late are {@code days_late}, as SQL. */
    static final String SQL = Arrays.stream(values()).filter(bucket -> bucket.maxDaysLate != null)
            .map(bucket -> "when days_late <= " + bucket.maxDaysLate + " then '" + bucket.name() + "'")
            .collect(Collectors.joining(" ", "case ", " else '" + OVER_180.name() + "' end"));

    private final String label;
    private final Integer minDaysLate;
    private final Integer maxDaysLate;

    AgedBucket(String label, Integer minDaysLate, Integer maxDaysLate) {
        this.label = label;
        this.minDaysLate = minDaysLate;
        this.maxDaysLate = maxDaysLate;
    }

    String label() {
        return label;
    }

    Bucket of(BigDecimal amount, long invoices) {
        return new Bucket(name(), label, minDaysLate, maxDaysLate, amount, invoices);
    }
}
