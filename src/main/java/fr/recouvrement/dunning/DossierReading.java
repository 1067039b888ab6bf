package fr.recouvrement.dunning;

import static fr.recouvrement.dunning.DossierVariables.AMOUNT_DUE;
import static fr.recouvrement.dunning.DossierVariables.AMOUNT_DUE_TEXT;
import static fr.recouvrement.dunning.DossierVariables.CONCILIATION_DUE_AT;
import static fr.recouvrement.dunning.DossierVariables.DEBTOR_EMAIL;
import static fr.recouvrement.dunning.DossierVariables.DEBTOR_NAME;
import static fr.recouvrement.dunning.DossierVariables.DEBTOR_PHONE;
import static fr.recouvrement.dunning.DossierVariables.DEBTOR_TYPE;
import static fr.recouvrement.dunning.DossierVariables.INVOICES;
import static fr.recouvrement.dunning.DossierVariables.LETTER_PDF_URL;
import static fr.recouvrement.dunning.DossierVariables.ORIGIN_DATE;
import static fr.recouvrement.dunning.DossierVariables.SCENARIO;
import static fr.recouvrement.dunning.DossierVariables.SEGMENT;
import static fr.recouvrement.dunning.DossierVariables.SETTLED;

import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.calendar.FormDates;
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
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * "Lire le dossier" and the agents' tasks of {@code recouvrement-amiable}: variables are refreshed from the ledger
 * before each user task, so that the agent's form shows what is owed now.
 */
@Component("dossierReading")
public class DossierReading {

    private static final Map<InvoiceStatus, String> STATUS_LABELS = Map.of(
            InvoiceStatus.OPEN, "À recouvrer",
            InvoiceStatus.PAID, "Payée",
            InvoiceStatus.DISPUTED, "En litige",
            InvoiceStatus.PAYMENT_PLAN, "Échéancier",
            InvoiceStatus.JUDICIAL, "Contentieux",
            InvoiceStatus.CANCELLED, "Annulée");

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
        // Shown as a table in the agents' forms: French dates, amounts and statuses.
        execution.setVariable(INVOICES, Spin.JSON(dossierInvoices.stream().map(i -> Map.of(
                "number", i.number(),
                "dueDate", FormDates.french(i.dueDate()),
                "amount", Euros.format(i.amount()),
                "balance", Euros.format(i.balance()),
                "status", STATUS_LABELS.get(i.status()))).toList()));
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

    /** "Préparer l'appel de conciliation": the dossier enters the conciliation stage; the call is due per the DMN. */
    @ScenarioStep
    public void startConciliation(DelegateExecution execution) {
        dossiers.moveToStage(execution.getProcessBusinessKey(), "CONCILIATION");
        execution.setVariable(CONCILIATION_DUE_AT, taskDue(execution));
    }

    /** The due date of the agents' next task: today + the DMN's {@code taskSlaDays} business days, 09:00. */
    @ScenarioStep
    public Date taskDue(DelegateExecution execution) {
        int sla = DossierVariables.scenario(execution).taskSlaDays();
        return calendar.at9(calendar.addBusinessDays(LocalDate.now(clock), sla));
    }
}
