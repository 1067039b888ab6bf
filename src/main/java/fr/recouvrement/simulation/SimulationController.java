package fr.recouvrement.simulation;

import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.calendar.Dates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulated time for demonstrations and trainings (docs/api.md): on in the default run, off in production unless
 * {@code recouvrement.simulation.enabled=true}. Off, the path does not exist.
 */
@RestController
@RequestMapping("/api/simulation/clock")
@ConditionalOnProperty(name = "recouvrement.simulation.enabled", havingValue = "true")
@Tag(name = "Simulation")
public class SimulationController {

    private final SimulatedTime time;

    public SimulationController(SimulatedTime time) {
        this.time = time;
    }

    /** Exactly one of the two. */
    @Schema(example = "{\"days\": 7}")
    public record MoveRequest(@Schema(example = "2026-12-15", nullable = true) String date,
            @Schema(example = "7", nullable = true) Integer days) {
    }

    @GetMapping
    @Operation(summary = "La date et l'heure de l'application, simulées ou non")
    public SimulatedTime.Now now() {
        return time.now();
    }

    @PostMapping
    @Operation(summary = "Avance l'horloge de l'application (administrateurs)",
            description = "{\"date\": \"AAAA-MM-JJ\"} ou {\"days\": N} : l'application arrive ce jour-là à midi (heure de"
                    + " Paris) et le job executor exécute aussitôt ce qui est échu. Reculer : 409.")
    public SimulatedTime.Now move(@RequestBody MoveRequest request) {
        if ((request.date() == null) == (request.days() == null)) {
            throw new InvalidInputException("date", "Donnez soit « date » (AAAA-MM-JJ), soit « days » (un nombre de"
                    + " jours), et pas les deux.");
        }
        if (request.days() != null) {
            return time.advance(request.days());
        }
        return time.moveTo(Dates.parseIso(request.date()).orElseThrow(() -> new InvalidInputException("date",
                "Date attendue au format AAAA-MM-JJ : « " + request.date() + " ».")));
    }
}
