package fr.recouvrement.scenario;

import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.communication.CommunicationRepository;
import fr.recouvrement.communication.CommunicationStatus;
import fr.recouvrement.communication.CommunicationView;
import fr.recouvrement.dossier.DossierOpening;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.dossier.DossierRepository.DossierRow;
import fr.recouvrement.dunning.JudicialInputs;
import fr.recouvrement.dunning.Scenario;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Previews a candidate scenario on the open dossiers, as of today: each dossier's remaining steps under the scenario
 * it decided when it opened (what will happen) and under the candidate (what would happen had it decided now), and
 * the totals an analyst and a manager weigh. Nothing is deployed and nothing is written.
 */
@Service
public class ScenarioPreview {

    static final int HORIZON_WEEKS = 13;
    /** Only what the preview reads: a dossier also holds its invoices as JSON for the forms. */
    private static final List<String> READ_VARIABLES =
            List.of("scenario", "segment", "debtorType", "amountDue", "insolvent");

    private final DossierRepository dossiers;
    private final CommunicationRepository communications;
    private final JudicialInputs judicialInputs;
    private final DossierForecast forecast;
    private final PreviewTotals totals;
    private final RuntimeService runtime;
    private final Clock clock;

    ScenarioPreview(DossierRepository dossiers, CommunicationRepository communications, JudicialInputs judicialInputs,
            DossierForecast forecast, PreviewTotals totals, RuntimeService runtime, Clock clock) {
        this.dossiers = dossiers;
        this.communications = communications;
        this.judicialInputs = judicialInputs;
        this.forecast = forecast;
        this.totals = totals;
        this.runtime = runtime;
        this.clock = clock;
    }

    PreviewReport preview(CandidateDecisions.Decision scenario, CandidateDecisions.Decision currentRoute,
            CandidateDecisions.Decision candidateRoute) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<PreviewReport.DossierPreview> previews = new ArrayList<>();
        for (DossierRow dossier : dossiers.findNotClosed()) {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(DossierOpening.PROCESS)
                    .processInstanceBusinessKey(dossier.number()).singleResult();
            Map<String, Object> variables = instance == null ? Map.of()
                    : runtime.getVariables(instance.getId(), READ_VARIABLES);
            if (variables.get("scenario") == null) {
                // Not yet past its first steps (the job that decides its scenario has not run): nothing to compare.
                continue;
            }
            Map<String, Object> decisionInputs = Map.of("segment", variables.get("segment"),
                    "debtorType", variables.get("debtorType"), "amountDue", variables.get("amountDue"));
            Set<String> done = communications.forDossier(dossier.id()).stream()
                    .filter(c -> c.status() != CommunicationStatus.CANCELLED).map(CommunicationView::step)
                    .collect(Collectors.toSet());
            Map<String, Object> routeInputs = routeInputs(dossier, variables, now.toLocalDate());
            previews.add(new PreviewReport.DossierPreview(dossier.number(), (String) variables.get("segment"),
                    (String) variables.get("debtorType"),
                    forecast.forecast(dossier, Scenario.of(variables.get("scenario")), done, now, currentRoute,
                            routeInputs),
                    forecast.forecast(dossier, decide(scenario, decisionInputs, dossier), done, now, candidateRoute,
                            routeInputs)));
        }
        LocalDate today = now.toLocalDate();
        return new PreviewReport(today, HORIZON_WEEKS, previews, movedNextSteps(previews),
                totals.of(previews.stream().map(PreviewReport.DossierPreview::current).toList(), today),
                totals.of(previews.stream().map(PreviewReport.DossierPreview::candidate).toList(), today));
    }

    private static Scenario decide(CandidateDecisions.Decision scenario, Map<String, Object> inputs,
            DossierRow dossier) {
        DmnDecisionResult result = scenario.evaluate(inputs);
        if (result.isEmpty()) {
            throw new InvalidInputException("scenario", "Aucune règle de la table proposée ne"
                    + " s'applique au dossier " + dossier.number() + " (" + inputs + ").");
        }
        return Scenario.of(result.getSingleResult().getEntryMap());
    }

    private Map<String, Object> routeInputs(DossierRow dossier, Map<String, Object> variables, LocalDate today) {
        JudicialInputs.Inputs inputs = judicialInputs.of(dossier.id(), today);
        Map<String, Object> route = new HashMap<>();
        route.put("insolvent", Boolean.TRUE.equals(variables.get("insolvent")));
        route.put("prescribed", inputs.prescribed());
        route.put("disputed", inputs.disputed());
        route.put("amountDue", inputs.amountClaimed().doubleValue());
        route.put("debtorType", variables.get("debtorType"));
        return route;
    }

    /** The dossiers whose next step would change date or channel. */
    private static List<String> movedNextSteps(List<PreviewReport.DossierPreview> previews) {
        return previews.stream()
                .filter(p -> !Objects.equals(first(p.current()), first(p.candidate())))
                .map(PreviewReport.DossierPreview::number).toList();
    }

    private static PreviewReport.PlannedStep first(PreviewReport.Forecast forecast) {
        return forecast.steps().isEmpty() ? null : forecast.steps().get(0);
    }
}
