package fr.recouvrement.debtor;

import java.util.Map;

/**
 * The common catégories juridiques of the INSEE (the code the company registry gives as {@code nature_juridique}) in
 * the words a court reads (docs/droit-francais.md §6). A code not in the table is printed as it is, to be checked on
 * the Kbis extract.
 */
public final class LegalForms {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("1000", "Entrepreneur individuel"),
            Map.entry("5202", "Société en nom collectif (SNC)"),
            Map.entry("5306", "Société en commandite simple (SCS)"),
            Map.entry("5308", "Société en commandite par actions (SCA)"),
            Map.entry("5485", "Société d'exercice libéral à responsabilité limitée (SELARL)"),
            Map.entry("5498", "Entreprise unipersonnelle à responsabilité limitée (EURL)"),
            Map.entry("5499", "Société à responsabilité limitée (SARL)"),
            Map.entry("5599", "Société anonyme à conseil d'administration (SA)"),
            Map.entry("5699", "Société anonyme à directoire (SA)"),
            Map.entry("5710", "Société par actions simplifiée (SAS)"),
            Map.entry("5720", "Société par actions simplifiée unipersonnelle (SASU)"),
            Map.entry("5785", "Société d'exercice libéral par actions simplifiée (SELAS)"),
            Map.entry("5800", "Société européenne (SE)"),
            Map.entry("6220", "Groupement d'intérêt économique (GIE)"),
            Map.entry("6540", "Société civile immobilière (SCI)"),
            Map.entry("6599", "Société civile"),
            Map.entry("9220", "Association déclarée"));

    private LegalForms() {
    }

    /** The legal form in French words; null for no code. */
    public static String label(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String label = LABELS.get(code.strip());
        return label != null ? label : "catégorie juridique INSEE " + code.strip() + " (à vérifier)";
    }
}
