package fr.recouvrement.invoice;

/**
 * The fields of an invoice as it comes in, with their names in the JSON API (a JSON path) and in the CSV import
 * (the column), so that one validation reports problems in the words of each channel.
 */
public enum InvoiceField {
    NUMBER("number", "number"),
    ISSUE_DATE("issueDate", "issueDate"),
    DUE_DATE("dueDate", "dueDate"),
    PERFORMANCE_DATE("performanceDate", "performanceDate"),
    AMOUNT("amount", "amount"),
    CURRENCY("currency", "currency"),
    DESCRIPTION("description", "description"),
    DEBTOR_REFERENCE("debtorReference", "debtorReference"),
    RETENTION_OF_TITLE("retentionOfTitle", "retentionOfTitle"),
    VAT_RATE("vatRate", "vatRate"),
    VAT_ON_RECEIPT("vatOnReceipt", "vatOnReceipt"),
    DEBTOR_NAME("debtor.name", "debtorName"),
    SIREN("debtor.siren", "siren"),
    TYPE("debtor.type", "type"),
    SEGMENT("debtor.segment", "segment"),
    EMAIL("debtor.email", "email"),
    PHONE("debtor.phone", "phone"),
    LINE1("debtor.address.line1", "line1"),
    LINE2("debtor.address.line2", "line2"),
    POSTAL_CODE("debtor.address.postalCode", "postalCode"),
    CITY("debtor.address.city", "city"),
    COUNTRY("debtor.address.country", "country");

    private final String jsonPath;
    private final String column;

    InvoiceField(String jsonPath, String column) {
        this.jsonPath = jsonPath;
        this.column = column;
    }

    public String jsonPath() {
        return jsonPath;
    }

    public String column() {
        return column;
    }
}
