package fr.recouvrement.debtor;

/**
 * SIREN checks of docs/droit-francais.md §7: 9 digits with a Luhn checksum; La Poste's SIRETs are the known exception.
 */
public final class Siren {

    /** La Poste's SIREN: it passes the Luhn check, but the SIRETs of its establishments do not. */
    static final String LA_POSTE = "356000000";

    private Siren() {
    }

    public static boolean isValid(String siren) {
        if (siren == null || !siren.matches("[0-9]{9}")) {
            return false;
        }
        return luhn(siren);
    }

    /** SIRET: SIREN + 5 digits, Luhn on 14 digits; La Poste's establishments have a digit sum multiple of 5. */
    public static boolean isValidSiret(String siret) {
        if (siret == null || !siret.matches("[0-9]{14}")) {
            return false;
        }
        if (siret.startsWith(LA_POSTE)) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(siret);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
