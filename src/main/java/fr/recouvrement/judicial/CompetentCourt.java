package fr.recouvrement.judicial;

import fr.recouvrement.debtor.Address;
import java.math.BigDecimal;

/**
 * The court a route goes before, and whether CPC 750-1 asks for an amicable attempt first (docs/droit-francais.md §6).
 * Between traders the commercial court (tribunal des activités économiques, formerly tribunal de commerce: Code de
 * commerce L721-3), otherwise the tribunal judiciaire; both at the debtor's seat or home (CPC 42, 43, 1406). A
 * professional debtor ({@code B2B}) is taken as a trader: the legal team corrects it for a liberal profession or an
 * association, which go before the tribunal judiciaire. The labels are printed as they are: French typography, with
 * its no-break spaces, is written in them.
 */
final class CompetentCourt {

    /** CPC 750-1: up to this amount a claim before the tribunal judiciaire needs an amicable attempt first. */
    static final BigDecimal PRIOR_ATTEMPT_CEILING = new BigDecimal("5000.00");

    enum Court {
        TRIBUNAL_ACTIVITES_ECONOMIQUES, TRIBUNAL_JUDICIAIRE, TRIBUNAL_ADMINISTRATIF, COMMISSAIRE_DE_JUSTICE,
        MANDATAIRE_JUDICIAIRE, NONE
    }

    record Named(Court court, String label) {
    }

    private CompetentCourt() {
    }

    static Named of(String route, String debtorType, Address seat) {
        String place = seat == null ? "" : " (" + (seat.postalCode() + " " + seat.city()).trim() + ")";
        return switch (route) {
            case "ASSIGNATION", "INJONCTION_DE_PAYER" -> civil(debtorType, place);
            case "PETITES_CREANCES" -> new Named(Court.COMMISSAIRE_DE_JUSTICE,
                    "Commissaire de justice, sans juridiction (CPCE L125-1)\u202f; sans accord\u00a0: injonction de payer devant le "
                            + civilName(debtorType) + place);
            case "REFERE_PROVISION_TA" -> new Named(Court.TRIBUNAL_ADMINISTRATIF,
                    "Tribunal administratif du lieu d'exécution du contrat (CJA R312-11), juge des référés (CJA R541-1)");
            case "DECLARATION_CREANCE" -> new Named(Court.MANDATAIRE_JUDICIAIRE,
                    "Mandataire judiciaire désigné par le jugement d'ouverture (Code de commerce L622-24)");
            default -> new Named(Court.NONE, "");
        };
    }

    /** CPC 750-1: a claim of 5,000 EUR or less before the tribunal judiciaire, the injonction de payer excepted. */
    static boolean priorAttemptRequired(String route, Court court, BigDecimal amount) {
        return "ASSIGNATION".equals(route) && court == Court.TRIBUNAL_JUDICIAIRE
                && amount.compareTo(PRIOR_ATTEMPT_CEILING) <= 0;
    }

    private static Named civil(String debtorType, String place) {
        String name = civilName(debtorType);
        return new Named(trader(debtorType) ? Court.TRIBUNAL_ACTIVITES_ECONOMIQUES : Court.TRIBUNAL_JUDICIAIRE,
                Character.toUpperCase(name.charAt(0)) + name.substring(1) + place
                        + (trader(debtorType) ? " (Code de commerce L721-3\u202f; CPC 42, 43)" : " (CPC 42, 43)"));
    }

    private static String civilName(String debtorType) {
        return trader(debtorType)
                ? "tribunal des activités économiques (anciennement tribunal de commerce) du siège du débiteur"
                : "tribunal judiciaire du domicile ou du siège du débiteur";
    }

    private static boolean trader(String debtorType) {
        return "B2B".equals(debtorType);
    }
}
