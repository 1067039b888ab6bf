package fr.recouvrement.invoice;

/** Where an invoice stands in the ledger (docs/api.md). */
public enum InvoiceStatus {
    OPEN("À recouvrer"),
    PAID("Payée"),
    DISPUTED("En litige"),
    PAYMENT_PLAN("Échéancier"),
    JUDICIAL("Contentieux"),
    /** Fully credited or cancelled. */
    CANCELLED("Annulée");

    private final String label;

    InvoiceStatus(String label) {
        this.label = label;
    }

    /** As the agents' forms show it. */
    public String label() {
        return label;
    }

    /** Whether its balance is claimed: a disputed invoice is suspended, a paid or cancelled one settled. */
    public boolean claimed() {
        return this == OPEN || this == PAYMENT_PLAN || this == JUDICIAL;
    }
}
