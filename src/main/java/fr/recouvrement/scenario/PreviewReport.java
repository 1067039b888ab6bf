package fr.recouvrement.scenario;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a candidate scenario would do to the open dossiers, beside what the scenario each dossier decided at its opening
 * will do (docs/api.md, «Scenario»).
 */
public record PreviewReport(
        LocalDate asOf,
        @Schema(description = "Semaines couvertes par les totaux, à partir de celle du jour") int horizonWeeks,
        List<DossierPreview> dossiers,
        @Schema(description = "Dossiers dont la prochaine étape change de date ou de canal") List<String> nextStepMoves,
        Totals current,
        Totals candidate) {

    /** One message the ladder will send. */
    public record PlannedStep(@Schema(example = "RELANCE_1") String step, LocalDate date,
            @Schema(example = "EMAIL") String channel) {
    }

    /**
     * @param waiting on hold, or nothing claimed: its steps are not dated until it resumes
     * @param handoff the estimated day of its judicial handoff, null beyond what can be estimated
     */
    public record Forecast(boolean waiting, List<PlannedStep> steps, LocalDate handoff,
            @Schema(example = "PETITES_CREANCES") String route) {
    }

    public record DossierPreview(@Schema(example = "D-552081317-001") String number, String segment,
            String debtorType, Forecast current, Forecast candidate) {
    }

    /** A week's messages by step and channel ("RELANCE_1 EMAIL"). */
    public record Week(@Schema(example = "2026-W49") String week, LocalDate monday, Map<String, Integer> messages) {
    }

    public record Totals(List<Week> weeks, int registeredLetters,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "11.00")
            BigDecimal registeredLettersCost,
            @Schema(description = "Dossiers dont la mise en demeure part dans l'horizon") int notices,
            @Schema(description = "Dossiers transmis au juridique dans l'horizon (estimation)") int handoffs,
            Map<String, Integer> handoffsByRoute) {
    }
}
