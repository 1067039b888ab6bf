package fr.recouvrement.dossier;

import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The documents of a dossier: the scan of the payment plan the debtor signed, and whatever else the agents keep. */
@RestController
@Tag(name = "Dossiers")
public class DossierDocumentController {

    private static final int MAX_FILE_NAME = 200;

    private final DossierRepository dossiers;
    private final DossierDocumentRepository documents;

    public DossierDocumentController(DossierRepository dossiers, DossierDocumentRepository documents) {
        this.dossiers = dossiers;
        this.documents = documents;
    }

    @PostMapping(path = "/api/dossiers/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Joindre un document au dossier (partie « file » : PDF, JPEG ou PNG, 10 Mo au plus),"
            + " par exemple le scan de l'échéancier signé")
    public ResponseEntity<DossierDocument> upload(@PathVariable String number,
            @RequestParam(name = "file", required = false) MultipartFile file, Authentication user) {
        long dossierId = dossiers.get(number).id();
        if (file == null) {
            throw new InvalidInputException("file", "Le document est à envoyer dans la partie « file » du formulaire"
                    + " multipart.");
        }
        byte[] content = bytes(file);
        String mediaType = DocumentContent.mediaType(content);
        long id = documents.insert(dossierId, fileName(file.getOriginalFilename()), mediaType, content,
                user.getName());
        DossierDocument stored = documents.find(dossierId, id).orElseThrow().document();
        return ResponseEntity.created(URI.create("/api/dossiers/" + number + "/documents/" + id)).body(stored);
    }

    @GetMapping("/api/dossiers/{number}/documents")
    @Operation(summary = "Les documents joints au dossier, le plus ancien d'abord")
    public List<DossierDocument> list(@PathVariable String number) {
        return documents.forDossier(dossiers.get(number).id());
    }

    @GetMapping("/api/dossiers/{number}/documents/{id}")
    @Operation(summary = "Le contenu d'un document joint au dossier")
    public ResponseEntity<byte[]> content(@PathVariable String number, @PathVariable long id) {
        DossierDocumentRepository.Stored stored = documents.find(dossiers.get(number).id(), id)
                .orElseThrow(() -> new NotFoundException("Le document n° " + id + " n'est pas joint au dossier "
                        + number + "."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.document().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(stored.document().fileName()).build().toString())
                .body(stored.content());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name as the agent knows it, without the client's folders, and a name even when none was sent. */
    private static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            return "document";
        }
        return name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name;
    }
}
