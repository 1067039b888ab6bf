package fr.recouvrement.dossier;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** A document added to a dossier (the scan of a signed payment plan, a letter of the debtor), without its content. */
public record DossierDocument(
        long id,
        @Schema(example = "echeancier-signe.pdf") String fileName,
        @Schema(allowableValues = {"application/pdf", "image/jpeg", "image/png"}) String mediaType,
        @Schema(description = "Taille en octets") int sizeBytes,
        @Schema(nullable = true) String uploadedBy,
        OffsetDateTime uploadedAt) {
}
