package fr.recouvrement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@FastTest
class FrenchHolidaysTest {

    @ParameterizedTest(name = "{0}: Easter {1}, Ascension {2}, Whit Monday {3}")
    @CsvSource({
        // Published by the government's calendar service (calendrier.api.gouv.fr) for metropolitan France.
        "2025, 2025-04-21, 2025-05-29, 2025-06-09",
        "2026, 2026-04-06, 2026-05-14, 2026-05-25",
        "2027, 2027-03-29, 2027-05-06, 2027-05-17",
        "2028, 2028-04-17, 2028-05-25, 2028-06-05"
    })
    void easterBasedHolidays(int year, LocalDate easterMonday, LocalDate ascension, LocalDate whitMonday) {
        assertThat(FrenchHolidays.of(year, false))
                .containsEntry(easterMonday, "Lundi de Pâques")
                .containsEntry(ascension, "Ascension")
                .containsEntry(whitMonday, "Lundi de Pentecôte");
    }

    @Test
    void elevenHolidaysInMetropolitanFranceThirteenInAlsaceMoselle() {
        for (int year = 2025; year <= 2028; year++) {
            assertThat(FrenchHolidays.of(year, false)).hasSize(11)
                    .containsKeys(LocalDate.of(year, 1, 1), LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 8),
                            LocalDate.of(year, 7, 14), LocalDate.of(year, 8, 15), LocalDate.of(year, 11, 1),
                            LocalDate.of(year, 11, 11), LocalDate.of(year, 12, 25));
        }
        assertThat(FrenchHolidays.of(2026, true)).hasSize(13)
                .containsEntry(LocalDate.of(2026, 4, 3), "Vendredi saint")
                .containsEntry(LocalDate.of(2026, 12, 26), "Saint Étienne");
    }

    @ParameterizedTest
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2038, 2038-04-25", "2285, 2285-03-22"})
    void easterSundayIncludingTheEarliestAndLatestDates(int year, LocalDate easter) {
        assertThat(FrenchHolidays.easterSunday(year)).isEqualTo(easter);
    }
}
