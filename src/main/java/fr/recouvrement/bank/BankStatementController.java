package fr.recouvrement.bank;

import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.api.PayloadTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports bank statements, camt.053 and camt.054 (docs/api.md, «Relevés bancaires»). */
@RestController
@Tag(name = "Relevés bancaires")
public class BankStatementController {

    private static final String DESCRIPTION = "Un fichier camt.053 (relevé de fin de journée) ou camt.054 (avis"
            + " de crédit), versions .001.02 à .001.08, en application/xml ; plusieurs en multipart/form-data (champ"
            + " files). Seules les écritures comptabilisées (BOOK) au crédit (CRDT), en EUR, sur les comptes du"
            + " créancier (recouvrement.creditor.iban, recouvrement.bank.accounts) sont enregistrées, une fois chacune"
            + " (AcctSvcrRef, sinon NtryRef, sinon une empreinte) ; chaque opération est rapprochée puis imputée (C. civ."
            + " art. 1342-10). Réponse 200 {entries, credits, matched, partlyMatched, unmatched, duplicates, reversals,"
            + " ignored, rejected: [{entry, reason}]}. Un fichier non XML, d'un autre type, non conforme au schéma, avec"
            + " une DTD, ou sans relevé sur nos comptes : 400, rien n'est enregistré de la requête ; au-delà de 50 Mo, 413.";

    private final StatementImport importer;
    private final long maxBytes;

    BankStatementController(StatementImport importer,
            @Value("${recouvrement.import.max-bytes:52428800}") long maxBytes) {
        this.importer = importer;
        this.maxBytes = maxBytes;
    }

    @PostMapping(path = "/api/bank-statements", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Importe un relevé bancaire camt.053 ou camt.054", description = DESCRIPTION)
    public BankImportReport importXml(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        List<StatementImport.StatementFile> files = new ArrayList<>();
        try {
            files.add(store(fileName(request.getHeader("Content-Disposition")), request.getInputStream()));
            return importer.importFiles(files);
        } finally {
            delete(files);
        }
    }

    @PostMapping(path = "/api/bank-statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importe plusieurs relevés bancaires camt.053 ou camt.054", description = DESCRIPTION)
    public BankImportReport importFiles(@RequestParam("files") List<MultipartFile> uploads) throws IOException {
        if (uploads.isEmpty()) {
            throw new InvalidInputException("files", "Aucun fichier de relevé dans la requête.");
        }
        List<StatementImport.StatementFile> files = new ArrayList<>();
        try {
            for (MultipartFile upload : uploads) {
                String name = upload.getOriginalFilename() == null || upload.getOriginalFilename().isBlank()
                        ? "fichier " + (files.size() + 1) : upload.getOriginalFilename();
                try (InputStream body = upload.getInputStream()) {
                    files.add(store(name, body));
                }
            }
            return importer.importFiles(files);
        } finally {
            delete(files);
        }
    }

    @ExceptionHandler(StatementRejectedException.class)
    ProblemDetail rejected(StatementRejectedException e) {
        return e.toProblem();
    }

    /** The name a client may give a body with {@code Content-Disposition}; "relevé" otherwise. */
    private static String fileName(String contentDisposition) {
        if (contentDisposition == null) {
            return "relevé";
        }
        try {
            String name = ContentDisposition.parse(contentDisposition).getFilename();
            return name == null || name.isBlank() ? "relevé" : name;
        } catch (IllegalArgumentException e) {
            return "relevé";
        }
    }

    /** On disk, counted as it comes: a body sent without its length is stopped at the limit too. */
    private StatementImport.StatementFile store(String name, InputStream body) throws IOException {
        Path path = Files.createTempFile("releve-", ".xml");
        StatementImport.StatementFile file = new StatementImport.StatementFile(name, path);
        try (OutputStream out = Files.newOutputStream(path)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > maxBytes) {
                    Files.deleteIfExists(path);
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
        }
        return file;
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("Le relevé dépasse " + maxBytes / (1024 * 1024)
                + " Mo : demandez à la banque des relevés plus courts, ou envoyez-les un à un.");
    }

    private static void delete(List<StatementImport.StatementFile> files) throws IOException {
        for (StatementImport.StatementFile file : files) {
            Files.deleteIfExists(file.path());
        }
    }
}
