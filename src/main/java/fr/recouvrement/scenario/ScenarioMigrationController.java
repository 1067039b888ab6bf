package fr.recouvrement.scenario;

import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.debtor.KnownSegments;
import fr.recouvrement.debtor.SegmentCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/scenario/migrate} (docs/api.md, «Scenario»): managers and administrators move running dossiers to
 * the latest diagram version, and may have them decide their scenario again. Who may call it is decided in
 * security/ApiSecurityConfiguration.
 */
@RestController
@Tag(name = "Scénario")
public class ScenarioMigrationController {

    private final ScenarioMigration migration;
    private final SegmentCatalogue segments;

    public ScenarioMigrationController(ScenarioMigration migration, SegmentCatalogue segments) {
        this.migration = migration;
        this.segments = segments;
    }

    /** An empty body moves every dossier and keeps their scenarios. */
    @Schema(example = "{\"segment\": \"PME\", \"redecide\": false}")
    public record MigrateRequest(@Schema(example = "PME", nullable = true) String segment,
            @Schema(example = "false", nullable = true) Boolean redecide) {
    }

    @PostMapping("/api/scenario/migrate")
    @Operation(summary = "Fait passer les dossiers en cours à la dernière version du processus (responsables)",
            description = "Tous les dossiers, ou ceux d'un segment ; avec redecide, chaque dossier déplacé redécide son"
                    + " scénario avec la dernière version de la table et replanifie l'étape qu'il attend. 200 avec ce"
                    + " qui a été fait ; 202 quand plus de 1000 dossiers sont confiés à un batch Camunda.")
    public ResponseEntity<ScenarioMigrationResult> migrate(@RequestBody(required = false) MigrateRequest request) {
        String segment = request == null ? null : segment(request.segment());
        boolean redecide = request != null && Boolean.TRUE.equals(request.redecide());
        ScenarioMigrationResult result = migration.migrate(segment, redecide);
        return ResponseEntity.status(result.batch() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(result);
    }

    /** A segment the deployed scenario names, read in any case like everywhere else (docs/api.md, «Formats»). */
    private String segment(String value) {
        if (value == null) {
            return null;
        }
        KnownSegments known = segments.current();
        return known.find(value).orElseThrow(() -> new InvalidInputException("segment", "Segment inconnu « " + value
                + " » : segments connus du scénario de recouvrement déployé : " + known.listed() + "."));
    }
}
