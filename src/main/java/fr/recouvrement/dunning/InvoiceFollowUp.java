package fr.recouvrement.dunning;

import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.communication.CommunicationOutbox;
import fr.recouvrement.communication.MessageWriter;
import fr.recouvrement.dossier.DossierOpening;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code suivi-facture}, one method per business action, called from the BPMN as
 * {@code ${invoiceFollowUp.plan(execution)}}. Every amount is read from the ledger at the moment it matters.
 */
@Component("invoiceFollowUp")
public class InvoiceFollowUp {

    // The variables of suivi-facture that Java reads or writes, named once.
    static final String SCENARIO = "scenario";
    static final String DEBTOR_TYPE = "debtorType";
    static final String SEGMENT = "segment";
    static final String AMOUNT_DUE = "amountDue";
    static final String DUE_DATE = "dueDate";
    static final String PRE_DUE_REMINDER_AT = "preDueReminderAt";
    static final String PRE_DUE_REMINDER_AHEAD = "preDueReminderAhead";
    static final String DUE_CHECK_AT = "dueCheckAt";
    static final String UNPAID = "unpaid";
    static final String DOSSIER_NUMBER = "dossierNumber";

    static final String PRE_DUE_STEP = "PRE_ECHEANCE";

    private final InvoiceRepository invoices;
    private final BusinessCalendar calendar;
    private final CommunicationOutbox outbox;
    private final MessageWriter writer;
    private final DossierOpening dossiers;
    private final Clock clock;

    public InvoiceFollowUp(InvoiceRepository invoices, BusinessCalendar calendar, CommunicationOutbox outbox,
            MessageWriter writer, DossierOpening dossiers, Clock clock) {
        this.invoices = invoices;
        this.writer = writer;
        this.calendar = calendar;
        this.outbox = outbox;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /**
     * "Lire la facture": what the scenario DMN routes on. Not the debtor's name: suivi-facture has no form to show it,
     * and a consumer's name is personal data the engine's history would keep (docs/architecture.md §1, «Personal data
     * in process variables»); Cockpit shows the invoice number, the business key.
     */
    @ScenarioStep
    public void load(DelegateExecution execution) {
        InvoiceView invoice = invoice(execution);
        execution.setVariable(DEBTOR_TYPE, invoice.debtor().type().name());
        execution.setVariable(SEGMENT, invoice.debtor().segment());
        // The DMN compares amounts to thresholds; the ledger keeps the exact BigDecimal.
        execution.setVariable(AMOUNT_DUE, invoice.balance().doubleValue());
        execution.setVariable(DUE_DATE, invoice.dueDate().toString());
    }

    /**
     * "Planifier le suivi": the pre-due reminder at 09:00 on the business day {@code preDueDays} before the due date,
     * the payment check at 09:00 on the business day after it. An invoice registered late skips the past steps.
     */
    @ScenarioStep
    public void plan(DelegateExecution execution) {
        LocalDate dueDate = LocalDate.parse((String) execution.getVariable(DUE_DATE));
        int preDueDays = Scenario.of(execution.getVariable(SCENARIO)).preDueDays();
        Date reminder = calendar.at9(dueDate.minusDays(preDueDays));
        execution.setVariable(PRE_DUE_REMINDER_AT, reminder);
        execution.setVariable(PRE_DUE_REMINDER_AHEAD, reminder.toInstant().isAfter(clock.instant()));
        execution.setVariable(DUE_CHECK_AT, calendar.at9(dueDate.plusDays(1)));
    }

    /** "Envoyer le rappel d'échéance", unless the invoice was settled meanwhile. */
    @ScenarioStep
    public void sendPreDueReminder(DelegateExecution execution) {
        InvoiceView invoice = invoice(execution);
        if (isSettled(invoice)) {
            return;
        }
        outbox.enqueue(writer.preDueReminder(invoiceId(invoice), invoice).message(), invoice.number(),
                taskSlaDays(execution));
    }

    /** "Noter le rappel comme sauté": registered after its date, the reminder is recorded, never sent late. */
    @ScenarioStep
    public void skipPreDueReminder(DelegateExecution execution) {
        InvoiceView invoice = invoice(execution);
        outbox.enqueue(CommunicationOutbox.Message.skipped(null, invoiceId(invoice), PRE_DUE_STEP, "EMAIL",
                invoice.debtor().email()), invoice.number(), taskSlaDays(execution));
    }

    /** "Vérifier le paiement", the day after the due date. */
    @ScenarioStep
    public void checkPaid(DelegateExecution execution) {
        execution.setVariable(UNPAID, !isSettled(invoice(execution)));
    }

    /** "Confier au dossier du débiteur": the dossier owns the invoice from now on. */
    @ScenarioStep
    public void placeInDossier(DelegateExecution execution) {
        DossierOpening.Placement placement = dossiers.place(execution.getProcessBusinessKey());
        execution.setVariable(DOSSIER_NUMBER, placement.dossierNumber());
    }

    private long invoiceId(InvoiceView invoice) {
        return invoices.findKeys(invoice.number()).orElseThrow().id();
    }

    private static int taskSlaDays(DelegateExecution execution) {
        return Scenario.of(execution.getVariable(SCENARIO)).taskSlaDays();
    }

    private static boolean isSettled(InvoiceView invoice) {
        return invoice.balance().signum() <= 0 || invoice.status() == InvoiceStatus.PAID
                || invoice.status() == InvoiceStatus.CANCELLED;
    }

    private InvoiceView invoice(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        return invoices.findByNumber(number).orElseThrow(() -> NotFoundException.invoice(number));
    }
}
