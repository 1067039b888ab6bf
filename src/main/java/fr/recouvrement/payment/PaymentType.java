package fr.recouvrement.payment;

/** What reduces an invoice's balance. */
public enum PaymentType {
    PAYMENT,
    /** An avoir: the creditor reduces or cancels what the invoice claims. */
    CREDIT_NOTE
}
