package fr.recouvrement.debtor;

/** The customer segment the scenario DMN routes on. */
public enum Segment {
    PME,
    GRAND_COMPTE,
    /** A long-standing relationship: gentler reminders. */
    FIDELE,
    /** A chronic late payer: firmer, faster. */
    MAUVAIS_PAYEUR
}
