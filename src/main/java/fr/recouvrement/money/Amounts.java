package fr.recouvrement.money;

import java.math.BigDecimal;

/** Reads amounts in EUR exactly, from text, never through a double: scale 2, positive, at most 2 decimals. */
public final class Amounts {

    static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Amounts() {
    }

    /** An amount, or why the text is not one (a French sentence for the person who typed it). */
    public record Parsed(BigDecimal amount, String problem) {

        public boolean isValid() {
            return problem == null;
        }
    }

    /**
     * @param spreadsheet also accept "1 234,50": spaces (or no-break spaces) between thousands, a decimal comma
     */
    public static Parsed parse(String value, boolean spreadsheet) {
        if (value == null || value.isBlank()) {
            return new Parsed(null, "Le montant est obligatoire.");
        }
        String text = value.strip();
        if (spreadsheet) {
            text = text.replaceAll("[\\s\\u00A0\\u202F]", "").replace(',', '.');
        }
        if (!text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return new Parsed(null, "Le montant « " + value.strip() + " » n'est pas un nombre décimal"
                    + (spreadsheet ? "." : " (point décimal, par exemple 1234.50)."));
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() <= 0) {
            return new Parsed(null, "Le montant doit être supérieur à zéro.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return new Parsed(null, "Le montant a au plus deux décimales.");
        }
        if (amount.compareTo(MAX) > 0) {
            return new Parsed(null, "Le montant dépasse " + MAX.toPlainString() + " EUR.");
        }
        return new Parsed(amount.setScale(2), null);
    }
}
