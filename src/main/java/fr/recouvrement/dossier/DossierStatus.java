package fr.recouvrement.dossier;

/** Where a dossier stands: it takes new invoices while OPEN, none once its notice is sent, nothing once closed. */
public enum DossierStatus {
    OPEN,
    NOTICE_SENT,
    CLOSED;

    /** The status read from a column that is null when the invoice is in no dossier. */
    public static DossierStatus fromColumn(String value) {
        return value == null ? null : valueOf(value);
    }
}
