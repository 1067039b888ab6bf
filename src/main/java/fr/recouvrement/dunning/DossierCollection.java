package fr.recouvrement.dunning;

import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.communication.CommunicationDelivery;
import fr.recouvrement.communication.CommunicationOutbox;
import fr.recouvrement.communication.MessageWriter;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.money.Euros;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code recouvrement-amiable}, one method per business action, called from the BPMN as
 * {@code ${dossierCollection.load(execution)}}. Variables are refreshed from the ledger before each user task, so
 * that the agent's form shows what is owed now.
 */
@Component("dossierCollection")
public class DossierCollection {

    /** RULES-FR §5: warn well before the deadline. */
    private static final Period PRESCRIPTION_WARNING = Period.ofMonths(3);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<InvoiceStatus, String> STATUS_LABELS = Map.of(
            InvoiceStatus.OPEN, "À recouvrer",
            InvoiceStatus.PAID, "Payée",
            InvoiceStatus.DISPUTED, "En litige",
            InvoiceStatus.PAYMENT_PLAN, "Échéancier",
            InvoiceStatus.JUDICIAL, "Contentieux",
            InvoiceStatus.CANCELLED, "Annulée");
    private static final String LADDER_STARTED = "ladderStarted";
    private static final Set<String> LADDER_TIMERS =
            Set.of("DateRelance1", "DateRelance2", "DateRelance3", "DateMiseEnDemeure");

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final BusinessCalendar calendar;
    private final JdbcClient jdbc;
    private final CommunicationOutbox outbox;
    private final MessageWriter writer;
    private final CommunicationDelivery delivery;
    private final InvoiceLegalAmounts legalAmounts;
    private final ManagementService management;
    private final Clock clock;

    public DossierCollection(DossierRepository dossiers, InvoiceRepository invoices, BusinessCalendar calendar,
            JdbcClient jdbc, CommunicationOutbox outbox, MessageWriter writer, CommunicationDelivery delivery,
            InvoiceLegalAmounts legalAmounts, ManagementService management, Clock clock) {
        this.writer = writer;
        this.delivery = delivery;
        this.management = management;
        this.outbox = outbox;
        this.legalAmounts = legalAmounts;
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** "Lire le dossier": the debtor, the invoices and what they owe, for the DMN and the agents' forms. */
    public void load(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossier(execution);
        List<InvoiceView> dossierInvoices = invoices.findByDossier(dossier.id());
        InvoiceView.DebtorView debtor = dossierInvoices.get(0).debtor();
        BigDecimal due = dossierInvoices.stream().filter(i -> i.status().claimed()).map(InvoiceView::balance)
                .filter(b -> b.signum() > 0).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        execution.setVariable("debtorName", debtor.name());
        execution.setVariable("debtorPhone", debtor.phone() == null ? "" : debtor.phone());
        execution.setVariable("debtorEmail", debtor.email());
        execution.setVariable("debtorType", debtor.type().name());
        execution.setVariable("segment", debtor.segment().name());
        // The DMN compares amounts to thresholds; forms show the exact amount as French text.
        execution.setVariable("amountDue", due.doubleValue());
        execution.setVariable("amountDueText", Euros.format(due));
        execution.setVariable("originDate", dossier.originDate().toString());
        // Shown as a table in the agents' forms: French dates, amounts and statuses.
        execution.setVariable("invoices", Spin.JSON(dossierInvoices.stream().map(i -> Map.of(
                "number", i.number(),
                "dueDate", i.dueDate().format(FRENCH_DATE),
                "amount", Euros.format(i.amount()),
                "balance", Euros.format(i.balance()),
                "status", STATUS_LABELS.get(i.status()))).toList()));
        execution.setVariable("settled", due.signum() == 0
                && dossierInvoices.stream().noneMatch(i -> i.status() == InvoiceStatus.DISPUTED));
        // A letter waiting to be posted must claim what is owed now: it is written again if the dossier changed.
        Map<String, Object> scenario = scenario(execution);
        if (scenario != null) {
            delivery.refreshPendingLetters(dossier.id(), letterExtras(scenario))
                    .ifPresent(url -> execution.setVariable("letterPdfUrl", url));
        }
    }

    /** What the templates need beyond the ledger: the notice's deadline, from the DMN. */
    private static Map<String, Object> letterExtras(Map<String, Object> scenario) {
        return Map.of("deadlineDays", scenario.get("noticeDeadlineDays"));
    }

    /** "Préparer l'appel de conciliation": the dossier enters the conciliation stage; the call is due per the DMN. */
    public void startConciliation(DelegateExecution execution) {
        setStage(execution, "CONCILIATION");
        execution.setVariable("conciliationDueAt", taskDue(execution));
    }

    /**
     * "Planifier l'étape": its date is J + the DMN's day (moved by the days spent on hold), at 09:00 on a business day,
     * at least {@code minDaysBetween} after the last message sent to the debtor, and not before a pending promise's
     * date + grace or a payment plan's next instalment. On hold, it waits until released (the release moves the timer).
     * When a later step is already due as the dossier opens (late entry, DESIGN §3), this one is recorded as skipped:
     * the debtor gets no burst of reminders.
     */
    public void planStep(DelegateExecution execution, String stepName) {
        LadderStep step = LadderStep.valueOf(stepName);
        Map<String, Object> scenario = scenario(execution);
        DossierRepository.DossierRow dossier = dossier(execution);
        LocalDate origin = dossier.originDate().plusDays(dossier.holdDays());
        Instant now = clock.instant();
        boolean laterStepDue = step.later(scenario).stream()
                .anyMatch(later -> !calendar.at9(origin.plusDays(later.day(scenario))).toInstant().isAfter(now));
        execution.setVariable("stepAt", calendar.at9(earliestDay(step, scenario, dossier)));
        // Late entry only: once the ladder has sent or postponed a step, it resumes at the step not yet sent.
        execution.setVariable("stepSkipped", laterStepDue && !Boolean.TRUE.equals(execution.getVariable(LADDER_STARTED)));
    }

    /**
     * "Envoyer l'étape": stores the dossier's message for the step (one per step and occurrence, DESIGN §6), unless the
     * step was postponed meanwhile (a promise, a hold, days on hold added): then {@code stepPostponed} sends the
     * process back to planning, and the next step not yet sent goes out when its new date comes.
     */
    public void sendStep(DelegateExecution execution, String stepName) {
        LadderStep step = LadderStep.valueOf(stepName);
        DossierRepository.DossierRow dossier = dossier(execution);
        boolean skipped = Boolean.TRUE.equals(execution.getVariable("stepSkipped"));
        boolean postponed = !skipped
                && calendar.at9(earliestDay(step, scenario(execution), dossier)).toInstant().isAfter(clock.instant());
        execution.setVariable("stepPostponed", postponed);
        if (!skipped) {
            execution.setVariable(LADDER_STARTED, true);
        }
        if (postponed) {
            return;
        }
        Map<String, Object> scenario = scenario(execution);
        String channel = step.channel(scenario);
        int taskSla = ((Number) scenario.get("taskSlaDays")).intValue();
        if (skipped) {
            String email = invoices.findByDossier(dossier.id()).get(0).debtor().email();
            outbox.enqueue(CommunicationOutbox.Message.skipped(dossier.id(), null, step.name(), channel, email),
                    dossier.number(), taskSla);
            return;
        }
        CommunicationOutbox.Stored stored = outbox.enqueue(writer.dossierStep(dossier.id(), dossier.number(),
                step.name(), channel, letterExtras(scenario)).message(), dossier.number(), taskSla);
        if (step == LadderStep.MISE_EN_DEMEURE) {
            // The agent who prints and posts the registered letter opens it from the task.
            execution.setVariable("letterPdfUrl", CommunicationDelivery.pdfUrl(dossier.number(), stored.id()));
        }
        // A promise whose date + grace has passed unpaid is broken: the ladder goes on.
        jdbc.sql("update recouvrement.dossier set stage = ?, promise_until = null where id = ?")
                .params(step.name(), dossier.id()).update();
    }

    /**
     * "Reprendre les relances", after a hold is released or a dispute resolved: the waiting step plans again now (with
     * the days on hold added, or with the invoice claimed again).
     */
    public void resumeLadder(DelegateExecution execution) {
        for (String timer : LADDER_TIMERS) {
            management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).activityId(timer).timers()
                    .list().forEach(job -> management.setJobDuedate(job.getId(), Date.from(clock.instant())));
        }
    }

    private LocalDate earliestDay(LadderStep step, Map<String, Object> scenario, DossierRepository.DossierRow dossier) {
        LocalDate today = LocalDate.now(clock);
        if (dossier.onHoldSince() != null || nothingClaimed(dossier)) {
            // On hold, or every invoice settled or disputed: wait until released or resolved (resumeLadder).
            return today.plusYears(10);
        }
        LocalDate day = dossier.originDate().plusDays(dossier.holdDays()).plusDays(step.day(scenario));
        LocalDate lastSent = jdbc.sql("""
                select max((created_at at time zone 'Europe/Paris')::date) from recouvrement.communication
                where dossier_id = ? and status not in ('SKIPPED', 'CANCELLED')""")
                .param(dossier.id()).query(LocalDate.class).optional().orElse(null);
        if (lastSent != null) {
            day = latest(day, lastSent.plusDays(((Number) scenario.get("minDaysBetween")).intValue()));
        }
        int grace = ((Number) scenario.get("promiseGraceDays")).intValue();
        if (dossier.promiseUntil() != null) {
            day = latest(day, dossier.promiseUntil().plusDays(grace));
        }
        LocalDate planCheck = followPaymentPlan(dossier, grace, today);
        if (planCheck != null) {
            day = latest(day, planCheck);
        }
        return day;
    }

    /**
     * A payment plan on track holds the ladder until the day after its next instalment's date + grace, when it is
     * checked again; one instalment missed (less paid since the plan than the instalments due) breaks it: its
     * invoices are claimed again and the ladder resumes at the step not yet sent.
     *
     * @return the day to check the plan again, or null when the dossier follows no plan (any more)
     */
    private LocalDate followPaymentPlan(DossierRepository.DossierRow dossier, int grace, LocalDate today) {
        record Plan(LocalDate since, String instalments) {
        }
        Plan plan = jdbc.sql("""
                select (e.created_at at time zone 'Europe/Paris')::date as since, e.payload->>'instalments' as instalments
                from recouvrement.invoice_event e join recouvrement.invoice i on i.id = e.invoice_id
                where i.dossier_id = ? and e.type = 'PAYMENT_PLAN'
                  and exists (select 1 from recouvrement.invoice p where p.dossier_id = ? and p.status = 'PAYMENT_PLAN')
                order by e.created_at desc limit 1""")
                .params(dossier.id(), dossier.id())
                .query((rs, row) -> new Plan(rs.getObject("since", LocalDate.class), rs.getString("instalments")))
                .optional().orElse(null);
        if (plan == null) {
            return null;
        }
        BigDecimal due = BigDecimal.ZERO;
        LocalDate next = null;
        for (var instalment : Spin.JSON(plan.instalments()).elements()) {
            LocalDate date = LocalDate.parse(instalment.prop("date").stringValue());
            if (date.plusDays(grace).isBefore(today)) {
                due = due.add(new BigDecimal(instalment.prop("amount").stringValue()));
            } else if (next == null) {
                next = date;
            }
        }
        BigDecimal paid = jdbc.sql("""
                select coalesce(sum(p.amount), 0) from recouvrement.payment p join recouvrement.invoice i
                on i.id = p.invoice_id where i.dossier_id = ? and p.type = 'PAYMENT' and p.paid_on >= ?""")
                .params(dossier.id(), plan.since()).query(BigDecimal.class).single();
        if (paid.compareTo(due) < 0) {
            jdbc.sql("update recouvrement.invoice set status = 'OPEN', updated_at = now()"
                    + " where dossier_id = ? and status = 'PAYMENT_PLAN'").param(dossier.id()).update();
            return null;
        }
        return next == null ? null : next.plusDays(grace + 1L);
    }

    private boolean nothingClaimed(DossierRepository.DossierRow dossier) {
        return invoices.findByDossier(dossier.id()).stream()
                .noneMatch(i -> i.status().claimed() && i.balance().signum() > 0);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The due date of the agents' next task: today + the DMN's {@code taskSlaDays} business days, 09:00. */
    public Date taskDue(DelegateExecution execution) {
        int sla = ((Number) scenario(execution).get("taskSlaDays")).intValue();
        return calendar.at9(calendar.addBusinessDays(LocalDate.now(clock), sla));
    }

    /** "Enregistrer l'envoi de la LRAR": the notice is posted; the dossier takes no new invoice from now on. */
    public void recordDispatch(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossier(execution);
        LocalDate postedOn = LocalDate.parse((String) execution.getVariable("postedOn"));
        jdbc.sql("""
                select id from recouvrement.communication
                where dossier_id = ? and step = 'MISE_EN_DEMEURE' and status = 'PENDING'""")
                .param(dossier.id()).query(Long.class).list()
                .forEach(notice -> outbox.markPosted(notice, postedOn, (String) execution.getVariable("trackingNumber")));
        jdbc.sql("update recouvrement.dossier set status = 'NOTICE_SENT' where id = ?").param(dossier.id()).update();
    }

    /**
     * "Enregistrer la réception": the AR date, or for a letter returned unclaimed the first presentation date, which
     * then counts as the AR date. The notice's deadline runs from it ("sous N jours à compter de la réception").
     */
    public void recordReceipt(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossier(execution);
        LocalDate receivedOn = LocalDate.parse((String) execution.getVariable("receivedOn"));
        jdbc.sql("update recouvrement.dossier set notice_received_on = ? where id = ?")
                .params(receivedOn, dossier.id()).update();
        int deadline = ((Number) scenario(execution).get("noticeDeadlineDays")).intValue();
        execution.setVariable("noticeDeadlineEndsAt", calendar.at9(receivedOn.plusDays(deadline + 1L)));
    }

    /**
     * "Préparer le contentieux": the inputs of the DMN voie-judiciaire. The amount claimed is the balance plus
     * penalties of the undisputed, unprescribed invoices; insolvency comes from the BODACC check just before.
     */
    public void prepareJudicial(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossier(execution);
        List<InvoiceView> claimed = legalAmounts.complete(invoices.findByDossier(dossier.id())).stream()
                .filter(i -> i.status().claimed() && i.balance().signum() > 0).toList();
        LocalDate today = LocalDate.now(clock);
        boolean prescribed = !claimed.isEmpty() && claimed.stream().allMatch(i -> i.prescriptionDate().isBefore(today));
        BigDecimal amount = claimed.stream().filter(i -> !i.prescriptionDate().isBefore(today))
                .map(i -> i.balance().add(i.penalties() == null ? BigDecimal.ZERO : i.penalties()))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        boolean disputed = invoices.findByDossier(dossier.id()).stream()
                .anyMatch(i -> i.status() == InvoiceStatus.DISPUTED);
        // "Vérifier le débiteur" asked BODACC just before (false when the check is switched off).
        execution.setVariable("insolvent", Boolean.TRUE.equals(execution.getVariable("insolvent")));
        execution.setVariable("prescribed", prescribed);
        execution.setVariable("disputed", disputed);
        execution.setVariable("amountDue", amount.doubleValue());
        execution.setVariable("amountDueText", Euros.format(amount));
        setStage(execution, "JUDICIAIRE");
    }

    /** "Clore le dossier transmis": the legal team has it; the invoices are in judicial recovery. */
    public void closeHandedOff(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossier(execution);
        jdbc.sql("update recouvrement.invoice set status = 'JUDICIAL', updated_at = now() where dossier_id = ?"
                + " and status in ('OPEN', 'PAYMENT_PLAN')").param(dossier.id()).update();
        close(dossier, (String) execution.getVariable("route"));
    }

    /**
     * "Clore le dossier déclaré": the debtor is in a collective procedure and the legal team declared the claim to the
     * mandataire; individual actions are suspended (L622-21), the invoices leave amicable collection.
     */
    public void closeDeclared(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossier(execution);
        jdbc.sql("update recouvrement.invoice set status = 'JUDICIAL', updated_at = now() where dossier_id = ?"
                + " and status in ('OPEN', 'PAYMENT_PLAN', 'DISPUTED')").param(dossier.id()).update();
        close(dossier, "DECLARATION_CREANCE");
    }

    /** "Clore le dossier par décision": prescribed, abandoned or written off, as the manager decided. */
    public void closeByDecision(DelegateExecution execution) {
        close(dossier(execution), (String) execution.getVariable("decision"));
    }

    private void close(DossierRepository.DossierRow dossier, String reason) {
        jdbc.sql("""
                update recouvrement.dossier set status = 'CLOSED', closed_at = now(), closing_reason = ?,
                    stage = 'TERMINE' where id = ?""").params(reason, dossier.id()).update();
        outbox.cancelPending(dossier.id(), dossier.number(), "Dossier clos (" + reason + ") avant l'envoi.");
    }

    /**
     * "Planifier l'alerte de prescription": three months before the earliest prescription date among the invoices
     * still owed (disputed ones too), at 09:00 on a business day. The date moves when a payment restarts
     * prescription, so "Vérifier la prescription" checks again when the alert is due.
     */
    public void planPrescriptionWarning(DelegateExecution execution) {
        LocalDate prescription = earliestPrescription(execution);
        execution.setVariable("prescriptionWarningAt", calendar.at9(prescription.minus(PRESCRIPTION_WARNING)));
        execution.setVariable("prescriptionDateText", prescription.format(FRENCH_DATE));
    }

    /** "Vérifier la prescription": is the earliest prescription date within three months from today? */
    public void checkPrescription(DelegateExecution execution) {
        LocalDate prescription = earliestPrescription(execution);
        execution.setVariable("prescriptionNear", !LocalDate.now(clock).isBefore(prescription.minus(PRESCRIPTION_WARNING)));
        execution.setVariable("prescriptionDateText", prescription.format(FRENCH_DATE));
    }

    private LocalDate earliestPrescription(DelegateExecution execution) {
        return legalAmounts.complete(invoices.findByDossier(dossier(execution).id())).stream()
                .filter(i -> i.status().claimed() || i.status() == InvoiceStatus.DISPUTED)
                .map(InvoiceView::prescriptionDate).min(LocalDate::compareTo)
                // Nothing owed: the settlement closes the dossier; the alert goes far away meanwhile.
                .orElse(LocalDate.now(clock).plusYears(5));
    }

    /** "Clore le dossier soldé". */
    public void closeSettled(DelegateExecution execution) {
        close(dossier(execution), "SOLDE");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scenario(DelegateExecution execution) {
        return (Map<String, Object>) execution.getVariable("scenario");
    }

    private void setStage(DelegateExecution execution, String stage) {
        jdbc.sql("update recouvrement.dossier set stage = ? where number = ?")
                .params(stage, execution.getProcessBusinessKey()).update();
    }

    private DossierRepository.DossierRow dossier(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        return dossiers.findByNumber(number)
                .orElseThrow(() -> NotFoundException.dossier(number));
    }
}
