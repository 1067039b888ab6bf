package fr.recouvrement.kpi;

import com.fasterxml.jackson.annotation.JsonFormat;
import fr.recouvrement.debtor.DebtorType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The answer of {@code GET /api/kpis} (docs/api.md, «KPIs»): principal only, in EUR, amounts as decimal strings with
 * two decimals. {@code ledger} is computed as of {@code asOf}, {@code recovery} over its period, {@code operational}
 * as things stand now.
 */
public record KpiReport(
        LocalDate asOf,
        @Schema(example = "EUR") String currency,
        @Schema(nullable = true) String segment,
        @Schema(nullable = true) DebtorType debtorType,
        Ledger ledger,
        Recovery recovery,
        Operational operational) {

    /** What the ledger said on {@code asOf}: payments, credit notes and events dated after it are not counted. */
    public record Ledger(
            Total outstanding,
            Total overdue,
            List<Bucket> agedBalance,
            Total disputed,
            Total judicial,
            Dso dso,
            List<TopDebtor> topDebtors,
            PrescriptionSoon prescriptionSoon,
            Credits unappliedCredits) {
    }

    /**
     * What debtors paid by transfer beyond their invoices (bank statements) and is neither refunded nor imputed yet:
     * received by {@code asOf}, still unapplied now.
     */
    public record Credits(@JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "150.00")
            BigDecimal amount, long debtors) {
    }

    /** A sum of invoice balances and the number of invoices in it. */
    public record Total(@JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "1234.50")
            BigDecimal amount, long invoices) {
    }

    /**
     * One bucket of the aged balance.
     *
     * @param minDaysLate null for the first bucket (not yet due: 0 days late or less)
     * @param maxDaysLate null for the last bucket
     */
    public record Bucket(@Schema(example = "DAYS_1_30") String bucket, @Schema(example = "1 à 30 jours") String label,
            Integer minDaysLate, Integer maxDaysLate,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal amount, long invoices) {
    }

    /**
     * Days sales outstanding by count-back.
     *
     * @param monthsCounted how many months (the current one first) the outstanding was counted back against
     * @param capped the outstanding outlasted twelve months of invoicing, or the count went over 365 days
     */
    public record Dso(@JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "47.3")
            BigDecimal days, int monthsCounted, boolean capped, String method) {
    }

    /** A debtor among the twenty who owe the most, with the dossiers of the invoices it owes. */
    public record TopDebtor(long debtorId, String name, @Schema(nullable = true) String siren, DebtorType type,
            String segment,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal outstanding,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal overdue,
            long invoices, List<String> dossiers) {
    }

    /** Invoices still owed whose prescription date falls within {@code withinDays} of {@code asOf}. */
    public record PrescriptionSoon(int withinDays, LocalDate until,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal amount, long invoices,
            List<PrescribedInvoice> items) {
    }

    /** One invoice about to be prescribed, earliest first. */
    public record PrescribedInvoice(String invoice, @Schema(nullable = true) String dossier, String debtor,
            LocalDate prescriptionDate,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal balance) {
    }

    /** What each stage of the scenario recovered over the period, and how many dossiers it settled. */
    public record Recovery(LocalDate from, LocalDate to, List<StageRecovery> stages, String method) {
    }

    /**
     * One stage's recovery.
     *
     * @param reached dossiers that entered the stage within the period (for PRE_ECHEANCE: invoices due within it)
     * @param settled of those, the dossiers settled while at that stage (for PRE_ECHEANCE: invoices settled without
     *     ever going to a dossier)
     * @param recoveryRate settled / reached, four decimals; null when none reached the stage
     */
    public record StageRecovery(@Schema(example = "RELANCE_1") String stage,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal paid,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal credited,
            long reached, long settled,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", nullable = true, example = "0.4250")
            BigDecimal recoveryRate) {
    }

    /** Where things stand now, whatever {@code asOf} says. */
    public record Operational(
            @Schema(description = "Toujours vrai : ces chiffres sont ceux du moment, pas ceux de asOf") boolean current,
            OffsetDateTime at,
            List<StageNow> stages,
            Promises promises,
            Disputes disputes,
            Plans plans,
            long lettersToPost,
            long registeredLettersAwaitingReceipt,
            long tasksPastDue,
            Deliveries deliveries,
            List<Handoffs> judicialHandoffs) {
    }

    /** The dossiers not closed at one stage, and what their invoices still owe. */
    public record StageNow(String stage, long dossiers,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal amount) {
    }

    /**
     * Promises to pay whose deadline (promised date + the scenario's grace) is on or after {@code deadlinesSince}.
     *
     * @param open not kept yet, deadline not passed
     * @param kept the dossier's invoices paid in full by the deadline
     * @param broken deadline passed without that
     */
    public record Promises(long open, long kept, long broken, LocalDate deadlinesSince) {
    }

    /** Invoices disputed now; {@code oldestSince} is the day the longest-running dispute was raised. */
    public record Disputes(long open,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal amount,
            @Schema(nullable = true) LocalDate oldestSince) {
    }

    /** Payment plans of dossiers not closed: on schedule, or behind it (an instalment past its date + grace). */
    public record Plans(long running,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal runningAmount,
            long missed,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal missedAmount) {
    }

    /** Messages whose delivery needs someone: failed after the retries, or perhaps sent. */
    public record Deliveries(long failed, long unknown) {
    }

    /** Dossiers handed to the legal team by one route, and what their invoices still owe. */
    public record Handoffs(@Schema(example = "INJONCTION_DE_PAYER") String route, long dossiers,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal amount) {
    }
}
