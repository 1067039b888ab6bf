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

    /** The stage of each payment of the period; after the dossier closed, the stage it closed at. */
    private static final String AMOUNTS = """
            select stage, coalesce(sum(amount) filter (where type = 'PAYMENT'), 0) as paid,
                   coalesce(sum(amount) filter (where type = 'CREDIT_NOTE'), 0) as credited
            from (
                select p.type, p.amount,
                       case when i.dossier_id is null or p.paid_on <= i.due_date then 'PRE_ECHEANCE'
                            else coalesce((select s.stage from recouvrement.dossier_stage s
                                           where s.dossier_id = i.dossier_id and s.stage <> 'TERMINE'
                                             and cast(s.entered_at at time zone 'Europe/Paris' as date) <= p.paid_on
                                           order by s.entered_at desc, s.id desc limit 1), 'PRE_ECHEANCE') end as stage
                from recouvrement.payment p
                join recouvrement.invoice i on i.id = p.invoice_id
                join recouvrement.debtor deb on deb.id = i.debtor_id
                where p.paid_on between cast(:from as date) and cast(:to as date) and %s) staged
            group by stage""".formatted(KpiQuery.DEBTOR_FILTER);
    /** The dossiers that entered each stage in the period, and those of them settled at it: it was their last. */
    private static final String DOSSIERS = """
            with reached as (
                select distinct s.dossier_id, s.stage
                from recouvrement.dossier_stage s
                join recouvrement.dossier dos on dos.id = s.dossier_id
                join recouvrement.debtor deb on deb.id = dos.debtor_id
                where s.stage <> 'TERMINE'
                  and cast(s.entered_at at time zone 'Europe/Paris' as date) between cast(:from as date) and cast(:to as date)
                  and %s)
            select r.stage, count(*) as reached,
                   count(*) filter (where dos.closing_reason = 'SOLDE' and r.stage = (
                       select s.stage from recouvrement.dossier_stage s
                       where s.dossier_id = r.dossier_id and s.stage <> 'TERMINE'
                       order by s.entered_at desc, s.id desc limit 1)) as settled
            from reached r join recouvrement.dossier dos on dos.id = r.dossier_id
            group by r.stage""".formatted(KpiQuery.DEBTOR_FILTER);
    /** Before any dossier, the invoices count: those due in the period, and those settled without a dossier. */
    private static final String PRE_DUE = """
            select count(*) as reached,
                   count(*) filter (where i.dossier_id is null and i.status in ('PAID', 'CANCELLED')) as settled
            from recouvrement.invoice i join recouvrement.debtor deb on deb.id = i.debtor_id
            where i.due_date between cast(:from as date) and cast(:to as date) and %s""".formatted(KpiQuery.DEBTOR_FILTER);

    private final JdbcClient jdbc;

    RecoveryFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Recovery byStage(KpiQuery query) {
        Map<String, BigDecimal[]> amounts = new HashMap<>();
        period(query, AMOUNTS).query(rs -> {
            amounts.put(rs.getString("stage"), new BigDecimal[] {money(rs, "paid"), money(rs, "credited")});
        });
        Map<String, long[]> dossiers = new HashMap<>();
        period(query, DOSSIERS).query(rs -> {
            dossiers.put(rs.getString("stage"), new long[] {rs.getLong("reached"), rs.getLong("settled")});
        });
        period(query, PRE_DUE).query(rs -> {
            dossiers.put(Kpis.LADDER.get(0), new long[] {rs.getLong("reached"), rs.getLong("settled")});
        });
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
