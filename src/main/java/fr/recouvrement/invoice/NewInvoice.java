package fr.recouvrement.invoice;

import fr.recouvrement.debtor.DebtorDetails;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A checked invoice, ready to be stored. {@code amount} has scale 2, in EUR; {@code performanceDate} is null when not
 * given (the issue date stands for it); {@code debtorReference} is null when not given; {@code retentionOfTitle} says
 * whether the goods were sold with a retention-of-title clause; {@code vatRate} is a percentage (20.00 when not given)
 * and {@code vatOnReceipt} says the VAT is due on receipt (services, CGI 269-2-c).
 */
public record NewInvoice(
        String number, LocalDate issueDate, LocalDate dueDate, LocalDate performanceDate, BigDecimal amount, String currency,
        String description, String debtorReference, boolean retentionOfTitle, BigDecimal vatRate, boolean vatOnReceipt,
        DebtorDetails debtor) {
}
