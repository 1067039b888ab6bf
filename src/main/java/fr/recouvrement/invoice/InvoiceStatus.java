package fr.recouvrement.invoice;

/** Where an invoice stands in the ledger (DESIGN §5). */
public enum InvoiceStatus {
    OPEN,
    PAID,
    DISPUTED,
    PAYMENT_PLAN,
    JUDICIAL,
    /** Fully credited or cancelled. */
    CANCELLED
}
