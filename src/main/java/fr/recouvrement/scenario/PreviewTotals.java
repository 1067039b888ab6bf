package fr.recouvrement.scenario;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Adds the dossiers' forecasts up, week by week over the horizon. */
@Component
class PreviewTotals {

    private final BigDecimal registeredLetterCost;

    PreviewTotals(@Value("${recouvrement.costs.lrar:5.50}") BigDecimal registeredLetterCost) {
        this.registeredLetterCost = registeredLetterCost.setScale(2);
    }

    PreviewReport.Totals of(List<PreviewReport.Forecast> forecasts, LocalDate today) {
        LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = firstMonday.plusWeeks(ScenarioPreview.HORIZON_WEEKS);
        List<Map<String, Integer>> weeks = new ArrayList<>();
        for (int i = 0; i < ScenarioPreview.HORIZON_WEEKS; i++) {
            weeks.add(new TreeMap<>());
        }
        int registeredLetters = 0;
        int notices = 0;
        int handoffs = 0;
        Map<String, Integer> routes = new TreeMap<>();
        for (PreviewReport.Forecast forecast : forecasts) {
            for (PreviewReport.PlannedStep step : forecast.steps()) {
                if (!step.date().isBefore(end)) {
                    continue;
                }
                int week = (int) ChronoUnit.WEEKS.between(firstMonday, step.date());
                weeks.get(week).merge(step.step() + " " + step.channel(), 1, Integer::sum);
                registeredLetters += "LRAR".equals(step.channel()) ? 1 : 0;
                notices += "MISE_EN_DEMEURE".equals(step.step()) ? 1 : 0;
            }
            if (forecast.handoff() != null && forecast.handoff().isBefore(end)) {
                handoffs++;
                routes.merge(forecast.route(), 1, Integer::sum);
            }
        }
        List<PreviewReport.Week> byWeek = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            LocalDate monday = firstMonday.plusWeeks(i);
            byWeek.add(new PreviewReport.Week(monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), monday, weeks.get(i)));
        }
        return new PreviewReport.Totals(byWeek, registeredLetters,
                registeredLetterCost.multiply(BigDecimal.valueOf(registeredLetters)), notices, handoffs, routes);
    }
}
