package fr.recouvrement.debtor;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@FastTest
class SirenTest {

    @ParameterizedTest(name = "SIREN {0}: {1}")
    @CsvSource({
        "552081317, true",   // Luhn sum 40
        "732829320, true",
        "356000000, true",   // La Poste
        "552081318, false",  // last digit changed: Luhn fails
        "123456789, false",
        "55208131, false",   // 8 digits
        "5520813170, false", // 10 digits
        "55208131A, false",
        "'', false"
    })
    void checksNineDigitsAndTheLuhnKey(String siren, boolean valid) {
        assertThat(Siren.isValid(siren)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "SIRET {0}: {1}")
    @CsvSource({
        "38347481400100, true",  // Luhn on 14 digits
        "38347481400101, false",
        "35600000049837, true",  // La Poste: fails Luhn, digit sum 50 is a multiple of 5
        "35600000049838, false", // La Poste, digit sum 51
        "3834748140010, false"
    })
    void checksSiretWithTheLaPosteRule(String siret, boolean valid) {
        assertThat(Siren.isValidSiret(siret)).isEqualTo(valid);
    }
}
