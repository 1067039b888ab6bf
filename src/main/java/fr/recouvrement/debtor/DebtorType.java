package fr.recouvrement.debtor;

/**
 * A company (identified by SIREN), a consumer, or a public body: the State, a local authority, a public hospital or
 * another public establishment, identified by SIREN too (docs/droit-francais.md §10).
 */
public enum DebtorType {
    B2B,
    B2C,
    PUBLIC;

    /**
     * A company or a public body: identified by its SIREN, one debtor and one open dossier per SIREN, late-payment
     * interest and the 40 EUR indemnity from the day after the due date; a consumer is none of these.
     */
    public boolean professional() {
        return this != B2C;
    }
}
