package fr.recouvrement.invoice;

import fr.recouvrement.debtor.DebtorType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What makes an invoice the same invoice when its number comes again: its own fields and who owes it (a company by
 * SIREN, a consumer by name, e-mail and postal code). Contact details may change without making it another invoice.
 * {@code performanceDate} is null when a new invoice does not give it.
 */
record InvoiceIdentity(LocalDate issueDate, LocalDate dueDate, LocalDate performanceDate, BigDecimal amount, String currency, String description,
        DebtorType debtorType, String siren, String name, String email, String postalCode) {

    static InvoiceIdentity of(NewInvoice invoice) {
        return new InvoiceIdentity(invoice.issueDate(), invoice.dueDate(), invoice.performanceDate(), invoice.amount(),
                invoice.currency(), invoice.description(), invoice.debtor().type(), invoice.debtor().siren(), invoice.debtor().name(),
                invoice.debtor().email(), invoice.debtor().address().postalCode());
    }

    static InvoiceIdentity of(InvoiceView invoice) {
        InvoiceView.DebtorView debtor = invoice.debtor();
        return new InvoiceIdentity(invoice.issueDate(), invoice.dueDate(), invoice.performanceDate(), invoice.amount(),
                invoice.currency(), invoice.description(), debtor.type(), debtor.siren(), debtor.name(), debtor.email(),
                debtor.address().postalCode());
    }

    /** The fields in which {@code other} differs from this one; empty when it is the same invoice. */
    List<InvoiceField> differencesFrom(InvoiceIdentity other) {
        List<InvoiceField> differences = new ArrayList<>();
        if (!issueDate.equals(other.issueDate)) {
            differences.add(InvoiceField.ISSUE_DATE);
        }
        if (!dueDate.equals(other.dueDate)) {
            differences.add(InvoiceField.DUE_DATE);
        }
        // Optional: a row sent again without it says nothing against the date known.
        if (performanceDate != null && other.performanceDate != null && !performanceDate.equals(other.performanceDate)) {
            differences.add(InvoiceField.PERFORMANCE_DATE);
        }
        if (amount.compareTo(other.amount) != 0) {
            differences.add(InvoiceField.AMOUNT);
        }
        if (!currency.equals(other.currency)) {
            differences.add(InvoiceField.CURRENCY);
        }
        if (!Objects.equals(description, other.description)) {
            differences.add(InvoiceField.DESCRIPTION);
        }
        if (debtorType != other.debtorType) {
            differences.add(InvoiceField.TYPE);
        } else if (debtorType.professional()) {
            if (!Objects.equals(siren, other.siren)) {
                differences.add(InvoiceField.SIREN);
            }
        } else {
            if (!lower(name).equals(lower(other.name))) {
                differences.add(InvoiceField.DEBTOR_NAME);
            }
            if (!lower(email).equals(lower(other.email))) {
                differences.add(InvoiceField.EMAIL);
            }
            if (!postalCode.equals(other.postalCode)) {
                differences.add(InvoiceField.POSTAL_CODE);
            }
        }
        return differences;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
