package fr.recouvrement.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A checked payment or credit note; {@code amount} has scale 2. */
record NewPayment(String reference, BigDecimal amount, LocalDate date, PaymentType type) {
}
