package fr.recouvrement.kpi;

import fr.recouvrement.kpi.KpiReport.Ledger;
import fr.recouvrement.kpi.KpiReport.Operational;
import fr.recouvrement.kpi.KpiReport.StageNow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The collection figures managers judge the team and the scenario on (docs/api.md, «KPIs»). */
@Service
class Kpis {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    /** The stages of the scenario in order, from before the due date to the judicial handoff. */
    static final List<String> LADDER = List.of("PRE_ECHEANCE", "CONCILIATION", "RELANCE_1", "RELANCE_2", "RELANCE_3",
            "MISE_EN_DEMEURE", "JUDICIAIRE");

    private final LedgerFigures ledger;
    private final RecoveryFigures recovery;
    private final OperationalFigures operational;
    private final SharedSnapshot snapshot;
    private final Clock clock;

    Kpis(LedgerFigures ledger, RecoveryFigures recovery, OperationalFigures operational, SharedSnapshot snapshot,
            Clock clock) {
        this.ledger = ledger;
        this.recovery = recovery;
        this.operational = operational;
        this.snapshot = snapshot;
        this.clock = clock;
    }

    /**
     * One read-only transaction, whose snapshot the statements share as they run at once on several connections
     * (SharedSnapshot): the figures of one answer come from one state of the ledger.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public KpiReport report(KpiQuery query) {
        SharedSnapshot.Batch batch = snapshot.batch();
        // The longest first (docs/performance.md), so that the statements started last are short ones.
        CompletableFuture<LedgerFigures.Owed> owed = batch.add(() -> ledger.owed(query));
        CompletableFuture<Map<String, BigDecimal[]>> recovered = batch.add(() -> recovery.amounts(query));
        CompletableFuture<List<StageNow>> stages = batch.add(() -> operational.stages(query));
        CompletableFuture<Map<YearMonth, BigDecimal>> invoiced = batch.add(
                () -> ledger.netInvoicedByMonth(query, DsoCountBack.firstDay(query.asOf())));
        CompletableFuture<Map<String, long[]>> reached = batch.add(() -> recovery.dossiers(query));
        CompletableFuture<KpiReport.PrescriptionSoon> prescription = batch.add(() -> ledger.prescriptionSoon(query));
        CompletableFuture<long[]> preDue = batch.add(() -> recovery.preDue(query));
        CompletableFuture<KpiReport.Disputes> disputes = batch.add(() -> operational.disputes(query));
        CompletableFuture<KpiReport.Promises> promises = batch.add(() -> operational.promises(query));
        CompletableFuture<KpiReport.Plans> plans = batch.add(() -> operational.plans(query));
        CompletableFuture<OperationalFigures.Waiting> waiting = batch.add(() -> operational.waiting(query));
        CompletableFuture<List<KpiReport.Handoffs>> handoffs = batch.add(() -> operational.handoffs(query));
        CompletableFuture<KpiReport.Credits> credits = batch.add(() -> ledger.unappliedCredits(query));
        batch.run();
        LedgerFigures.AgedBalance aged = owed.join().agedBalance();
        KpiReport.Total outstanding = aged.outstanding();
        Ledger figures = new Ledger(outstanding, aged.overdue(), aged.buckets(), aged.disputed(), aged.judicial(),
                DsoCountBack.compute(outstanding.amount(), query.asOf(), invoiced.join()), owed.join().topDebtors(),
                prescription.join(), credits.join());
        Operational now = new Operational(true, OffsetDateTime.now(clock), inLadderOrder(stages.join()),
                promises.join(), disputes.join(), plans.join(), waiting.join().lettersToPost(),
                waiting.join().registeredLettersAwaitingReceipt(), operational.tasksPastDue(query),
                waiting.join().deliveries(), handoffs.join());
        return new KpiReport(query.asOf(), "EUR", query.segment(), query.debtorType(), figures,
                recovery.byStage(query, recovered.join(), reached.join(), preDue.join()), now);
    }

    /**
     * The figures the daily snapshot keeps, for the whole portfolio: the aged balance and DSO as of {@code day}, the
     * dossiers per stage now. Runs in the transaction of the job that stores them.
     */
    KpiTrend.Day headline(LocalDate day) {
        KpiQuery query = new KpiQuery(day, day, day, null, null);
        LedgerFigures.AgedBalance aged = ledger.owed(query).agedBalance();
        KpiReport.Dso dso = DsoCountBack.compute(aged.outstanding().amount(), day,
                ledger.netInvoicedByMonth(query, DsoCountBack.firstDay(day)));
        return new KpiTrend.Day(day, OffsetDateTime.now(clock), aged.outstanding(), aged.overdue(), aged.buckets(),
                dso.days(), dso.capped(), inLadderOrder(operational.stages(query)));
    }

    /** Every stage of the ladder, with nothing at it too; a stage outside the ladder after them. */
    private static List<StageNow> inLadderOrder(List<StageNow> found) {
        Map<String, StageNow> byStage = found.stream().collect(Collectors.toMap(StageNow::stage, Function.identity()));
        List<StageNow> stages = new ArrayList<>();
        LADDER.forEach(stage -> stages.add(byStage.getOrDefault(stage, new StageNow(stage, 0, ZERO))));
        found.stream().filter(stage -> !LADDER.contains(stage.stage()))
                .sorted(Comparator.comparing(StageNow::stage)).forEach(stages::add);
        return stages;
    }
}
