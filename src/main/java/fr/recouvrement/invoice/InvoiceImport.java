package fr.recouvrement.invoice;

import fr.recouvrement.debtor.DebtorRepository;
import fr.recouvrement.debtor.KnownSegments;
import fr.recouvrement.debtor.SegmentCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a CSV file of invoices (docs/api.md): the whole file is checked first; then rows are validated one by one
 * and stored in batches, each batch in one transaction with the {@code suivi-facture} instances it starts (their
 * start event is asynchronous: the engine runs them after the commit). A rejected row stores nothing.
 */
@Service
public class InvoiceImport {

    static final int BATCH_SIZE = 500;

    private final InvoiceRepository invoices;
    private final DebtorRepository debtors;
    private final InvoiceRegistration registration;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final SegmentCatalogue segments;
    /** Today's date bounds the performance dates (simulated time included). */
    private final Clock clock;
    private final long maxBytes;

    public InvoiceImport(InvoiceRepository invoices, DebtorRepository debtors, InvoiceRegistration registration,
            RuntimeService runtime, TransactionTemplate transaction, SegmentCatalogue segments, Clock clock,
            @Value("${recouvrement.import.max-bytes:52428800}") long maxBytes) {
        this.invoices = invoices;
        this.debtors = debtors;
        this.registration = registration;
        this.runtime = runtime;
        this.transaction = transaction;
        this.segments = segments;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    public ImportReport importCsv(InputStream body) throws IOException {
        try (CsvInvoiceFile file = CsvInvoiceFile.receive(body, maxBytes)) {
            // Read once per file: every row is checked against the same scenario version, at one query per file.
            Run run = new Run(file, segments.current(), LocalDate.now(clock));
            file.forEachRow(run::accept);
            run.flush();
            return new ImportReport(run.imported, run.duplicates, run.rejected, run.warnings);
        }
    }

    /** A valid row waiting for its batch. */
    private record Pending(long line, NewInvoice invoice) {
    }

    private record BatchOutcome(int imported, int duplicates, List<ImportReport.Rejection> rejected) {
    }

    /** The state of one import. */
    private final class Run {

        private final CsvInvoiceFile file;
        private final KnownSegments knownSegments;
        private final LocalDate today;
        /** Numbers met so far in this file, with their line and values, to tell duplicates from conflicts. */
        private final Map<String, Pending> seen = new HashMap<>();
        private final List<Pending> batch = new ArrayList<>();
        private final List<ImportReport.Rejection> rejected = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private int imported;
        private int duplicates;

        Run(CsvInvoiceFile file, KnownSegments knownSegments, LocalDate today) {
            this.file = file;
            this.knownSegments = knownSegments;
            this.today = today;
        }

        void accept(CsvInvoiceFile.Row row) {
            InvoiceValidator.Result result = InvoiceValidator.validate(row.invoice(), InputFormat.CSV,
                    knownSegments, today);
            if (!result.isValid()) {
                result.problems().forEach(problem -> reject(row.line(), problem.field(), problem.message()));
                return;
            }
            NewInvoice invoice = result.invoice();
            Pending earlier = seen.get(invoice.number());
            if (earlier != null) {
                if (InvoiceIdentity.of(earlier.invoice()).differencesFrom(InvoiceIdentity.of(invoice)).isEmpty()) {
                    duplicates++;
                } else {
                    reject(row.line(), InvoiceField.NUMBER, "Le numéro " + invoice.number() + " figure déjà ligne "
                            + earlier.line() + " avec d'autres valeurs.");
                }
                return;
            }
            Pending pending = new Pending(row.line(), invoice);
            seen.put(invoice.number(), pending);
            result.warnings().forEach(warning -> warnings.add("Ligne " + row.line() + " : " + warning));
            batch.add(pending);
            if (batch.size() == BATCH_SIZE) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                // Counted after the commit: a batch that falls back to row by row must not count twice.
                BatchOutcome outcome = transaction.execute(status -> storeBatch(batch));
                imported += outcome.imported();
                duplicates += outcome.duplicates();
                rejected.addAll(outcome.rejected());
            } catch (DuplicateKeyException concurrentImport) {
                // Another request stored one of these numbers meanwhile: row by row, each in its own transaction.
                batch.forEach(this::storeAlone);
            }
            batch.clear();
        }

        private BatchOutcome storeBatch(List<Pending> rows) {
            Map<String, InvoiceView> known = invoices.findByNumbers(rows.stream().map(p -> p.invoice().number()).toList());
            List<NewInvoice> fresh = new ArrayList<>();
            List<Long> debtorIds = new ArrayList<>();
            int duplicatesHere = 0;
            List<ImportReport.Rejection> rejectedHere = new ArrayList<>();
            for (Pending row : rows) {
                InvoiceView stored = known.get(row.invoice().number());
                if (stored == null) {
                    fresh.add(row.invoice());
                    debtorIds.add(debtors.upsert(row.invoice().debtor()));
                } else if (InvoiceIdentity.of(stored).differencesFrom(InvoiceIdentity.of(row.invoice())).isEmpty()) {
                    duplicatesHere++;
                } else {
                    rejectedHere.add(knownWithOtherValues(row));
                }
            }
            invoices.insertAll(fresh, debtorIds);
            fresh.forEach(invoice -> runtime.createProcessInstanceByKey(InvoiceRegistration.SUIVI_FACTURE)
                    .businessKey(invoice.number())
                    .setVariable("invoiceNumber", invoice.number())
                    .execute());
            return new BatchOutcome(fresh.size(), duplicatesHere, rejectedHere);
        }

        private void storeAlone(Pending row) {
            try {
                if (registration.register(row.invoice()).created()) {
                    imported++;
                } else {
                    duplicates++;
                }
            } catch (InvoiceConflictException e) {
                rejected.add(knownWithOtherValues(row));
            }
        }

        private ImportReport.Rejection knownWithOtherValues(Pending row) {
            return new ImportReport.Rejection(row.line(), file.columnAsWritten(InvoiceField.NUMBER),
                    "La facture " + row.invoice().number() + " est déjà enregistrée avec d'autres valeurs.");
        }

        private void reject(long line, InvoiceField field, String message) {
            rejected.add(new ImportReport.Rejection(line, file.columnAsWritten(field), message));
        }
    }
}
