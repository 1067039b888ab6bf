package fr.recouvrement.penalties;

/**
 * Where an invoice stands against its debtor's collective procedure (docs/droit-francais.md §8), by its performance
 * date against the opening judgment's date: the judgment takes effect from the first hour of its day.
 */
public enum InsolvencyClaim {
    /** Performed before the judgment (L622-7): it may no longer be paid nor claimed; it is declared. */
    ANTERIEURE,
    /** Performed on or after the judgment's day (L622-17): claimed as usual, penalties and 40 EUR included. */
    POSTERIEURE;

    /** Null when no procedure is known. */
    static InsolvencyClaim of(InvoiceFacts invoice) {
        if (invoice.insolvencyOpenedOn() == null) {
            return null;
        }
        return invoice.performedOn().isBefore(invoice.insolvencyOpenedOn()) ? ANTERIEURE : POSTERIEURE;
    }
}
