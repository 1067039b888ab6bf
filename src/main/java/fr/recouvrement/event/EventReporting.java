package fr.recouvrement.event;

import fr.recouvrement.api.ConflictException;
import fr.recouvrement.api.FieldProblem;
import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.api.TasklistRefusal;
import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.money.Amounts;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The service tasks and task listeners around events in the BPMN: {@code ${eventReporting.report(execution)}} for the
 * agents' process {@code signalement}, {@code ${eventReporting.recordResolver(task)}} and
 * {@code ${eventReporting.resolveDispute(execution)}} for the dispute task of a dossier.
 */
@Component("eventReporting")
public class EventReporting {

    // The variables of signalement and of the dossier's call and plan tasks that Java reads or writes, named once.
    static final String CALL_OUTCOME = "callOutcome";
    static final String PROMISE_DATE = "promiseDate";
    static final String PROMISE_AMOUNT = "promiseAmount";
    static final String CALLED_AT = "calledAt";
    static final String DIALLED_NUMBER = "dialledNumber";
    static final String ANSWERED_BY = "answeredBy";
    static final String ANSWERER_ROLE = "answererRole";
    static final String CONCILIATION_ATTEMPT = "conciliationAttempt";
    static final String DISPUTED_INVOICE = "disputedInvoice";
    static final String DISPUTE_REASON = "disputeReason";
    static final String CALL_COMMENT = "callComment";
    static final String INSTALMENT_COUNT = "instalmentCount";
    /** Followed by the row number, 1 to 6: the form's fixed rows. */
    static final String INSTALMENT_DATE = "instalmentDate";
    static final String INSTALMENT_AMOUNT = "instalmentAmount";
    static final String INSTALMENTS = "instalments";
    static final String PLAN_SIGNED = "planSigned";
    static final String PLAN_SIGNED_ON = "planSignedOn";
    static final String ACTION = "action";
    static final String EVENT_TYPE = "eventType";
    static final String REASON = "reason";
    static final String TEXT = "text";
    static final String INVOICE_NUMBER = "invoiceNumber";
    static final String INITIATOR = "initiator";
    static final String EVENT_ID = "eventId";
    static final String DOSSIER_NUMBER = "dossierNumber";
    static final String RESOLVED_BY = "resolvedBy";

    private static final Map<String, Boolean> JUSTIFIED = Map.of("CREDIT_NOTE", true, "CANCEL", true, "RESUME", false);

    private final EventRecorder recorder;
    private final InvoiceRepository invoices;
    private final DossierRepository dossiers;

    public EventReporting(EventRecorder recorder, InvoiceRepository invoices, DossierRepository dossiers) {
        this.recorder = recorder;
        this.invoices = invoices;
        this.dossiers = dossiers;
    }

    /**
     * When the agent completes "Appel de conciliation": the call is logged as call centres log it (when, the number
     * dialled, who answered, the outcome, the attempt), then a promise or a dispute is recorded as the API records it
     * (the dossier's process receives it as {@code EvenementSignale}). Run as the task completes, so that a problem (a
     * date in the past, an invoice of another dossier) is shown to the agent in Tasklist and nothing is recorded.
     */
    @ScenarioStep
    public void recordCallOutcome(DelegateTask task) {
        String outcome = text(task, CALL_OUTCOME);
        String agent = author(task.getAssignee());
        String dossierNumber = task.getExecution().getProcessBusinessKey();
        List<String> dossierInvoices = dossierInvoices(dossierNumber);
        String anyInvoice = dossierInvoices.get(0);
        String calledAt = FormDates.optionalDateTime(task, CALLED_AT, "L'heure de l'appel")
                .map(LocalDateTime::toString).orElse(null);
        String promiseDate = "PROMESSE".equals(outcome)
                ? FormDates.required(task, PROMISE_DATE, "La date promise").toString() : null;
        Object attempt = task.getVariable(CONCILIATION_ATTEMPT);
        EventRequest.Call call = new EventRequest.Call(calledAt, text(task, DIALLED_NUMBER), text(task, ANSWERED_BY),
                text(task, ANSWERER_ROLE), outcome, attempt == null ? null : ((Number) attempt).intValue());
        inTasklist(() -> {
            recorder.record(anyInvoice, new EventRequest("CALL", null, null, null, null, null,
                    text(task, CALL_COMMENT), null, call), agent);
            switch (Objects.requireNonNullElse(outcome, "")) {
                case "PROMESSE" -> recorder.record(anyInvoice, new EventRequest("PROMISE", null, null, null,
                        promiseDate, null, null, frenchAmount(text(task, PROMISE_AMOUNT)), null), agent);
                case "LITIGE" -> {
                    String invoice = Objects.requireNonNullElse(text(task, DISPUTED_INVOICE), "").strip();
                    if (!dossierInvoices.contains(invoice)) {
                        throw new InvalidInputException("disputedInvoice", "La facture « " + invoice
                                + " » n'est pas dans le dossier " + dossierNumber + ".");
                    }
                    recorder.record(invoice, new EventRequest("DISPUTE", text(task, DISPUTE_REASON), null, null, null,
                            null, null), agent);
                }
                default -> {
                    // A request for a plan goes on to "Établir l'échéancier"; no answer plans another attempt.
                }
            }
        });
    }

    /**
     * When the agent completes "Établir l'échéancier": the plan is recorded as the API records it, signed by the debtor
     * or not; a date that is not one (jj/mm/aaaa), a plan whose total differs from what the dossier owes, an
     * instalment in the past or a signature in the future, is refused with the reason, in Tasklist.
     */
    @ScenarioStep
    public void recordPaymentPlan(DelegateTask task) {
        List<EventRequest.Instalment> instalments = new ArrayList<>();
        Object count = task.getVariable(INSTALMENT_COUNT);
        if (count != null) {
            // The form's fixed rows: Tasklist 7.24 cannot submit a dynamic list.
            for (int i = 1; i <= Integer.parseInt(count.toString()); i++) {
                LocalDate date = FormDates.required(task, INSTALMENT_DATE + i, "La date de l'échéance " + i);
                instalments.add(instalment(date.toString(), text(task, INSTALMENT_AMOUNT + i)));
            }
        } else {
            for (SpinJsonNode instalment : json(task.getVariable(INSTALMENTS)).elements()) {
                instalments.add(instalment(prop(instalment, "date"), prop(instalment, "amount")));
            }
        }
        boolean signed = Boolean.TRUE.equals(task.getVariable(PLAN_SIGNED));
        String signedOn = signed
                ? FormDates.required(task, PLAN_SIGNED_ON, "La date de la signature").toString() : null;
        String dossierNumber = task.getExecution().getProcessBusinessKey();
        inTasklist(() -> recorder.record(dossierInvoices(dossierNumber).get(0),
                new EventRequest("PAYMENT_PLAN", null, null, null, null, instalments, null, null, null, signed,
                        signedOn),
                author(task.getAssignee())));
    }

    private static EventRequest.Instalment instalment(String date, String typedAmount) {
        return new EventRequest.Instalment(date, frenchAmount(typedAmount));
    }

    /** Agents type amounts the French way ("1 250,50"); the API's validation then checks them as usual. */
    private static String frenchAmount(String typed) {
        Amounts.Parsed amount = Amounts.parse(typed, true);
        return amount.isValid() ? amount.amount().toPlainString() : typed;
    }

    /** The invoice numbers of the dossier, those still claimed first. */
    private List<String> dossierInvoices(String dossierNumber) {
        long dossierId = dossiers.get(dossierNumber).id();
        return invoices.findByDossier(dossierId).stream()
                .sorted(Comparator.comparing((InvoiceView i) -> !i.status().claimed()))
                .map(InvoiceView::number).toList();
    }

    /**
     * Tasklist shows the message of a refused completion: the French reasons of the API's errors, not their Java
     * form.
     */
    private static void inTasklist(Runnable recording) {
        try {
            recording.run();
        } catch (InvalidInputException e) {
            throw new TasklistRefusal(e.problems().stream().map(FieldProblem::message)
                    .collect(Collectors.joining(" ")), e);
        } catch (ConflictException | NotFoundException e) {
            throw new TasklistRefusal(e.getMessage(), e);
        }
    }

    /** A list of {date, amount}, as a client of the REST API may complete the task with (Json or a plain list). */
    private static SpinJsonNode json(Object submitted) {
        if (submitted instanceof SpinJsonNode node) {
            return node;
        }
        if (submitted == null) {
            return Spin.JSON("[]");
        }
        return Spin.JSON(submitted instanceof String text ? text : Spin.JSON(submitted).toString());
    }

    private static String prop(SpinJsonNode node, String name) {
        return node.hasProp(name) && !node.prop(name).isNull() ? node.prop(name).value().toString() : null;
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    /**
     * "Transmettre l'événement": what the agent typed in the start form, recorded as the API would record it. A problem
     * (a promised date that is not one, unknown invoice, no dossier, a date in the past) fails the start, so the agent
     * sees it at once, in French, and nothing is recorded.
     */
    @ScenarioStep
    public void report(DelegateExecution execution) {
        String action = text(execution, ACTION);
        String promiseDate = FormDates.optional(execution, PROMISE_DATE, "La date promise").map(LocalDate::toString)
                .orElse(null);
        EventRequest request = new EventRequest(text(execution, EVENT_TYPE), text(execution, REASON),
                action == null ? null : JUSTIFIED.get(action), action, promiseDate, null, text(execution, TEXT));
        inTasklist(() -> {
            EventView recorded = recorder.record(text(execution, INVOICE_NUMBER), request, text(execution, INITIATOR));
            execution.setVariable(EVENT_ID, recorded.id());
            execution.setVariable(DOSSIER_NUMBER, recorded.dossier());
        });
    }

    /**
     * When the manager completes "Résoudre le litige": who resolved it, kept on the task's execution for "Appliquer la
     * résolution" to record. A step rather than an expression in the diagram, which may not call the task's methods.
     */
    @ScenarioStep
    public void recordResolver(DelegateTask task) {
        task.getExecution().setVariableLocal(RESOLVED_BY, task.getAssignee());
    }

    /** "Appliquer la résolution" of a dispute, as the manager decided in the task. */
    @ScenarioStep
    public void resolveDispute(DelegateExecution execution) {
        String action = text(execution, ACTION);
        recorder.recordFromDossier(text(execution, INVOICE_NUMBER), new EventRequest("DISPUTE_RESOLVED", null,
                JUSTIFIED.get(action), action, null, null, null), author(text(execution, RESOLVED_BY)));
    }

    /** The manager who completed the task; a task completed through the API without claim has none. */
    private static String author(String assignee) {
        return assignee == null ? "recouvrement-amiable" : assignee;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
