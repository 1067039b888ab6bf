package fr.recouvrement.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The right of access (RGPD art. 15): everything held about a debtor, for an administrator to hand over. */
@RestController
@Tag(name = "Données personnelles")
public class AccessExportController {

    private final AccessExportAssembly exports;

    public AccessExportController(AccessExportAssembly exports) {
        this.exports = exports;
    }

    @GetMapping("/api/debtors/{id}/export")
    @Operation(summary = "Tout ce que l'application conserve sur un débiteur (droit d'accès, RGPD art. 15)",
            description = "Administrateurs seulement (403 sinon ; 404 pour un débiteur inconnu). Le registre, table par"
                    + " table, tel qu'il est stocké (les PDF et scans par leur taille et leur lien) ; l'historique du"
                    + " moteur pour les instances du débiteur. L'identifiant est celui de « debtor.id » des factures et"
                    + " des dossiers.")
    public AccessExport export(@PathVariable long id, Authentication user) {
        return exports.export(id, user.getName());
    }
}
