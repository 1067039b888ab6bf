package fr.recouvrement.dunning;

import static fr.recouvrement.dunning.DossierVariables.LADDER_STARTED;
import static fr.recouvrement.dunning.DossierVariables.LETTER_PDF_URL;
import static fr.recouvrement.dunning.DossierVariables.STEP_AT;
import static fr.recouvrement.dunning.DossierVariables.STEP_POSTPONED;
import static fr.recouvrement.dunning.DossierVariables.STEP_SKIPPED;

import fr.recouvrement.communication.CommunicationDelivery;
import fr.recouvrement.communication.CommunicationOutbox;
import fr.recouvrement.communication.MessageWriter;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.letters.LetterFacts;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The ladder's service tasks in {@code recouvrement-amiable}: plan a step, send it, resume after a hold or a dispute.
 * The dates come from {@link LadderPlanner}; this class reads the facts and moves variables in and out.
 */
@Component("ladderSteps")
public class LadderSteps {

    private static final Set<String> LADDER_TIMERS =
            Set.of("DateRelance1", "DateRelance2", "DateRelance3", "DateMiseEnDemeure");

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final LadderFactsReader facts;
    private final LadderPlanner planner;
    private final CommunicationOutbox outbox;
    private final MessageWriter writer;
    private final ManagementService management;
    private final Clock clock;

    public LadderSteps(DossierRepository dossiers, InvoiceRepository invoices, LadderFactsReader facts,
            LadderPlanner planner, CommunicationOutbox outbox, MessageWriter writer, ManagementService management,
            Clock clock) {
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.facts = facts;
        this.planner = planner;
        this.outbox = outbox;
        this.writer = writer;
        this.management = management;
        this.clock = clock;
    }

    /**
     * "Planifier l'étape": {@code stepAt}, the step's date, and {@code stepSkipped} when a later step is already due
     * as the dossier opens (late entry). A payment plan is checked first, since a missed instalment resumes the ladder.
     */
    @ScenarioStep
    public void planStep(DelegateExecution execution, String stepName) {
        Scenario scenario = DossierVariables.scenario(execution);
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        ZonedDateTime now = ZonedDateTime.now(clock);
        LadderPlanner.PlannedStep planned = planner.plan(LadderStep.valueOf(stepName), scenario,
                facts.enforcingPlan(dossier, scenario, now.toLocalDate()), DossierVariables.isTrue(execution, LADDER_STARTED), now);
        execution.setVariable(STEP_AT, Date.from(planned.at().toInstant()));
        execution.setVariable(STEP_SKIPPED, planned.skipped());
    }

    /**
     * "Envoyer l'étape": stores the dossier's message for the step (one per step and occurrence), unless the step was
     * postponed meanwhile (a promise, a hold, days on hold added): then {@code stepPostponed} sends the process back
     * to planning, and the next step not yet sent goes out when its new date comes.
     */
    @ScenarioStep
    public void sendStep(DelegateExecution execution, String stepName) {
        LadderStep step = LadderStep.valueOf(stepName);
        Scenario scenario = DossierVariables.scenario(execution);
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        boolean skipped = DossierVariables.isTrue(execution, STEP_SKIPPED);
        ZonedDateTime now = ZonedDateTime.now(clock);
        boolean postponed = !skipped
                && planner.postponed(step, scenario, facts.enforcingPlan(dossier, scenario, now.toLocalDate()), now);
        execution.setVariable(STEP_POSTPONED, postponed);
        if (!skipped) {
            execution.setVariable(LADDER_STARTED, true);
        }
        if (postponed) {
            return;
        }
        String channel = step.channel(scenario);
        if (skipped) {
            String email = invoices.findByDossier(dossier.id()).get(0).debtor().email();
            outbox.enqueue(CommunicationOutbox.Message.skipped(dossier.id(), null, step.name(), channel, email),
                    dossier.number(), scenario.taskSlaDays());
            return;
        }
        Map<String, Object> extras = new HashMap<>(letterExtras(scenario));
        if (step != LadderStep.MISE_EN_DEMEURE && step.later(scenario).equals(List.of(LadderStep.MISE_EN_DEMEURE))) {
            // The last relance before the notice gives the debtor its date.
            LocalDate noticeDay = planner.noticeDayAfterSending(scenario,
                    facts.enforcingPlan(dossier, scenario, now.toLocalDate()), now.toLocalDate());
            extras.put("noticeDate", noticeDay.format(LetterFacts.LONG_DATE));
        }
        CommunicationOutbox.Stored stored = outbox.enqueue(writer.dossierStep(dossier.id(), dossier.number(),
                step.name(), channel, extras).message(), dossier.number(), scenario.taskSlaDays());
        if (step == LadderStep.MISE_EN_DEMEURE) {
            // The agent who prints and posts the registered letter opens it from the task.
            execution.setVariable(LETTER_PDF_URL, CommunicationDelivery.pdfUrl(dossier.number(), stored.id()));
        }
        // A promise whose date + grace has passed unpaid is broken: the ladder goes on.
        dossiers.enterStep(dossier.id(), step.name());
    }

    /**
     * "Reprendre les relances", after a hold is released or a dispute resolved: the waiting step plans again now (with
     * the days on hold added, or with the invoice claimed again).
     */
    @ScenarioStep
    public void resumeLadder(DelegateExecution execution) {
        for (String timer : LADDER_TIMERS) {
            management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).activityId(timer).timers()
                    .unlimitedList().forEach(job -> management.setJobDuedate(job.getId(), Date.from(clock.instant())));
        }
    }

    /** What the templates need beyond the ledger: the notice's deadline, from the DMN. */
    static Map<String, Object> letterExtras(Scenario scenario) {
        return Map.of("deadlineDays", scenario.noticeDeadlineDays());
    }
}
