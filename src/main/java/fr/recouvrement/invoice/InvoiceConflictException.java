package fr.recouvrement.invoice;

import java.util.List;

/** A known invoice number sent again with other invoice fields. */
public class InvoiceConflictException extends RuntimeException {

    private final transient List<InvoiceField> differences;

    public InvoiceConflictException(String number, List<InvoiceField> differences) {
        super("La facture " + number + " est déjà enregistrée avec d'autres valeurs.");
        this.differences = List.copyOf(differences);
    }

    public List<InvoiceField> differences() {
        return differences;
    }
}
