package fr.recouvrement.bank;

import java.util.List;

/**
 * The answer of {@code POST /api/bank-statements} (docs/api.md): entries read, credits considered, how they were
 * matched, those already recorded, those not for Recouvrement, and those set aside with the reason.
 *
 * @param entries every {@code Ntry} of the files
 * @param credits booked EUR credit entries on the creditor's accounts, recorded now or before
 * @param reversals reversals and returned credits that undid a recorded credit
 * @param ignored debits, other currencies, entries not booked, statements of other accounts
 * @param rejected entries recorded for review, or not recorded, with the reason
 */
public record BankImportReport(int entries, int credits, int matched, int partlyMatched, int unmatched, int duplicates,
        int reversals, int ignored, List<Rejected> rejected) {

    /** An entry set aside: {@code entry} names the file, the entry's place and its reference. */
    public record Rejected(String entry, String reason) {
    }
}
