package fr.recouvrement.judicial;

import fr.recouvrement.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The judicial dossier of a dossier handed to the legal team. */
@RestController
@Tag(name = "Dossiers")
public class JudicialFileController {

    private final JudicialFileRepository files;

    public JudicialFileController(JudicialFileRepository files) {
        this.files = files;
    }

    @GetMapping(path = "/api/dossiers/{number}/judicial-file.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Le dossier judiciaire en JSON, pour le logiciel d'un commissaire de justice (docs/api.md)")
    public ResponseEntity<String> judicialFileJson(@PathVariable String number) {
        String content = files.contentOf(number).orElseThrow(() -> new NotFoundException("Le dossier " + number
                        + " n'a pas (encore) de dossier judiciaire en JSON."));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(content);
    }

    /**
     * The PDF, or the JSON when the client asks for JSON by name, and neither for a PDF nor for anything: a browser, or
     * a client that takes anything ({@code *}{@code /*}), gets the PDF as before.
     */
    @GetMapping("/api/dossiers/{number}/judicial-file")
    @Operation(summary = "Le dossier judiciaire (PDF) transmis au service juridique ; en JSON avec Accept: application/json")
    public ResponseEntity<?> judicialFile(@PathVariable String number,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (asksForJson(accept)) {
            return judicialFileJson(number);
        }
        byte[] pdf = files.pdfOf(number).orElseThrow(() -> new NotFoundException("Le dossier " + number
                        + " n'a pas (encore) de dossier judiciaire."));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("dossier-judiciaire-" + number + ".pdf").build().toString())
                .body(pdf);
    }

    private static boolean asksForJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        return types.stream().anyMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON))
                && types.stream().noneMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_PDF)
                        || type.isWildcardType());
    }
}
