package fr.recouvrement.scenario;

import fr.recouvrement.api.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** An analyst's candidate decision tables, tried on the open dossiers before anything is deployed (docs/api.md). */
@RestController
@Tag(name = "Scénario")
public class ScenarioPreviewController {

    private final CandidateDecisions decisions;
    private final ScenarioPreview preview;

    public ScenarioPreviewController(CandidateDecisions decisions, ScenarioPreview preview) {
        this.decisions = decisions;
        this.preview = preview;
    }

    @PostMapping(path = "/api/scenario/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Simule un changement de scénario sur les dossiers ouverts, sans rien déployer",
            description = "Parties : « scenario » (scenario-recouvrement.dmn proposé, obligatoire), « voie »"
                    + " (voie-judiciaire.dmn proposé, facultatif). Analystes, responsables, administrateurs.")
    public PreviewReport preview(@RequestPart("scenario") MultipartFile scenario,
            @RequestPart(name = "voie", required = false) MultipartFile voie) {
        CandidateDecisions.Decision candidateScenario = decisions.parse(scenario, CandidateDecisions.SCENARIO,
                "scenario").orElseThrow(() -> new InvalidInputException("scenario",
                        "Le fichier « scenario » est vide."));
        CandidateDecisions.Decision currentRoute = decisions.deployed(CandidateDecisions.ROUTE);
        return preview.preview(candidateScenario, currentRoute,
                decisions.parse(voie, CandidateDecisions.ROUTE, "voie").orElse(currentRoute));
    }
}
