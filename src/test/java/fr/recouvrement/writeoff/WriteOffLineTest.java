package fr.recouvrement.writeoff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The split of a written-off balance including VAT, by hand (docs/droit-francais.md §11). */
@FastTest
class WriteOffLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // 1,200.00 × 100 / 120 = 1,000.00 excluding VAT; 1,200.00 − 1,000.00 = 200.00 VAT recoverable.
        "1200.00 | 20.00 | false | 1000.00 | 200.00",
        // Partly paid: 1,200.00 − 450.00 = 750.00 left; 750.00 × 100 / 120 = 625.00; 125.00 VAT.
        "750.00  | 20.00 | false | 625.00  | 125.00",
        // 5.5 %: 1,055.00 × 100 / 105.5 = 1,000.00; 55.00 VAT.
        "1055.00 | 5.50  | false | 1000.00 | 55.00",
        // Rounded to the cent: 100.00 × 100 / 120 = 83.333… → 83.33; VAT 16.67, so that both add up to 100.00.
        "100.00  | 20.00 | false | 83.33   | 16.67",
        // VAT due on receipt (services): never paid on what was not received, nothing to recover.
        "1200.00 | 20.00 | true  | 1000.00 | 0.00",
        // No VAT (exempt, or a 0 % rate): the whole balance is the loss.
        "500.00  | 0.00  | false | 500.00  | 0.00"})
    void splitsTheBalanceIntoTheLossAndTheRecoverableVat(String balance, String rate, boolean onReceipt,
            String excluding, String vat) {
        WriteOffLine line = WriteOffLine.of("F-1", new BigDecimal(balance), new BigDecimal(rate), onReceipt);

        assertThat(line.amountExcludingVat()).isEqualByComparingTo(excluding).hasScaleOf(2);
        assertThat(line.vatRecoverable()).isEqualByComparingTo(vat).hasScaleOf(2);
    }
}
