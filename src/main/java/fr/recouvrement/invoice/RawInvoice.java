package fr.recouvrement.invoice;

import java.util.EnumMap;
import java.util.Map;

/** An invoice as typed by someone: text only, not yet checked. */
public final class RawInvoice {

    private final Map<InvoiceField, String> values = new EnumMap<>(InvoiceField.class);

    public RawInvoice with(InvoiceField field, String value) {
        values.put(field, value);
        return this;
    }

    /** The value with surrounding blanks removed; null when absent or blank. */
    public String get(InvoiceField field) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
