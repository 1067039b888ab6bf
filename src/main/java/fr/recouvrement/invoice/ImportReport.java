package fr.recouvrement.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What an import did: rows stored, rows already known with the same values, and each problem of each rejected row.
 */
public record ImportReport(
        @Schema(description = "Factures enregistrées") int imported,
        @Schema(description = "Factures déjà connues avec les mêmes valeurs (dans le fichier ou en base)") int duplicates,
        List<Rejection> rejected,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    /**
     * One problem of a rejected row.
     *
     * @param line the line in the file where the row starts (the header is line 1)
     * @param field the column as written in the file's header
     */
    public record Rejection(long line, String field, String message) {
    }
}
