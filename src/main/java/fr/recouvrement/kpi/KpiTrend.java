package fr.recouvrement.kpi;

import com.fasterxml.jackson.annotation.JsonFormat;
import fr.recouvrement.api.FieldProblem;
import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.kpi.KpiReport.Bucket;
import fr.recouvrement.kpi.KpiReport.StageNow;
import fr.recouvrement.kpi.KpiReport.Total;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code GET /api/kpis/trend} (docs/api.md, «KPIs»): the daily snapshots taken within the period, oldest
 * first. A day the application was down at 06:00 and after has no snapshot and no row.
 */
public record KpiTrend(LocalDate from, LocalDate to, @Schema(example = "EUR") String currency, List<Day> days) {

    /** The default period: the twelve weeks ending today, the span of the managers' chart. */
    static final int DEFAULT_DAYS = 12 * 7;

    /**
     * The headline figures of the whole portfolio on one day, as the snapshot taken that day recorded them.
     *
     * @param takenAt when the snapshot was taken: 06:00 Paris time, or later when the application was down then
     * @param stages the dossiers not closed and what they owed, by the stage they stood at when it was taken
     */
    public record Day(LocalDate day, OffsetDateTime takenAt, Total outstanding, Total overdue, List<Bucket> agedBalance,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "47.3") BigDecimal dsoDays,
            boolean dsoCapped, List<StageNow> stages) {
    }

    /** The days asked, checked: {@code to} defaults to today, {@code from} to 83 days before {@code to}. */
    record Period(LocalDate from, LocalDate to) {

        static Period parse(String from, String to, LocalDate today) {
            List<FieldProblem> problems = new ArrayList<>();
            LocalDate toDate = KpiQuery.date("to", to, today, problems);
            LocalDate fromDate = KpiQuery.date("from", from, toDate == null ? null : toDate.minusDays(DEFAULT_DAYS - 1),
                    problems);
            KpiQuery.checkOrder(fromDate, toDate, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Period(fromDate, toDate);
        }
    }
}
