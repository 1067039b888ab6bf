package fr.recouvrement.event;

/** How a call to the debtor ended, as the agent records it in "Appel de conciliation". */
public enum CallOutcome {
    PROMESSE("promesse de paiement"),
    LITIGE("litige sur une facture"),
    ECHEANCIER("demande d'échéancier"),
    PAS_DE_REPONSE("pas de réponse"),
    REFUS("refus de payer");

    private final String label;

    CallOutcome(String label) {
        this.label = label;
    }

    /** In French, for the dossier's timeline. */
    public String label() {
        return label;
    }
}
