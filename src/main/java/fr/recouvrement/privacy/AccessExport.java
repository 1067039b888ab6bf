package fr.recouvrement.privacy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Everything the application holds about one debtor, for the right of access (RGPD art. 15, docs/api.md «Access
 * export»): the ledger's rows of each table that concerns the debtor, as stored, and the engine's history of the
 * debtor's process instances.
 */
public record AccessExport(
        long debtorId,
        OffsetDateTime exportedAt,
        @Schema(example = "demo") String exportedBy,
        @Schema(description = "Par table du schéma recouvrement, les lignes du débiteur, colonne par colonne ; un contenu"
                + " binaire (PDF, scan) par sa taille et le lien qui le sert")
        Map<String, List<Map<String, Object>>> ledger,
        @Schema(description = "Les instances de processus du débiteur : variables et leurs valeurs successives, champs"
                + " de formulaire saisis, tâches, commentaires, opérations, incidents")
        List<AccessExportHistory.ProcessInstance> engineHistory) {
}
