package fr.recouvrement.dunning;

import fr.recouvrement.communication.CommunicationRepository;
import fr.recouvrement.communication.CommunicationStatus;
import fr.recouvrement.communication.CommunicationView;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.dossier.DossierStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The next step of a dossier's ladder not yet sent, dated by the ladder's own planner: what an agent is told before
 * the step's timer exists (the first task of a dossier is created before its first step is planned). Reads the
 * ledger, writes nothing.
 */
@Component
public class NextLadderStep {

    /** The step, its channel, and the day it goes out. */
    public record Planned(String step, String channel, LocalDate day) {
    }

    private final DossierRepository dossiers;
    private final CommunicationRepository communications;
    private final LadderFactsReader facts;
    private final LadderPlanner planner;
    private final Clock clock;

    NextLadderStep(DossierRepository dossiers, CommunicationRepository communications, LadderFactsReader facts,
            LadderPlanner planner, Clock clock) {
        this.dossiers = dossiers;
        this.communications = communications;
        this.facts = facts;
        this.planner = planner;
        this.clock = clock;
    }

    /**
     * @param scenarioVariable the dossier's {@code scenario} variable, the decision's result
     * @return empty when the ladder is over, waits (a hold, nothing claimed), or the dossier's notice is sent
     */
    public Optional<Planned> of(String dossierNumber, Object scenarioVariable) {
        DossierRepository.DossierRow dossier = dossiers.get(dossierNumber);
        if (dossier.status() != DossierStatus.OPEN || scenarioVariable == null) {
            return Optional.empty();
        }
        Scenario scenario = Scenario.of(scenarioVariable);
        ZonedDateTime now = ZonedDateTime.now(clock);
        LadderFacts known = facts.readOnly(dossier, scenario, now.toLocalDate());
        if (known.waiting()) {
            return Optional.empty();
        }
        Set<String> done = communications.forDossier(dossier.id()).stream()
                .filter(message -> message.status() != CommunicationStatus.CANCELLED)
                .map(CommunicationView::step).collect(Collectors.toSet());
        for (LadderStep step : LadderStep.values()) {
            if (step.day(scenario) != null && !done.contains(step.name())) {
                ZonedDateTime at = planner.plan(step, scenario, known, true, now).at();
                return Optional.of(new Planned(step.name(), step.channel(scenario),
                        (at.isBefore(now) ? now : at).toLocalDate()));
            }
        }
        return Optional.empty();
    }
}
