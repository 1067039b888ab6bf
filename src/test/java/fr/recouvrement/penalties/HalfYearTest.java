package fr.recouvrement.penalties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.FastTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@FastTest
class HalfYearTest {

    @Test
    void readsTheConfigurationSpellings() {
        assertThat(HalfYear.parse("2026-H2")).isEqualTo(new HalfYear(2026, 2));
        assertThat(HalfYear.parse("2026h2")).isEqualTo(new HalfYear(2026, 2));
        assertThat(HalfYear.parse("2027-S1")).isEqualTo(new HalfYear(2027, 1));
        assertThatThrownBy(() -> HalfYear.parse("2026-H3")).hasMessageContaining("2026-H3");
    }

    @Test
    void januaryToJuneThenJulyToDecember() {
        assertThat(HalfYear.of(LocalDate.parse("2026-06-30"))).hasToString("2026-H1");
        assertThat(HalfYear.of(LocalDate.parse("2026-07-01"))).hasToString("2026-H2");
        assertThat(new HalfYear(2026, 2).next().firstDay()).isEqualTo("2027-01-01");
    }
}
