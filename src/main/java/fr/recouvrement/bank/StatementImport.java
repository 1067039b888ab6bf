package fr.recouvrement.bank;

import fr.recouvrement.creditor.CreditorProperties;
import fr.recouvrement.engine.EngineTransaction;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.payment.PaymentRecorder;
import fr.recouvrement.penalties.InsolvencyClaim;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Imports camt.053 / camt.054 files (docs/api.md, «Relevés bancaires»): each booked EUR credit entry on the creditor's
 * accounts is recorded once, matched, and allocated by Code civil art. 1342-10 through {@link PaymentRecorder}; a
 * reversal cancels the payments of the credit it undoes.
 *
 * <p>One transaction for the whole request: a file refused anywhere in it (even at its last entry) leaves nothing
 * stored, from any of the request's files. The files are on disk, so that {@link EngineTransaction} can read them again
 * when it runs the transaction again after a race with a job.
 */
@Service
public class StatementImport {

    static final int ATTEMPTS = 3;

    private final CamtReader reader = new CamtReader();
    private final BankEntryRepository entries;
    private final TransactionMatcher matcher;
    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;
    private final PaymentRecorder payments;
    private final BankLookups lookups;
    private final EngineTransaction transaction;
    private final ReconciliationTasks reconciliationTasks;
    private final Set<String> accounts;
    private final Clock clock;

    StatementImport(BankEntryRepository entries, TransactionMatcher matcher, InvoiceRepository invoices,
            InvoiceLegalAmounts legalAmounts, PaymentRecorder payments, BankLookups lookups,
            EngineTransaction transaction, ReconciliationTasks reconciliationTasks, CreditorProperties creditor,
            BankProperties bank, Clock clock) {
        this.entries = entries;
        this.matcher = matcher;
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
        this.payments = payments;
        this.lookups = lookups;
        this.transaction = transaction;
        this.reconciliationTasks = reconciliationTasks;
        this.clock = clock;
        Set<String> ours = new LinkedHashSet<>();
        ours.add(creditor.iban());
        ours.addAll(bank.accounts());
        this.accounts = Set.copyOf(ours);
    }

    /** A statement file received, stored on disk for the time of the import. */
    public record StatementFile(String name, Path path) {
    }

    /**
     * Once the transactions are stored, each one an agent must match gets its task «Rapprocher un encaissement».
     *
     * @throws StatementRejectedException a file refused whole; nothing of the request is stored
     */
    public BankImportReport importFiles(List<StatementFile> files) {
        Counts imported = importInOneTransaction(files);
        // After the commit, also of the statements folder's job when the import runs in it.
        reconciliationTasks.start(imported.toReconcile);
        return imported.report();
    }

    private Counts importInOneTransaction(List<StatementFile> files) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    entries.planEachStatementOfThisTransaction();
                    Counts counts = new Counts();
                    files.forEach(file -> importFile(file, counts));
                    return counts;
                });
            } catch (DuplicateKeyException e) {
                // The same entry imported at the same moment by another request (or node): PostgreSQL made this one
                // wait for the other's commit on the entry's key. Run again, the other's entries are now duplicates.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void importFile(StatementFile file, Counts counts) {
        Map<String, Integer> hashes = new HashMap<>();
        CamtReader.Summary summary;
        try (InputStream body = Files.newInputStream(file.path())) {
            summary = reader.read(file.name(), body, entry -> importEntry(file.name(), entry, hashes, counts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkAccounts(file, summary);
    }

    /**
     * Reads a file whole without recording anything: the refusal its import would raise, raised before any write.
     *
     * @throws StatementRejectedException a file the import would refuse whole
     */
    void check(StatementFile file) {
        try (InputStream body = Files.newInputStream(file.path())) {
            checkAccounts(file, reader.read(file.name(), body, entry -> { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkAccounts(StatementFile file, CamtReader.Summary summary) {
        if (summary.accounts().stream().noneMatch(accounts::contains)) {
            throw new StatementRejectedException(file.name(), "aucun relevé sur les comptes du créancier ("
                    + String.join(", ", accounts) + ") : le fichier porte sur " + (summary.accounts().isEmpty()
                    ? "aucun compte" : String.join(", ", summary.accounts())));
        }
    }

    private void importEntry(String fileName, CamtEntry entry, Map<String, Integer> hashes, Counts counts) {
        counts.entries++;
        if (!accounts.contains(entry.account()) || !"EUR".equals(entry.currency()) || !entry.booked()
                || entry.credit() == entry.reversal()) {
            // A debit, another currency or account, an entry not booked, or the reversal of a debit: not a receipt.
            counts.ignored++;
            return;
        }
        if (!entry.reversal()) {
            counts.credits++;
        }
        String label = fileName + ", écriture " + entry.index() + label(entry);
        Key key = key(entry, hashes);
        if (entries.exists(entry.account(), key.value())) {
            counts.duplicates++;
            return;
        }
        if (!inCents(entry.amount()) || entry.transactions().stream().anyMatch(tx -> !inCents(tx.amount()))) {
            counts.rejected.add(new BankImportReport.Rejected(label, "Montant nul ou de plus de deux décimales en"
                    + " euros : " + entry.amount().toPlainString() + " ; non enregistrée."));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate paidOn = entry.paymentDate() == null || entry.paymentDate().isAfter(today) ? today
                : entry.paymentDate();
        if (entry.reversal()) {
            reverse(fileName, entry, key, paidOn, label, counts);
            return;
        }
        List<BankEntryRepository.Status> statuses = new ArrayList<>();
        for (int line = 1; line <= entry.transactions().size(); line++) {
            CamtEntry.Transaction tx = entry.transactions().get(line - 1);
            statuses.add(key.review() ? review(fileName, entry, key, line, tx, paidOn, counts)
                    : credit(fileName, entry, key, line, tx, paidOn, counts));
        }
        if (key.review()) {
            counts.rejected.add(new BankImportReport.Rejected(label, "À vérifier : sans référence de la banque, cette"
                    + " écriture a la même empreinte (compte, date, montant, libellé) qu'une écriture précédente du"
                    + " fichier ; enregistrée sans imputation."));
        } else if (statuses.stream().allMatch(BankEntryRepository.Status.MATCHED::equals)) {
            counts.matched++;
        } else if (statuses.stream().allMatch(BankEntryRepository.Status.UNMATCHED::equals)) {
            counts.unmatched++;
        } else {
            counts.partlyMatched++;
        }
    }

    private BankEntryRepository.Status credit(String fileName, CamtEntry entry, Key key, int line,
            CamtEntry.Transaction tx, LocalDate paidOn, Counts counts) {
        BigDecimal amount = tx.amount().setScale(2);
        TransactionMatcher.Match match = matcher.match(tx, amount, paidOn);
        if (!match.found()) {
            counts.record(entries, newEntry(fileName, entry, key, line, tx, paidOn,
                    BankEntryRepository.Status.UNMATCHED, null, amount, match.explanation(), match.candidates(),
                    List.of(), null));
            return BankEntryRepository.Status.UNMATCHED;
        }
        List<InvoiceView> unsettled = legalAmounts.complete(invoices.findUnsettledByDebtor(match.debtorId()));
        Predicate<InvoiceView> inDossier = i -> match.dossier() != null && match.dossier().equals(i.dossier());
        Allocation.Result first = Allocation.impute(amount, match.named(),
                debts(unsettled, match.dossier() == null ? i -> true : inDossier, paidOn), paidOn);
        List<Allocation.Share> shares = new ArrayList<>(first.shares());
        BigDecimal unapplied = first.unapplied();
        if (match.dossier() != null && unapplied.signum() > 0) {
            // Beyond the dossier named, the debtor designated nothing: its other debts in the legal order.
            Allocation.Result rest = Allocation.impute(unapplied, List.of(), debts(unsettled, inDossier.negate(), paidOn),
                    paidOn);
            shares.addAll(rest.shares());
            unapplied = rest.unapplied();
        }
        String reference = paymentReference(entry.account(), key.value(), line);
        List<BankEntryRepository.Allocated> allocated = new ArrayList<>();
        for (Allocation.Share share : shares) {
            payments.recordReceived(share.invoice(), reference, share.amount(), paidOn);
            allocated.add(new BankEntryRepository.Allocated(share.invoice(), reference, share.amount()));
        }
        List<String> notes = new ArrayList<>(match.notes());
        notes.addAll(first.notes());
        StringBuilder explanation = new StringBuilder(match.explanation());
        explanation.append(shares.isEmpty() ? " Aucune facture à payer." : " Imputé (C. civ. art. 1342-10) : "
                + String.join(", ", shares.stream().map(s -> s.invoice() + " " + s.amount().toPlainString()).toList())
                + ".");
        notes.forEach(note -> explanation.append(' ').append(note));
        if (unapplied.signum() > 0) {
            explanation.append(" Avoir du débiteur : ").append(unapplied.toPlainString())
                    .append(" EUR non imputés, à rembourser ou à imputer.");
        }
        BankEntryRepository.Status status = notes.isEmpty() ? BankEntryRepository.Status.MATCHED
                : BankEntryRepository.Status.PARTLY_MATCHED;
        counts.record(entries, newEntry(fileName, entry, key, line, tx, paidOn, status, match.debtorId(), unapplied,
                explanation.toString(), List.of(), allocated, null));
        return status;
    }

    static List<Allocation.Debt> debts(List<InvoiceView> invoices, Predicate<InvoiceView> scope,
            LocalDate paidOn) {
        return invoices.stream().filter(scope).filter(i -> i.balance().signum() > 0)
                .map(i -> new Allocation.Debt(i.number(), i.balance(), i.dueDate(),
                        i.penalties() != null && i.penalties().signum() > 0, i.prescribedOn(paidOn),
                        i.insolvencyClaim() == InsolvencyClaim.ANTERIEURE, i.status() == InvoiceStatus.DISPUTED))
                .toList();
    }

    private BankEntryRepository.Status review(String fileName, CamtEntry entry, Key key, int line,
            CamtEntry.Transaction tx, LocalDate paidOn, Counts counts) {
        counts.record(entries, newEntry(fileName, entry, key, line, tx, paidOn, BankEntryRepository.Status.REVIEW,
                null, tx.amount().setScale(2), "Même empreinte qu'une écriture précédente du fichier, sans référence"
                        + " de la banque : doublon ou second virement identique, à vérifier avant toute imputation.",
                List.of(), List.of(), null));
        return BankEntryRepository.Status.REVIEW;
    }

    private void reverse(String fileName, CamtEntry entry, Key key, LocalDate paidOn, String label, Counts counts) {
        for (int line = 1; line <= entry.transactions().size(); line++) {
            CamtEntry.Transaction tx = entry.transactions().get(line - 1);
            BigDecimal amount = tx.amount().setScale(2);
            var original = entries.findReversible(entry.account(), tx.endToEndId(), amount, tx.remittance());
            if (original.isEmpty()) {
                counts.record(entries, newEntry(fileName, entry, key, line, tx, paidOn,
                        BankEntryRepository.Status.REVIEW, null, BigDecimal.ZERO.setScale(2), "Extourne ou virement"
                                + " retourné dont l'encaissement d'origine n'est pas retrouvé (ni même référence de bout"
                                + " en bout, ni même montant et libellé) : à vérifier.", List.of(), List.of(), null));
                counts.rejected.add(new BankImportReport.Rejected(label, "Extourne sans encaissement d'origine"
                        + " retrouvé : enregistrée pour vérification."));
                continue;
            }
            List<String> cancelled = new ArrayList<>();
            for (BankEntryRepository.Allocated payment : original.get().allocations()) {
                if (payments.cancelReceived(payment.invoice(), payment.reference())) {
                    cancelled.add(payment.invoice() + " " + payment.amount().toPlainString());
                }
            }
            entries.markReversed(original.get().id());
            // Its task, if an agent had one to match it: started already, or due after this import's commit.
            reconciliationTasks.cancel(original.get().id());
            counts.toReconcile.remove(Long.valueOf(original.get().id()));
            String debtor = original.get().debtorId() == null ? "" : " (" + lookups.debtorName(
                    original.get().debtorId()).orElse("") + ")";
            entries.insert(newEntry(fileName, entry, key, line, tx, paidOn, BankEntryRepository.Status.REVERSAL,
                    original.get().debtorId(), BigDecimal.ZERO.setScale(2), "Extourne de l'encaissement "
                            + original.get().id() + debtor + (cancelled.isEmpty() ? " : aucun paiement à annuler."
                            : " : paiements annulés, " + String.join(", ", cancelled) + "."),
                    List.of(), List.of(), original.get().id()));
            counts.reversals++;
        }
    }

    private static BankEntryRepository.NewEntry newEntry(String fileName, CamtEntry entry, Key key, int line,
            CamtEntry.Transaction tx, LocalDate paidOn, BankEntryRepository.Status status, Long debtorId,
            BigDecimal unapplied, String explanation, List<BankEntryRepository.Candidate> candidates,
            List<BankEntryRepository.Allocated> allocations, Long reversesId) {
        String remittance = tx.remittance();
        return new BankEntryRepository.NewEntry(entry.account(), key.value(), key.kind(), line, entry.messageType(),
                truncate(fileName, 255), entry.bookingDate(), paidOn, tx.amount().setScale(2),
                truncate(tx.endToEndId(), 35), truncate(tx.payerName(), 140), truncate(tx.payerIban(), 34),
                remittance.isEmpty() ? null : truncate(remittance, 2000), status, debtorId, unapplied, explanation,
                candidates, allocations, reversesId);
    }

    /** The entry's key: the bank's reference, else a hash; a hash seen before in the file is set aside for review. */
    record Key(String value, BankEntryRepository.KeyKind kind, boolean review) {
    }

    private static Key key(CamtEntry entry, Map<String, Integer> hashes) {
        if (entry.accountServicerRef() != null) {
            return new Key(entry.accountServicerRef(), BankEntryRepository.KeyKind.ACCOUNT_SERVICER_REF, false);
        }
        if (entry.entryRef() != null) {
            return new Key(entry.entryRef(), BankEntryRepository.KeyKind.ENTRY_REF, false);
        }
        String hash = sha256(entry.account() + "|" + entry.bookingDate() + "|" + entry.amount().toPlainString() + "|"
                + String.join("|", entry.transactions().stream().map(CamtEntry.Transaction::remittance).toList()))
                .substring(0, 40);
        int occurrence = hashes.merge(hash, 1, Integer::sum);
        return occurrence == 1 ? new Key(hash, BankEntryRepository.KeyKind.HASH, false)
                : new Key(hash + "#" + occurrence, BankEntryRepository.KeyKind.HASH, true);
    }

    /** The payments of one transaction share one reference, unique per invoice as the ledger requires. */
    static String paymentReference(String account, String entryKey, int line) {
        return "RELEVE-" + sha256(account + "|" + entryKey + "|" + line).substring(0, 24).toUpperCase();
    }

    private static boolean inCents(BigDecimal amount) {
        return amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2;
    }

    private static String label(CamtEntry entry) {
        String reference = entry.accountServicerRef() != null ? entry.accountServicerRef() : entry.entryRef();
        return reference == null ? "" : " (" + reference + ")";
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer's counters, filled as the entries are read. */
    private static final class Counts {

        int entries;
        int credits;
        int matched;
        int partlyMatched;
        int unmatched;
        int duplicates;
        int reversals;
        int ignored;
        final List<BankImportReport.Rejected> rejected = new ArrayList<>();
        /** The transactions recorded for an agent to match. */
        final List<Long> toReconcile = new ArrayList<>();

        void record(BankEntryRepository entries, BankEntryRepository.NewEntry entry) {
            long id = entries.insert(entry);
            if (entry.status().toReconcile()) {
                toReconcile.add(id);
            }
        }

        BankImportReport report() {
            return new BankImportReport(entries, credits, matched, partlyMatched, unmatched, duplicates, reversals,
                    ignored, List.copyOf(rejected));
        }
    }
}
