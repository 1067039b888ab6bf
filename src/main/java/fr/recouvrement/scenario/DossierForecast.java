package fr.recouvrement.scenario;

import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.dossier.DossierRepository.DossierRow;
import fr.recouvrement.dossier.DossierStatus;
import fr.recouvrement.dunning.LadderFacts;
import fr.recouvrement.dunning.LadderFactsReader;
import fr.recouvrement.dunning.LadderPlanner;
import fr.recouvrement.dunning.LadderStep;
import fr.recouvrement.dunning.Scenario;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The steps a dossier has left under one scenario, dated by the ladder's own planner, and its judicial handoff as
 * far as it can be estimated. Reads the ledger, writes nothing.
 */
@Component
class DossierForecast {

    /** Days a registered letter takes to be received, for estimating the handoff: the AR date is not known yet. */
    static final int RECEIPT_DAYS = 3;

    private final LadderFactsReader factsReader;
    private final LadderPlanner planner;
    private final BusinessCalendar calendar;

    DossierForecast(LadderFactsReader factsReader, LadderPlanner planner, BusinessCalendar calendar) {
        this.factsReader = factsReader;
        this.planner = planner;
        this.calendar = calendar;
    }

    /**
     * @param done the steps the dossier already sent, skipped or has waiting to be posted
     * @param route the route the decision voie-judiciaire would choose for the dossier today
     */
    PreviewReport.Forecast forecast(DossierRow dossier, Scenario scenario, Set<String> done, ZonedDateTime now,
            CandidateDecisions.Decision route, Map<String, Object> routeInputs) {
        LadderFacts facts = factsReader.readOnly(dossier, scenario, now.toLocalDate());
        if (facts.waiting()) {
            return new PreviewReport.Forecast(true, List.of(), null, null);
        }
        List<PreviewReport.PlannedStep> steps = new ArrayList<>();
        LocalDate lastSent = facts.lastSent();
        LocalDate notice = null;
        for (LadderStep step : LadderStep.values()) {
            if (step.day(scenario) == null || done.contains(step.name())
                    || dossier.status() != DossierStatus.OPEN) {
                continue;
            }
            // Each step counts as the last message sent when the next one is dated: minDaysBetween applies.
            LadderFacts before = new LadderFacts(facts.origin(), facts.holdDays(), false, lastSent,
                    facts.promiseUntil(), facts.planCheck());
            ZonedDateTime at = planner.plan(step, scenario, before, true, now).at();
            LocalDate day = (at.isBefore(now) ? now : at).toLocalDate();
            steps.add(new PreviewReport.PlannedStep(step.name(), day, step.channel(scenario)));
            lastSent = day;
            if (step == LadderStep.MISE_EN_DEMEURE) {
                notice = day;
            }
        }
        LocalDate handoff = handoff(dossier, scenario, notice);
        String chosen = handoff == null ? null
                : route.evaluate(routeInputs).getSingleResult().getEntry("route");
        return new PreviewReport.Forecast(false, steps, handoff, chosen);
    }

    /** The first business day after the notice's deadline, counted from its receipt. */
    private LocalDate handoff(DossierRow dossier, Scenario scenario, LocalDate plannedNotice) {
        LocalDate received = dossier.noticeReceivedOn() != null ? dossier.noticeReceivedOn()
                : plannedNotice != null ? plannedNotice.plusDays(RECEIPT_DAYS)
                : null;
        return received == null ? null : calendar.onOrAfter(received.plusDays(scenario.noticeDeadlineDays() + 1L));
    }
}
