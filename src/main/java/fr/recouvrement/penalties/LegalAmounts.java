package fr.recouvrement.penalties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the law adds to an invoice, as of a day.
 *
 * @param penalties late-payment penalties (B2B) or legal interest from the mise en demeure (B2C); null when a rate
 *     is missing from the configuration, with a warning saying which
 * @param indemnity the 40 EUR fixed recovery indemnity (B2B, late invoice), else 0.00
 * @param prescriptionDate the last day to act in court
 * @param insolvencyClaim before or after the debtor's opening judgment, null when no procedure is known
 * @param periods the lines the penalties sum, one per balance and rate (empty when nothing accrued or not computed)
 */
public record LegalAmounts(BigDecimal penalties, BigDecimal indemnity, LocalDate prescriptionDate,
        InsolvencyClaim insolvencyClaim, List<String> warnings, List<InterestPeriod> periods) {
}
