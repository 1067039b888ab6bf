package fr.recouvrement.invoice;

/** Where an invoice stands in the ledger (docs/api.md). */
public enum InvoiceStatus {
    OPEN,
    PAID,
    DISPUTED,
    PAYMENT_PLAN,
    JUDICIAL,
    /** Fully credited or cancelled. */
    CANCELLED;

    /** Whether its balance is claimed: a disputed invoice is suspended, a paid or cancelled one settled. */
    public boolean claimed() {
        return this == OPEN || this == PAYMENT_PLAN || this == JUDICIAL;
    }
}
