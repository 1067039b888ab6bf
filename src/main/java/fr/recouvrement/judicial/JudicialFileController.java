package fr.recouvrement.judicial;

import fr.recouvrement.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The judicial dossier of a dossier handed to the legal team. */
@RestController
@Tag(name = "Dossiers")
public class JudicialFileController {

    private final JudicialFileRepository files;

    public JudicialFileController(JudicialFileRepository files) {
        this.files = files;
    }

    @GetMapping(path = "/api/dossiers/{number}/judicial-file", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Le dossier judiciaire (PDF) transmis au service juridique")
    public ResponseEntity<byte[]> judicialFile(@PathVariable String number) {
        byte[] pdf = files.pdfOf(number).orElseThrow(() -> new NotFoundException("Le dossier " + number
                        + " n'a pas (encore) de dossier judiciaire."));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("dossier-judiciaire-" + number + ".pdf").build().toString())
                .body(pdf);
    }
}
