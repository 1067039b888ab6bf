package fr.recouvrement.kpi;

import static fr.recouvrement.kpi.LedgerFigures.money;

import fr.recouvrement.kpi.KpiReport.Deliveries;
import fr.recouvrement.kpi.KpiReport.Disputes;
import fr.recouvrement.kpi.KpiReport.Handoffs;
import fr.recouvrement.kpi.KpiReport.Plans;
import fr.recouvrement.kpi.KpiReport.Promises;
import fr.recouvrement.kpi.KpiReport.StageNow;
import fr.recouvrement.worklist.TaskEscalation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where collection stands now: dossiers, promises, plans, disputes, letters, deliveries, overdue tasks, handoffs. */
@Repository
class OperationalFigures {

    /** Kept and broken promises are counted over the deadlines of this many days back. */
    static final int PROMISE_DAYS = 90;

    /**
     * What each invoice still owes now, principal only; cancelled invoices owe nothing. Its payments are summed by a
     * subquery on the invoice, not by a grouping of the whole table, so that a figure reading some invoices (the
     * disputed ones, those of a dossier) looks up their payments alone.
     */
    private static final String OWED_NOW = """
            select i.id, i.debtor_id, i.dossier_id, i.status,
                   greatest(i.amount - coalesce((select sum(r.amount) from recouvrement.payment r
                                                 where r.invoice_id = i.id), 0), 0) as owed
            from recouvrement.invoice i
            where i.status <> 'CANCELLED'""";
    /** The grace of each segment and type (PromiseGrace), joined as {@code g} on the debtor {@code deb}. */
    private static final String GRACE = """
            left join jsonb_to_recordset(cast(:graces as jsonb)) as g(segment text, type text, days int)
                   on g.segment = deb.segment and g.type = deb.type""";

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final PromiseGrace grace;
    private final Clock clock;

    OperationalFigures(JdbcClient jdbc, TaskService tasks, PromiseGrace grace, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * The dossiers not closed and what they owe, by the ladder stage they stand at. The debtor is tested by id
     * (KpiQuery.debtorsOf): a join of every dossier to its debtor cost a third of the statement's CPU.
     */
    List<StageNow> stages(KpiQuery query) {
        return query.bindDebtors(jdbc.sql("""
                with owed as (%s)
                select coalesce(dos.stage, 'PRE_ECHEANCE') as stage, count(*) as dossiers,
                       coalesce(sum(o.owed), 0) as amount
                from recouvrement.dossier dos
                left join (select dossier_id, sum(owed) as owed from owed where dossier_id is not null
                           group by dossier_id) o on o.dossier_id = dos.id
                where dos.status <> 'CLOSED' and %s
                group by 1""".formatted(OWED_NOW, KpiQuery.debtorsOf("dos.debtor_id"))))
                .query((rs, row) -> new StageNow(rs.getString("stage"), rs.getLong("dossiers"), money(rs, "amount")))
                .list();
    }

    /**
     * Each promise is kept when the invoices its dossier owed when it was made (due by then, not disputed nor
     * cancelled now) were paid or credited in full by its deadline, the promised date + grace.
     */
    Promises promises(KpiQuery query) {
        LocalDate today = LocalDate.now(clock);
        LocalDate since = today.minusDays(PROMISE_DAYS);
        return query.bindDebtors(jdbc.sql("""
                with promise as (
                    select e.dossier_id, cast(e.created_at at time zone 'Europe/Paris' as date) as made_on,
                           cast(e.payload ->> 'date' as date) + coalesce(g.days, 0) as deadline
                    from recouvrement.invoice_event e
                    join recouvrement.dossier dos on dos.id = e.dossier_id
                    join recouvrement.debtor deb on deb.id = dos.debtor_id
                    %s
                    where e.type = 'PROMISE' and %s),
                outcome as (
                    select p.deadline, not exists (
                        select 1 from recouvrement.invoice i
                        where i.dossier_id = p.dossier_id and i.due_date <= p.made_on
                          and i.status not in ('CANCELLED', 'DISPUTED')
                          and i.amount > coalesce((select sum(r.amount) from recouvrement.payment r
                                                   where r.invoice_id = i.id and r.paid_on <= p.deadline), 0)) as kept
                    from promise p where p.deadline >= cast(:since as date))
                select count(*) filter (where not kept and deadline >= cast(:today as date)) as open,
                       count(*) filter (where kept) as kept,
                       count(*) filter (where not kept and deadline < cast(:today as date)) as broken
                from outcome""".formatted(GRACE, KpiQuery.DEBTOR_FILTER)))
                .param("graces", graces(query, "PROMISE")).param("since", since).param("today", today)
                .query((rs, row) -> new Promises(rs.getLong("open"), rs.getLong("kept"), rs.getLong("broken"), since))
                .single();
    }

    /**
     * The latest plan of each dossier not closed. Missed, as PaymentPlan.progress says: less paid since the plan than
     * the instalments whose date + grace has passed, whether or not the ladder has broken it yet. Running: its
     * invoices are under the plan and it is not missed.
     */
    Plans plans(KpiQuery query) {
        return query.bindDebtors(jdbc.sql("""
                with owed as not materialized (%s),
                plan as (
                    select distinct on (e.dossier_id) e.dossier_id,
                           cast(e.created_at at time zone 'Europe/Paris' as date) as since, e.payload,
                           coalesce(g.days, 0) as grace
                    from recouvrement.invoice_event e
                    join recouvrement.dossier dos on dos.id = e.dossier_id
                    join recouvrement.debtor deb on deb.id = dos.debtor_id
                    %s
                    where e.type = 'PAYMENT_PLAN' and dos.status <> 'CLOSED' and %s
                    order by e.dossier_id, e.created_at desc, e.id desc),
                progress as (
                    select p.dossier_id,
                           (select coalesce(sum(cast(x ->> 'amount' as numeric)), 0)
                            from jsonb_array_elements(p.payload -> 'instalments') x
                            where cast(x ->> 'date' as date) + p.grace < cast(:today as date)) as due,
                           (select coalesce(sum(r.amount), 0) from recouvrement.payment r
                            join recouvrement.invoice i on i.id = r.invoice_id
                            where i.dossier_id = p.dossier_id and r.type = 'PAYMENT' and r.paid_on >= p.since) as paid,
                           exists (select 1 from owed o where o.dossier_id = p.dossier_id and o.status = 'PAYMENT_PLAN')
                               as under_plan,
                           (select coalesce(sum(o.owed), 0) from owed o
                            where o.dossier_id = p.dossier_id and o.status in ('OPEN', 'PAYMENT_PLAN')) as owed
                    from plan p)
                select count(*) filter (where under_plan and paid >= due) as running,
                       coalesce(sum(owed) filter (where under_plan and paid >= due), 0) as running_amount,
                       count(*) filter (where paid < due and owed > 0) as missed,
                       coalesce(sum(owed) filter (where paid < due and owed > 0), 0) as missed_amount
                from progress""".formatted(OWED_NOW, GRACE, KpiQuery.DEBTOR_FILTER)))
                .param("graces", graces(query, "PAYMENT_PLAN")).param("today", LocalDate.now(clock))
                .query((rs, row) -> new Plans(rs.getLong("running"), money(rs, "running_amount"),
                        rs.getLong("missed"), money(rs, "missed_amount")))
                .single();
    }

    /** Disputed invoices; a dispute raised again after a resolution runs from the last time. */
    Disputes disputes(KpiQuery query) {
        return query.bindDebtors(jdbc.sql("""
                with owed as (%s)
                select count(*) as open, coalesce(sum(o.owed), 0) as amount,
                       min((select max(cast(e.created_at at time zone 'Europe/Paris' as date))
                            from recouvrement.invoice_event e where e.invoice_id = o.id and e.type = 'DISPUTE'))
                           as oldest
                from owed o
                join recouvrement.debtor deb on deb.id = o.debtor_id
                where o.status = 'DISPUTED' and %s""".formatted(OWED_NOW, KpiQuery.DEBTOR_FILTER)))
                .query((rs, row) -> new Disputes(rs.getLong("open"), money(rs, "amount"),
                        rs.getObject("oldest", LocalDate.class)))
                .single();
    }

    /** The messages that wait for someone. */
    record Waiting(long lettersToPost, long registeredLettersAwaitingReceipt, Deliveries deliveries) {
    }

    /**
     * Letters and registered letters to print and post; notices posted whose AR the dossier still waits for;
     * deliveries failed or uncertain.
     */
    Waiting waiting(KpiQuery query) {
        return query.bindDebtors(jdbc.sql("""
                select count(*) filter (where c.status = 'PENDING' and c.channel in ('LETTER', 'LRAR')) as to_post,
                       count(*) filter (where c.status = 'SENT' and c.channel = 'LRAR' and c.step = 'MISE_EN_DEMEURE'
                                          and dos.notice_received_on is null and dos.status <> 'CLOSED') as awaiting_ar,
                       count(*) filter (where c.status = 'FAILED') as failed,
                       count(*) filter (where c.status = 'UNKNOWN') as unknown
                from recouvrement.communication c
                left join recouvrement.dossier dos on dos.id = c.dossier_id
                left join recouvrement.invoice inv on inv.id = c.invoice_id
                join recouvrement.debtor deb on deb.id = coalesce(dos.debtor_id, inv.debtor_id)
                where (c.status in ('PENDING', 'FAILED', 'UNKNOWN') or (c.status = 'SENT' and c.channel = 'LRAR'))
                  and %s""".formatted(KpiQuery.DEBTOR_FILTER)))
                .query((rs, row) -> new Waiting(rs.getLong("to_post"), rs.getLong("awaiting_ar"),
                        new Deliveries(rs.getLong("failed"), rs.getLong("unknown"))))
                .single();
    }

    /**
     * The dossiers handed to the legal team, by route, and what their invoices still owe. A claim foreclosed in the
     * debtor's collective procedure (L622-26) is a route of its own, {@code FORCLUSION}: the legal team had it, and what
     * it still owes will not be paid in the procedure.
     */
    List<Handoffs> handoffs(KpiQuery query) {
        return query.bindDebtors(jdbc.sql("""
                with owed as (%s)
                select dos.closing_reason as route, count(*) as dossiers, coalesce(sum(o.owed), 0) as amount
                from recouvrement.dossier dos
                join recouvrement.debtor deb on deb.id = dos.debtor_id
                left join recouvrement.judicial_file f on f.dossier_id = dos.id
                left join lateral (select sum(owed) as owed from owed where owed.dossier_id = dos.id) o on true
                where dos.status = 'CLOSED'
                  and (dos.closing_reason in ('DECLARATION_CREANCE', 'FORCLUSION') or dos.closing_reason = f.route)
                  and %s
                group by 1 order by 1""".formatted(OWED_NOW, KpiQuery.DEBTOR_FILTER)))
                .query((rs, row) -> new Handoffs(rs.getString("route"), rs.getLong("dossiers"), money(rs, "amount")))
                .list();
    }

    /**
     * The agents' and managers' tasks past their due date or escalated (docs/architecture.md §3, «Dates»), in the
     * engine; a filter reads the {@code segment} and {@code debtorType} variables the collection processes carry.
     */
    long tasksPastDue(KpiQuery query) {
        TaskQuery late = tasks.createTaskQuery().or()
                .dueBefore(Date.from(clock.instant()))
                .taskMinPriority(TaskEscalation.ESCALATED_PRIORITY)
                .endOr();
        if (query.segment() != null) {
            late.matchVariableValuesIgnoreCase().processVariableValueEquals("segment", query.segment());
        }
        if (query.debtorType() != null) {
            late.processVariableValueEquals("debtorType", query.debtorType().name());
        }
        return late.count();
    }

    /** The grace of the segments and types of the dossiers with events of this type. */
    private String graces(KpiQuery query, String eventType) {
        return grace.asJson(query.bindDebtors(jdbc.sql("""
                select distinct deb.segment, deb.type from recouvrement.invoice_event e
                join recouvrement.dossier dos on dos.id = e.dossier_id
                join recouvrement.debtor deb on deb.id = dos.debtor_id
                where e.type = :eventType and %s""".formatted(KpiQuery.DEBTOR_FILTER)))
                .param("eventType", eventType)
                .query((rs, row) -> new PromiseGrace.Debtors(rs.getString("segment"), rs.getString("type"))).list());
    }
}
