package fr.recouvrement.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a dossier claims on a day, as every letter and the agents' forms state it: the invoices it may demand
 * ({@link InvoiceView#claimableOn}), their principal, and between companies the penalties and the 40 € indemnity.
 *
 * @param penaltiesKnown false when an invoice's penalties could not be computed (a half-year's rate not configured):
 *     the penalties then count as zero, and whoever shows them says they are not computed
 */
public record ClaimedAmounts(List<InvoiceView> claimed, BigDecimal principal, boolean penaltiesKnown,
        BigDecimal penalties, BigDecimal indemnity) {

    private static final BigDecimal NONE = BigDecimal.ZERO.setScale(2);

    /** @param completed the dossier's invoices with what the law adds ({@link InvoiceLegalAmounts#complete}) */
    public static ClaimedAmounts of(List<InvoiceView> completed, LocalDate day) {
        return of(completed, completed.stream().filter(i -> i.claimableOn(day)).toList());
    }

    /**
     * What the claim declaration states: the invoices born before the debtor's opening judgment, their penalties
     * stopped on its day and their 40 € only if they were late before it ({@link InvoiceView#declarableOn}).
     */
    public static ClaimedAmounts declared(List<InvoiceView> completed, LocalDate day) {
        return of(completed, completed.stream().filter(i -> i.declarableOn(day)).toList());
    }

    private static ClaimedAmounts of(List<InvoiceView> completed, List<InvoiceView> claimed) {
        boolean b2b = completed.get(0).debtor().type().professional();
        boolean penaltiesKnown = claimed.stream().allMatch(i -> i.penalties() != null);
        return new ClaimedAmounts(claimed, sum(claimed, InvoiceView::balance), penaltiesKnown,
                b2b && penaltiesKnown ? sum(claimed, InvoiceView::penalties) : NONE,
                b2b ? sum(claimed, InvoiceView::indemnity) : NONE);
    }

    public BigDecimal total() {
        return principal.add(penalties).add(indemnity);
    }

    private static BigDecimal sum(List<InvoiceView> invoices, Function<InvoiceView, BigDecimal> amount) {
        return invoices.stream().map(amount).filter(Objects::nonNull).reduce(NONE, BigDecimal::add);
    }
}
