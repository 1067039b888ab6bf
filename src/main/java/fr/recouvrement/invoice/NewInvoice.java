package fr.recouvrement.invoice;

import fr.recouvrement.debtor.DebtorDetails;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A checked invoice, ready to be stored. {@code amount} has scale 2, in EUR. */
public record NewInvoice(
        String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, String currency,
        String description, DebtorDetails debtor) {
}
