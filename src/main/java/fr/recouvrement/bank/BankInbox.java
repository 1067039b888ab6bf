package fr.recouvrement.bank;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.scenario.ScenarioStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The folder statements are dropped into ({@code recouvrement.bank.inbox}; docs/operations.md, «Bank statements
 * folder»), read by {@code bpmn/depot-releves.bpmn}: one file per job, imported by {@link StatementImport} as
 * {@code POST /api/bank-statements} would, then moved to {@code done/} or {@code rejected/} with its report beside it.
 *
 * <p>A file is claimed by an atomic rename into {@code processing/}: of two nodes polling at once, the second finds
 * the file gone and takes the next. Files whose name ends in {@code .part} or starts with a dot are being written and
 * are left alone; the sender renames them when complete.
 *
 * <p>A file still in {@code processing/} after {@code recouvrement.bank.inbox-stale-after} (its node died between the
 * claim and the move into {@code done/}) goes back into the folder at the next poll, logged at WARN: its entries
 * already committed, if any, then count as duplicates.
 */
@Component("bankInbox")
public class BankInbox {

    /** The variable of the diagram's gateway: another file waits in the folder. */
    static final String MORE = "moreStatements";
    static final String PROCESSING = "processing";
    static final String DONE = "done";
    static final String REJECTED = "rejected";

    private static final Logger log = LoggerFactory.getLogger(BankInbox.class);

    private final StatementImport importer;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Path folder;
    private final Duration staleAfter;

    BankInbox(StatementImport importer, TransactionTemplate transaction, ObjectMapper json, BankProperties bank) {
        this.importer = importer;
        this.transaction = transaction;
        this.json = json;
        this.folder = bank.inbox();
        this.staleAfter = bank.inboxStaleAfter();
    }

    /** The step *Importer le prochain relevé déposé*: sets {@link #MORE}. Without a folder configured, nothing. */
    @ScenarioStep
    public void importNext(DelegateExecution execution) {
        execution.setVariable(MORE, folder != null && importNext(folder));
    }

    /**
     * Imports the first waiting file of {@code inbox} (by name: banks name files by date) that no other node has
     * claimed meanwhile.
     *
     * @return whether other files wait
     */
    boolean importNext(Path inbox) {
        try {
            Files.createDirectories(inbox.resolve(PROCESSING));
            takeBackStale(inbox);
            for (Path waiting : waiting(inbox)) {
                Path claimed = inbox.resolve(PROCESSING).resolve(waiting.getFileName());
                try {
                    // A rename keeps the sender's time: the claim's time, set before, is what says a claim is stale.
                    Files.setLastModifiedTime(waiting, FileTime.from(Instant.now()));
                    Files.move(waiting, claimed, StandardCopyOption.ATOMIC_MOVE);
                } catch (NoSuchFileException e) {
                    continue;
                }
                importClaimed(inbox, claimed);
                break;
            }
            return !waiting(inbox).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files claimed longer ago than {@link #staleAfter}: their node stopped before filing them. The file system's
     * time, not the application's clock, which a demonstration moves forward.
     */
    private void takeBackStale(Path inbox) throws IOException {
        Instant claimedBefore = Instant.now().minus(staleAfter);
        for (Path claimed : waiting(inbox.resolve(PROCESSING))) {
            Path back = inbox.resolve(claimed.getFileName());
            try {
                if (Files.getLastModifiedTime(claimed).toInstant().isAfter(claimedBefore)) {
                    continue;
                }
                if (Files.exists(back)) {
                    // A rename would replace the file of the same name that waits: taken back once that one is filed.
                    log.warn("Relevé déposé {} resté dans {} ; un fichier du même nom attend : repris après lui",
                            claimed.getFileName(), PROCESSING);
                    continue;
                }
                Files.move(claimed, back, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                // Filed or taken back by another node meanwhile.
                continue;
            }
            log.warn("Relevé déposé {} resté dans {} depuis plus de {} min (nœud arrêté pendant son import) : remis"
                    + " dans le dossier, ses écritures déjà enregistrées compteront comme doublons",
                    claimed.getFileName(), PROCESSING, staleAfter.toMinutes());
        }
    }

    private void importClaimed(Path inbox, Path claimed) throws IOException {
        String name = claimed.getFileName().toString();
        StatementImport.StatementFile file = new StatementImport.StatementFile(name, claimed);
        try {
            importer.check(file);
        } catch (StatementRejectedException e) {
            // Refused whole before any write: the problem the API would answer, beside the file.
            Path target = finish(inbox, claimed, REJECTED);
            json.writerWithDefaultPrettyPrinter().writeValue(report(target, ".problem.json").toFile(),
                    e.toProblem());
            log.warn("Relevé déposé refusé : {} ({})", name, e.problem());
            return;
        } catch (RuntimeException e) {
            // Not the file's fault (a disk error): back into the folder for the job's retry.
            Files.move(claimed, inbox.resolve(claimed.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        // The job's transaction (or one of its own): the file moves only once the entries are committed, and goes
        // back to the folder if they are not, for the next poll or the job's retry.
        Completion completion = new Completion(inbox, claimed);
        transaction.executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(completion);
            completion.report = importer.importFiles(List.of(file));
        });
    }

    /** Once the transaction ends: the file and its report into {@code done/}, or the file back into the folder. */
    private final class Completion implements TransactionSynchronization {

        private final Path inbox;
        private final Path claimed;
        private BankImportReport report;

        Completion(Path inbox, Path claimed) {
            this.inbox = inbox;
            this.claimed = claimed;
        }

        @Override
        public void afterCompletion(int outcome) {
            try {
                if (outcome == STATUS_COMMITTED) {
                    Path target = finish(inbox, claimed, DONE);
                    json.writerWithDefaultPrettyPrinter().writeValue(report(target, ".report.json").toFile(), report);
                    log.info("Relevé déposé importé : {}", target.getFileName());
                } else {
                    Files.move(claimed, inbox.resolve(claimed.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                // The entries are committed (or not) whatever happens to the file: a file left in processing/ is
                // taken back by a poll once stale, its entries then count as duplicates (docs/operations.md).
                log.error("Relevé déposé {} : déplacement impossible depuis {}", claimed.getFileName(), PROCESSING,
                        e);
            }
        }
    }

    /** Moves the file into {@code done/} or {@code rejected/}, under a name no earlier file of that name holds. */
    private static Path finish(Path inbox, Path claimed, String outcome) throws IOException {
        Path directory = Files.createDirectories(inbox.resolve(outcome));
        String name = claimed.getFileName().toString();
        Path target = directory.resolve(name);
        for (int n = 2; Files.exists(target) || Files.exists(report(target, ".report.json"))
                || Files.exists(report(target, ".problem.json")); n++) {
            target = directory.resolve(n + "-" + name);
        }
        try {
            return Files.move(claimed, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(claimed, target);
        }
    }

    private static Path report(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static List<Path> waiting(Path inbox) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(inbox)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox, Files::isRegularFile)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && !name.endsWith(".part")) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        return files;
    }
}
