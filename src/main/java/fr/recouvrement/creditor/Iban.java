package fr.recouvrement.creditor;

import java.math.BigInteger;

/**
 * International bank account numbers (docs/droit-francais.md §7): ISO 7064 mod-97 check, a French one 27 characters
 * long.
 */
public final class Iban {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {
    }

    public static String normalize(String iban) {
        return iban == null ? "" : iban.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
    }

    public static boolean isValid(String iban) {
        String compact = normalize(iban);
        if (!compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}") || compact.startsWith("FR") && compact.length() != 27) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** In groups of four, as printed on a RIB: "FR76 3000 4005 ...". */
    public static String grouped(String iban) {
        return normalize(iban).replaceAll("(.{4})(?!$)", "$1 ");
    }
}
