package fr.recouvrement.kpi;

import fr.recouvrement.debtor.DebtorType;
import fr.recouvrement.kpi.KpiReport.Bucket;
import fr.recouvrement.kpi.KpiReport.PrescribedInvoice;
import fr.recouvrement.kpi.KpiReport.PrescriptionSoon;
import fr.recouvrement.kpi.KpiReport.TopDebtor;
import fr.recouvrement.kpi.KpiReport.Total;
import fr.recouvrement.penalties.LatePaymentLaw;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger as it stood at the end of a day, in aggregates computed by PostgreSQL: an invoice counts from its issue
 * date, payments and credit notes from their date, a dispute or its resolution from the day it was recorded, a
 * judicial handoff from the day its dossier closed.
 */
@Repository
class LedgerFigures {

    static final int TOP_DEBTORS = 20;
    static final int PRESCRIPTION_DAYS = 90;
    /** The list shows the earliest; the count and the amount cover them all. */
    static final int PRESCRIPTION_ITEMS = 100;
    /** No debtor's invoice is prescribed sooner than this after its performance date (LatePaymentLaw). */
    static final int SHORTEST_PRESCRIPTION_YEARS = IntStream.of(LatePaymentLaw.PRESCRIPTION_YEARS_B2B,
            LatePaymentLaw.PRESCRIPTION_YEARS_B2C, LatePaymentLaw.PRESCRIPTION_YEARS_PUBLIC).min().orElseThrow();

    /**
     * The invoices owed on {@code :asOf}, one row each with its balance then (principal only): issued by that day,
     * balance left by the payments and credit notes dated by then above zero, not cancelled after a dispute by then.
     */
    private static final String OWED = """
            with reductions as (
                select p.invoice_id, sum(p.amount) as amount from recouvrement.payment p
                where p.paid_on <= cast(:asOf as date) group by p.invoice_id),
            disputes as (
                select distinct on (e.invoice_id) e.invoice_id, e.type, e.payload ->> 'action' as action
                from recouvrement.invoice_event e
                where e.type in ('DISPUTE', 'DISPUTE_RESOLVED')
                  and cast(e.created_at at time zone 'Europe/Paris' as date) <= cast(:asOf as date)
                order by e.invoice_id, e.created_at desc, e.id desc),
            owed as (
                select i.id, i.debtor_id, i.dossier_id, dos.number as dossier, i.due_date,
                       cast(:asOf as date) - i.due_date as days_late,
                       i.amount - coalesce(r.amount, 0) as balance,
                       coalesce(d.type = 'DISPUTE', false) as disputed,
                       coalesce(i.status = 'JUDICIAL'
                           and cast(dos.closed_at at time zone 'Europe/Paris' as date) <= cast(:asOf as date), false)
                           as judicial
                from recouvrement.invoice i
                left join recouvrement.dossier dos on dos.id = i.dossier_id
                left join reductions r on r.invoice_id = i.id
                left join disputes d on d.invoice_id = i.id
                where i.issue_date <= cast(:asOf as date) and i.amount > coalesce(r.amount, 0)
                  and (d.type = 'DISPUTE_RESOLVED' and d.action = 'CANCEL') is not true
                  and %s)
            """.formatted(KpiQuery.debtorsOf("i.debtor_id"));

    private final JdbcClient jdbc;

    LedgerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The debtors' credits from bank statements: received by {@code asOf}, unapplied now. */
    KpiReport.Credits unappliedCredits(KpiQuery query) {
        return query.bindDebtors(jdbc.sql("""
                select coalesce(sum(b.unapplied), 0) as amount, count(distinct b.debtor_id) as debtors
                from recouvrement.bank_entry b
                where b.unapplied > 0 and b.debtor_id is not null and b.status in ('MATCHED', 'PARTLY_MATCHED')
                  and b.paid_on <= cast(:asOf as date) and %s""".formatted(KpiQuery.debtorsOf("b.debtor_id"))))
                .param("asOf", query.asOf())
                .query((rs, row) -> new KpiReport.Credits(rs.getBigDecimal("amount").setScale(2), rs.getLong("debtors")))
                .single();
    }

    /** The aged balance, and the disputed and judicial invoices it holds. */
    record AgedBalance(List<Bucket> buckets, Total disputed, Total judicial) {

        Total outstanding() {
            return sum(buckets);
        }

        Total overdue() {
            return sum(buckets.stream().filter(bucket -> bucket.minDaysLate() != null).toList());
        }

        private static Total sum(List<Bucket> buckets) {
            return new Total(buckets.stream().map(Bucket::amount).reduce(Kpis.ZERO, BigDecimal::add),
                    buckets.stream().mapToLong(Bucket::invoices).sum());
        }
    }

    /** The aged balance and the debtors who owe the most, both as of {@code asOf}. */
    record Owed(AgedBalance agedBalance, List<TopDebtor> topDebtors) {
    }

    /**
     * One statement for both figures, so that PostgreSQL computes the invoices owed once (a CTE read twice is
     * materialized): rows with a bucket are the aged balance, the others the top debtors, in order. The daily
     * snapshot, which keeps the aged balance only, pays for the twenty debtors too: a grouping of rows already there.
     */
    Owed owed(KpiQuery query) {
        Map<AgedBucket, Bucket> buckets = new HashMap<>();
        BigDecimal[] disputed = {Kpis.ZERO, Kpis.ZERO};
        BigDecimal[] judicial = {Kpis.ZERO, Kpis.ZERO};
        List<TopDebtor> top = new ArrayList<>();
        query.bindDebtors(jdbc.sql(OWED + """
                , aged as (
                    select %s as bucket, count(*) as invoices, sum(balance) as amount,
                           count(*) filter (where disputed) as disputed_invoices,
                           coalesce(sum(balance) filter (where disputed), 0) as disputed_amount,
                           count(*) filter (where judicial) as judicial_invoices,
                           coalesce(sum(balance) filter (where judicial), 0) as judicial_amount
                    from owed group by 1),
                top as (
                    select debtor_id, sum(balance) as amount,
                           coalesce(sum(balance) filter (where days_late > 0), 0) as overdue, count(*) as invoices,
                           array_remove(array_agg(distinct dossier), null) as dossiers
                    from owed group by debtor_id order by amount desc, debtor_id limit :limit),
                rows as (
                    select bucket, invoices, amount, disputed_invoices, disputed_amount, judicial_invoices,
                           judicial_amount, cast(null as bigint) as debtor_id, cast(null as numeric) as overdue,
                           cast(null as varchar[]) as dossiers
                    from aged
                    union all
                    select null, invoices, amount, null, null, null, null, debtor_id, overdue, dossiers from top)
                select r.*, deb.name, deb.siren, deb.type, deb.segment
                from rows r left join recouvrement.debtor deb on deb.id = r.debtor_id
                order by r.bucket, r.amount desc, r.debtor_id""".formatted(AgedBucket.SQL)))
                .param("asOf", query.asOf()).param("limit", TOP_DEBTORS)
                .query(rs -> {
                    if (rs.getString("bucket") == null) {
                        top.add(new TopDebtor(rs.getLong("debtor_id"), rs.getString("name"), rs.getString("siren"),
                                DebtorType.valueOf(rs.getString("type")), rs.getString("segment"),
                                money(rs, "amount"), money(rs, "overdue"), rs.getLong("invoices"),
                                strings(rs.getArray("dossiers"))));
                        return;
                    }
                    AgedBucket bucket = AgedBucket.valueOf(rs.getString("bucket"));
                    buckets.put(bucket, bucket.of(money(rs, "amount"), rs.getLong("invoices")));
                    disputed[0] = disputed[0].add(money(rs, "disputed_amount"));
                    disputed[1] = disputed[1].add(BigDecimal.valueOf(rs.getLong("disputed_invoices")));
                    judicial[0] = judicial[0].add(money(rs, "judicial_amount"));
                    judicial[1] = judicial[1].add(BigDecimal.valueOf(rs.getLong("judicial_invoices")));
                });
        List<Bucket> all = Arrays.stream(AgedBucket.values())
                .map(bucket -> buckets.getOrDefault(bucket, bucket.of(Kpis.ZERO, 0))).toList();
        return new Owed(new AgedBalance(all, new Total(disputed[0], disputed[1].longValue()),
                new Total(judicial[0], judicial[1].longValue())), top);
    }

    /**
     * One invoice owed, for the export of the aged balance.
     *
     * @param stage the ladder stage its dossier stood at on {@code asOf} (the one it closed at, once closed);
     *     PRE_ECHEANCE before any
     */
    record AgedInvoice(String invoice, String debtor, String siren, String dossier, String stage, LocalDate dueDate,
            long daysLate, BigDecimal balance, AgedBucket bucket) {
    }

    /** Every invoice owed on {@code asOf}, by debtor then due date. */
    List<AgedInvoice> agedInvoices(KpiQuery query) {
        return query.bindDebtors(jdbc.sql(OWED + """
                select i.number, deb.name, deb.siren, dos.number as dossier, o.due_date, o.days_late, o.balance,
                       coalesce((select s.stage from recouvrement.dossier_stage s
                                 where s.dossier_id = o.dossier_id and s.stage <> 'TERMINE'
                                   and cast(s.entered_at at time zone 'Europe/Paris' as date) <= cast(:asOf as date)
                                 order by s.entered_at desc, s.id desc limit 1), 'PRE_ECHEANCE') as stage,
                       %s as bucket
                from owed o
                join recouvrement.invoice i on i.id = o.id
                join recouvrement.debtor deb on deb.id = o.debtor_id
                left join recouvrement.dossier dos on dos.id = o.dossier_id
                order by deb.name, deb.id, o.due_date, i.number""".formatted(AgedBucket.SQL)))
                .param("asOf", query.asOf())
                .query((rs, row) -> new AgedInvoice(rs.getString("number"), rs.getString("name"),
                        rs.getString("siren"), rs.getString("dossier"), rs.getString("stage"),
                        rs.getObject("due_date", LocalDate.class), rs.getLong("days_late"), money(rs, "balance"),
                        AgedBucket.valueOf(rs.getString("bucket"))))
                .list();
    }

    /** The owed invoices whose prescription date falls between {@code asOf} and 90 days later. */
    PrescriptionSoon prescriptionSoon(KpiQuery query) {
        LocalDate until = query.asOf().plusDays(PRESCRIPTION_DAYS);
        // An invoice is prescribed no earlier than its performance date plus the delay: that bound spares the others
        // the look-up of their payments and plans. The shortest delay of all, tested first on the invoice alone,
        // spares nearly all of them the join to their debtor too (a third of the statement's CPU at 100,000).
        String soon = OWED + """
                , dated as (
                    select i.number, dos.number as dossier, deb.name as debtor, o.balance, %s as prescription_date
                    from owed o
                    join recouvrement.invoice i on i.id = o.id
                    join recouvrement.debtor deb on deb.id = i.debtor_id
                    left join recouvrement.dossier dos on dos.id = i.dossier_id
                    where coalesce(i.performance_date, i.issue_date) + make_interval(years => %s)
                          <= cast(:until as date)
                      and coalesce(i.performance_date, i.issue_date) + make_interval(years => %s)
                          <= cast(:until as date))
                select * from dated
                where prescription_date between cast(:asOf as date) and cast(:until as date)
                """.formatted(LatePaymentLaw.PRESCRIPTION_DATE_SQL, SHORTEST_PRESCRIPTION_YEARS,
                LatePaymentLaw.PRESCRIPTION_YEARS_SQL);
        List<PrescribedInvoice> all = query.bindDebtors(jdbc.sql(soon + " order by prescription_date, number"))
                .param("asOf", query.asOf()).param("until", until)
                .query((rs, row) -> new PrescribedInvoice(rs.getString("number"), rs.getString("dossier"),
                        rs.getString("debtor"), rs.getObject("prescription_date", LocalDate.class),
                        money(rs, "balance")))
                .list();
        return new PrescriptionSoon(PRESCRIPTION_DAYS, until,
                all.stream().map(PrescribedInvoice::balance).reduce(Kpis.ZERO, BigDecimal::add), all.size(),
                all.stream().limit(PRESCRIPTION_ITEMS).toList());
    }

    /**
     * What was invoiced each month from {@code start} to {@code asOf}, net of the credit notes dated in that month,
     * for the DSO's count-back. The credit notes reach their invoice only to filter on the debtor: without a filter,
     * no invoice is read for them.
     */
    Map<YearMonth, BigDecimal> netInvoicedByMonth(KpiQuery query, LocalDate start) {
        Map<YearMonth, BigDecimal> months = new HashMap<>();
        query.bindDebtors(jdbc.sql("""
                select extract(year from day) as year, extract(month from day) as month, sum(amount) as net from (
                    select i.issue_date as day, i.amount
                    from recouvrement.invoice i
                    where i.issue_date between cast(:start as date) and cast(:asOf as date) and %1$s
                    union all
                    select p.paid_on, -p.amount
                    from recouvrement.payment p
                    where p.type = 'CREDIT_NOTE' and p.paid_on between cast(:start as date) and cast(:asOf as date)
                      and (cast(:segment as text) is null and cast(:debtorType as text) is null
                           or p.invoice_id in (select i.id from recouvrement.invoice i where %1$s))) invoiced
                group by 1, 2""".formatted(KpiQuery.debtorsOf("i.debtor_id"))))
                .param("start", start).param("asOf", query.asOf())
                .query(rs -> {
                    months.put(YearMonth.of(rs.getInt("year"), rs.getInt("month")), money(rs, "net"));
                });
        return months;
    }

    static BigDecimal money(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column).setScale(2);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
