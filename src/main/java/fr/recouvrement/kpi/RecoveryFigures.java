package fr.recouvrement.kpi;

import static fr.recouvrement.kpi.LedgerFigures.money;

import fr.recouvrement.kpi.KpiReport.Recovery;
import fr.recouvrement.kpi.KpiReport.StageRecovery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each stage of the scenario recovered over a period, from the stage history the dossiers keep
 * ({@code dossier_stage}): a payment or a credit note belongs to the stage its dossier stood at on its date.
 */
@Repository
class RecoveryFigures {

    static final String METHOD = "Un paiement, ou un avoir, compte pour l'étape où se trouvait son dossier le jour de "
            + "sa date ; avant l'échéance de la facture ou hors dossier, pour PRE_ECHEANCE ; JUDICIAIRE va de la "
            + "préparation du contentieux à la suite de la transmission. Taux de recouvrement d'une étape : dossiers "
            + "entrés dans l'étape pendant la période et soldés à cette étape (à ce jour), sur les dossiers entrés dans "
            + "l'étape pendant la période ; pour PRE_ECHEANCE, factures échues pendant la période et soldées sans "
            + "passer en dossier, sur les factures échues pendant la période.";

    /**
     * The stage of each payment of the period; after the dossier closed, the stage it closed at. Each stage a dossier
     * entered holds from the day it entered it to the day it entered the next (excluded): the last stage entered by
     * the payment's date. One join on the dossier instead of a look-up of its history per payment.
     */
    private static final String AMOUNTS = """
            with stages as (
                select s.dossier_id, s.stage, cast(s.entered_at at time zone 'Europe/Paris' as date) as since,
                       lead(cast(s.entered_at at time zone 'Europe/Paris' as date))
                           over (partition by s.dossier_id order by s.entered_at, s.id) as until
                from recouvrement.dossier_stage s where s.stage <> 'TERMINE')
            select coalesce(s.stage, 'PRE_ECHEANCE') as stage,
                   coalesce(sum(p.amount) filter (where p.type = 'PAYMENT'), 0) as paid,
                   coalesce(sum(p.amount) filter (where p.type = 'CREDIT_NOTE'), 0) as credited
            from recouvrement.payment p
            join recouvrement.invoice i on i.id = p.invoice_id
            left join stages s on s.dossier_id = i.dossier_id and p.paid_on > i.due_date
                 and s.since <= p.paid_on and (s.until is null or p.paid_on < s.until)
            where p.paid_on between cast(:from as date) and cast(:to as date) and %s
            group by 1""".formatted(KpiQuery.debtorsOf("i.debtor_id"));
    /**
     * The dossiers that entered each stage in the period, and those of them settled at it: it was their last. One
     * pass over the history gives each dossier's last stage.
     */
    private static final String DOSSIERS = """
            with staged as (
                select s.dossier_id, s.stage, cast(s.entered_at at time zone 'Europe/Paris' as date) as since,
                       first_value(s.stage) over (partition by s.dossier_id order by s.entered_at desc, s.id desc)
                           as last_stage
                from recouvrement.dossier_stage s where s.stage <> 'TERMINE'),
            reached as (
                select distinct dossier_id, stage, stage = last_stage as last from staged
                where since between cast(:from as date) and cast(:to as date))
            select r.stage, count(*) as reached,
                   count(*) filter (where dos.closing_reason = 'SOLDE' and r.last) as settled
            from reached r join recouvrement.dossier dos on dos.id = r.dossier_id
            where %s
            group by r.stage""".formatted(KpiQuery.debtorsOf("dos.debtor_id"));
    /** Before any dossier, the invoices count: those due in the period, and those settled without a dossier. */
    private static final String PRE_DUE = """
            select count(*) as reached,
                   count(*) filter (where i.dossier_id is null and i.status in ('PAID', 'CANCELLED')) as settled
            from recouvrement.invoice i
            where i.due_date between cast(:from as date) and cast(:to as date) and %s""".formatted(
            KpiQuery.debtorsOf("i.debtor_id"));

    private final JdbcClient jdbc;

    RecoveryFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Paid and credited during the period, by stage. */
    Map<String, BigDecimal[]> amounts(KpiQuery query) {
        Map<String, BigDecimal[]> amounts = new HashMap<>();
        period(query, AMOUNTS).query(rs -> {
            amounts.put(rs.getString("stage"), new BigDecimal[] {money(rs, "paid"), money(rs, "credited")});
        });
        return amounts;
    }

    /** The dossiers that entered each stage during the period, and of those the ones settled at it. */
    Map<String, long[]> dossiers(KpiQuery query) {
        Map<String, long[]> dossiers = new HashMap<>();
        period(query, DOSSIERS).query(rs -> {
            dossiers.put(rs.getString("stage"), new long[] {rs.getLong("reached"), rs.getLong("settled")});
        });
        return dossiers;
    }

    /** The invoices due during the period, and of those the ones settled without a dossier. */
    long[] preDue(KpiQuery query) {
        return period(query, PRE_DUE).query((rs, row) -> new long[] {rs.getLong("reached"), rs.getLong("settled")})
                .single();
    }

    /** The figures of the three statements above, each stage of the ladder in order. */
    Recovery byStage(KpiQuery query, Map<String, BigDecimal[]> amounts, Map<String, long[]> reached, long[] preDue) {
        Map<String, long[]> dossiers = new HashMap<>(reached);
        dossiers.put(Kpis.LADDER.get(0), preDue);
        return new Recovery(query.from(), query.to(), Kpis.LADDER.stream().map(stage -> {
            BigDecimal[] recovered = amounts.getOrDefault(stage, new BigDecimal[] {Kpis.ZERO, Kpis.ZERO});
            long[] counts = dossiers.getOrDefault(stage, new long[] {0, 0});
            return new StageRecovery(stage, recovered[0], recovered[1], counts[0], counts[1], counts[0] == 0 ? null
                    : BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.HALF_UP));
        }).toList(), METHOD);
    }

    private JdbcClient.StatementSpec period(KpiQuery query, String sql) {
        return query.bindDebtors(jdbc.sql(sql)).param("from", query.from()).param("to", query.to());
    }
}
