package fr.recouvrement.dunning;

import static fr.recouvrement.dunning.DossierVariables.AMOUNT_DUE;
import static fr.recouvrement.dunning.DossierVariables.AMOUNT_DUE_TEXT;
import static fr.recouvrement.dunning.DossierVariables.CALL_AGAIN;
import static fr.recouvrement.dunning.DossierVariables.CALL_OUTCOME;
import static fr.recouvrement.dunning.DossierVariables.CONCILIATION_ATTEMPT;
import static fr.recouvrement.dunning.DossierVariables.CONCILIATION_ATTEMPTS;
import static fr.recouvrement.dunning.DossierVariables.CONCILIATION_DUE_AT;
import static fr.recouvrement.dunning.DossierVariables.CONCILIATION_FOLLOW_UP_AT;
import static fr.recouvrement.dunning.DossierVariables.DIALLED_NUMBER;
import static fr.recouvrement.dunning.DossierVariables.DEBTOR_EMAIL;
import static fr.recouvrement.dunning.DossierVariables.DEBTOR_NAME;
import static fr.recouvrement.dunning.DossierVariables.DEBTOR_PHONE;
import static fr.recouvrement.dunning.DossierVariables.DEBTOR_TYPE;
import static fr.recouvrement.dunning.DossierVariables.LETTER_PDF_URL;
import static fr.recouvrement.dunning.DossierVariables.ORIGIN_DATE;
import static fr.recouvrement.dunning.DossierVariables.SCENARIO;
import static fr.recouvrement.dunning.DossierVariables.SEGMENT;
import static fr.recouvrement.dunning.DossierVariables.SETTLED;

import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.communication.PendingLetters;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.money.Euros;
import fr.recouvrement.scenario.ScenarioStep;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * "Lire le dossier" and the agents' tasks of {@code recouvrement-amiable}: variables are refreshed from the ledger
 * before each user task, so that the agent's form shows what is owed now.
 */
@Component("dossierReading")
public class DossierReading {

    /** What the agent typed in "Appel de conciliation": the next attempt starts from an empty form. */
    private static final List<String> CALL_FIELDS = List.of(CALL_OUTCOME, "calledAt", "answeredBy", "answererRole",
            "promiseDate", "promiseAmount", "disputedInvoice", "disputeReason", "callComment");

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final PendingLetters pendingLetters;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public DossierReading(DossierRepository dossiers, InvoiceRepository invoices, PendingLetters pendingLetters,
            BusinessCalendar calendar, Clock clock) {
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.pendingLetters = pendingLetters;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** "Lire le dossier": the debtor, the invoices and what they owe, for the DMN and the agents' forms. */
    @ScenarioStep
    public void load(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        List<InvoiceView> dossierInvoices = invoices.findByDossier(dossier.id());
        InvoiceView.DebtorView debtor = dossierInvoices.get(0).debtor();
        BigDecimal due = dossierInvoices.stream().filter(i -> i.status().claimed()).map(InvoiceView::balance)
                .filter(b -> b.signum() > 0).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        execution.setVariable(DEBTOR_NAME, debtor.name());
        execution.setVariable(DEBTOR_PHONE, debtor.phone() == null ? "" : debtor.phone());
        execution.setVariable(DEBTOR_EMAIL, debtor.email());
        execution.setVariable(DEBTOR_TYPE, debtor.type().name());
        execution.setVariable(SEGMENT, debtor.segment());
        // The DMN compares amounts to thresholds; forms show the exact amount as French text.
        execution.setVariable(AMOUNT_DUE, due.doubleValue());
        execution.setVariable(AMOUNT_DUE_TEXT, Euros.format(due));
        execution.setVariable(ORIGIN_DATE, dossier.originDate().toString());
        execution.setVariable(SETTLED, due.signum() == 0
                && dossierInvoices.stream().noneMatch(i -> i.status() == InvoiceStatus.DISPUTED));
        // A letter waiting to be posted must claim what is owed now: it is written again if the dossier changed. The
        // first reading comes before the scenario is decided, when no letter can be waiting.
        Object scenario = execution.getVariable(SCENARIO);
        if (scenario != null) {
            pendingLetters.refresh(dossier.id(), LadderSteps.letterExtras(Scenario.of(scenario)))
                    .ifPresent(url -> execution.setVariable(LETTER_PDF_URL, url));
        }
    }

    /**
     * "Préparer l'appel de conciliation": the dossier enters the conciliation stage; the first attempt is due per the
     * DMN, which also says how many attempts a debtor who does not answer gets.
     */
    @ScenarioStep
    public void startConciliation(DelegateExecution execution) {
        dossiers.moveToStage(execution.getProcessBusinessKey(), "CONCILIATION");
        execution.setVariable(CONCILIATION_DUE_AT, taskDue(execution));
        execution.setVariable(CONCILIATION_ATTEMPT, 1);
        execution.setVariable(CONCILIATION_ATTEMPTS, DossierVariables.scenario(execution).conciliationAttempts());
        execution.setVariable(CONCILIATION_FOLLOW_UP_AT, null);
        execution.setVariable(DIALLED_NUMBER, execution.getVariable(DEBTOR_PHONE));
    }

    /**
     * "Planifier un nouvel appel", after "pas de réponse": while the scenario allows another attempt, it is planned for
     * the next business day at 09:00 (the task's follow-up date in Tasklist), due per the DMN from that day.
     */
    @ScenarioStep
    public void planNextCall(DelegateExecution execution) {
        Scenario scenario = DossierVariables.scenario(execution);
        int attempt = ((Number) execution.getVariable(CONCILIATION_ATTEMPT)).intValue();
        boolean again = attempt < scenario.conciliationAttempts();
        execution.setVariable(CALL_AGAIN, again);
        if (again) {
            LocalDate next = calendar.addBusinessDays(LocalDate.now(clock), 1);
            int sla = scenario.taskSlaDays();
            execution.setVariable(CONCILIATION_ATTEMPT, attempt + 1);
            execution.setVariable(CONCILIATION_FOLLOW_UP_AT, calendar.at9(next));
            execution.setVariable(CONCILIATION_DUE_AT, calendar.at9(calendar.addBusinessDays(next, sla)));
            // The next call starts from a clean form; the number dialled stays, the agent may change it.
            for (String typed : CALL_FIELDS) {
                execution.removeVariable(typed);
            }
        }
    }

    /** The due date of the agents' next task: today + the DMN's {@code taskSlaDays} business days, 09:00. */
    @ScenarioStep
    public Date taskDue(DelegateExecution execution) {
        int sla = DossierVariables.scenario(execution).taskSlaDays();
        return calendar.at9(calendar.addBusinessDays(LocalDate.now(clock), sla));
    }
}
