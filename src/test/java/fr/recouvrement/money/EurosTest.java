package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@FastTest
class EurosTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.00|0,00", "5|5,00", "1234.5|1 234,50", "1234567.89|1 234 567,89"})
    void writesFrenchAmountsWithNoBreakSpaces(String amount, String expected) {
        assertThat(Euros.format(new BigDecimal(amount))).isEqualTo(expected.replace(' ', '\u00A0') + "\u00A0€");
    }
}
