package fr.recouvrement.invoice;

import fr.recouvrement.debtor.DebtorRepository;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers an invoice with its debtor and starts its {@code suivi-facture}, in one transaction with the engine.
 * Idempotent by invoice number: the same invoice again changes nothing; another invoice under a known number is a
 * conflict. Two concurrent requests for one number store one row: the loser's insert fails on the unique number and
 * it answers as a replay.
 */
@Service
public class InvoiceRegistration {

    public static final String SUIVI_FACTURE = "suivi-facture";

    private final DebtorRepository debtors;
    private final InvoiceRepository invoices;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;

    public InvoiceRegistration(DebtorRepository debtors, InvoiceRepository invoices, RuntimeService runtime,
            TransactionTemplate transaction) {
        this.debtors = debtors;
        this.invoices = invoices;
        this.runtime = runtime;
        this.transaction = transaction;
    }

    /** What became of a registration: a new invoice, or the one already stored under that number. */
    public record Outcome(InvoiceView invoice, boolean created) {
    }

    /**
     * @throws InvoiceConflictException when the number is taken by an invoice with other fields
     */
    public Outcome register(NewInvoice invoice) {
        try {
            return transaction.execute(status -> invoices.findByNumber(invoice.number())
                    .map(existing -> replay(invoice, existing))
                    .orElseGet(() -> create(invoice)));
        } catch (DuplicateKeyException concurrentInsert) {
            return transaction.execute(status -> replay(invoice, invoices.findByNumber(invoice.number()).orElseThrow()));
        }
    }

    private Outcome create(NewInvoice invoice) {
        long debtorId = debtors.upsert(invoice.debtor());
        invoices.insert(invoice, debtorId);
        // asyncBefore on the start event: the job executor runs the instance after this transaction commits.
        runtime.createProcessInstanceByKey(SUIVI_FACTURE)
                .businessKey(invoice.number())
                .setVariable("invoiceNumber", invoice.number())
                .execute();
        return new Outcome(invoices.findByNumber(invoice.number()).orElseThrow(), true);
    }

    private static Outcome replay(NewInvoice invoice, InvoiceView existing) {
        List<InvoiceField> differences = InvoiceIdentity.of(existing).differencesFrom(InvoiceIdentity.of(invoice));
        if (!differences.isEmpty()) {
            throw new InvoiceConflictException(invoice.number(), differences);
        }
        return new Outcome(existing, false);
    }
}
