package fr.recouvrement.penalties;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment or credit note: what reduces the unpaid amount from the day after its date. */
public record Reduction(LocalDate date, BigDecimal amount) {
}
