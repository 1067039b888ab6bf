package fr.recouvrement.penalties;

import fr.recouvrement.debtor.DebtorType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the law needs to know of an invoice.
 *
 * @param performedOn the day the goods were delivered or the service performed (the issue date when not given):
 *     prescription runs from it
 * @param payments payments, by date: they reduce the balance and, as acknowledgements of the debt, restart
 *     prescription
 * @param creditNotes credit notes (avoirs), by date: they reduce the balance only
 * @param acknowledgements other acknowledgements of the debt by the debtor (a signed payment plan)
 * @param insolvencyOpenedOn the judgment opening a collective procedure against the debtor, if any
 * @param noticeReceivedOn the day the debtor received the mise en demeure (AR, or first presentation), if any
 * @param cancelled fully credited or cancelled: the creditor withdrew the claim, nothing is owed on it
 */
public record InvoiceFacts(
        DebtorType debtorType, BigDecimal amount, LocalDate dueDate, LocalDate performedOn,
        List<Reduction> payments,
        List<Reduction> creditNotes, List<LocalDate> acknowledgements, LocalDate insolvencyOpenedOn,
        LocalDate noticeReceivedOn, boolean cancelled) {
}
