package fr.recouvrement.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Business days in France: no weekend, no public holiday. Every timer of the scenario fires at 09:00 Europe/Paris
 * on a business day: the scenario steps compute each date with {@link #at9} and the timers wait for the variable they
 * set ({@code ${stepAt}}). No diagram calls this bean, and none may: it has no scenario step.
 */
@Component("businessCalendar")
public class BusinessCalendar {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    private final boolean alsaceMoselle;
    private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new ConcurrentHashMap<>();

    public BusinessCalendar(@Value("${recouvrement.calendar.alsace-moselle:false}") boolean alsaceMoselle) {
        this.alsaceMoselle = alsaceMoselle;
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays(day.getYear()).containsKey(day);
    }

    /** The day itself when it is a business day, else the next business day. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate candidate = day;
        while (!isBusinessDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** The business day {@code days} business days after {@code from}. */
    public LocalDate addBusinessDays(LocalDate from, int days) {
        LocalDate day = from;
        for (int i = 0; i < days; i++) {
            day = onOrAfter(day.plusDays(1));
        }
        return day;
    }

    /** 09:00 in Paris on the first business day on or after {@code day}: the moment a scenario timer fires. */
    public ZonedDateTime nineOClock(LocalDate day) {
        return ZonedDateTime.of(onOrAfter(day), NINE, PARIS);
    }

    /** The same, as the {@link Date} a Camunda timer date expression expects. */
    public Date at9(LocalDate day) {
        return Date.from(nineOClock(day).toInstant());
    }

    public Map<LocalDate, String> holidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> FrenchHolidays.of(y, alsaceMoselle));
    }
}
