package fr.recouvrement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@FastTest
class BusinessCalendarTest {

    private final BusinessCalendar calendar = new BusinessCalendar(false);
    private final BusinessCalendar alsace = new BusinessCalendar(true);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-11-24, 2026-11-24",  // a Tuesday
        "2026-05-01, 2026-05-04",  // Friday 1 May -> Monday
        "2027-05-01, 2027-05-03",  // Saturday 1 May -> Monday
        "2026-11-28, 2026-11-30",  // Saturday -> Monday
        "2026-05-08, 2026-05-11",  // Friday 8 May -> Monday
        "2026-05-14, 2026-05-15",  // Ascension (Thursday) -> Friday
        "2026-12-25, 2026-12-28",  // Christmas (Friday) -> Monday
        "2027-12-25, 2027-12-27",  // Christmas (Saturday) -> Monday
        "2026-07-14, 2026-07-15"   // Tuesday 14 July -> Wednesday
    })
    void movesToTheNextBusinessDay(LocalDate day, LocalDate expected) {
        assertThat(calendar.onOrAfter(day)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Alsace-Moselle {0} -> {1}")
    @CsvSource({"2026-04-03, 2026-04-07", "2026-12-25, 2026-12-28", "2027-12-24, 2027-12-24", "2027-12-26, 2027-12-27"})
    void alsaceMoselleHasGoodFridayAndSaintStephen(LocalDate day, LocalDate expected) {
        assertThat(alsace.onOrAfter(day)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-05-01, 2026-05-04T09:00+02:00[Europe/Paris]",  // summer time
        "2026-11-28, 2026-11-30T09:00+01:00[Europe/Paris]"   // winter time
    })
    void timersFireAtNineInParis(LocalDate day, ZonedDateTime expected) {
        assertThat(calendar.nineOClock(day)).isEqualTo(expected);
        assertThat(calendar.at9(day).toInstant()).isEqualTo(expected.toInstant());
    }
}
