package fr.recouvrement.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.FastTest;
import fr.recouvrement.api.TasklistRefusal;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lines an agent types in «Rapprocher un encaissement»: an invoice and its amount each, as a French reader writes
 * it.
 */
@FastTest
class InvoiceLinesTest {

    @Test
    void eachLineIsAnInvoiceAndAnAmountWrittenTheFrenchWayOrNot() {
        assertThat(BankReconciliation.parse("F-2026-0042 150,00\n  F-2026-0043 : 1 234,56 €\r\n\nF-2026-0044;12.5\n"
                + "F-2026-0045 = 7 EUR"))
                .containsExactly(
                        Map.entry("F-2026-0042", new BigDecimal("150.00")),
                        Map.entry("F-2026-0043", new BigDecimal("1234.56")),
                        Map.entry("F-2026-0044", new BigDecimal("12.50")),
                        Map.entry("F-2026-0045", new BigDecimal("7.00")));
        assertThat(BankReconciliation.parse("  \n")).isEmpty();
    }

    @Test
    void aLineThatIsNotOneIsRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> BankReconciliation.parse("F-2026-0042"))
                .isInstanceOf(TasklistRefusal.class)
                .hasMessage("Ligne « F-2026-0042 » : écrivez le numéro de la facture puis le montant, par exemple"
                        + " « F-2026-0001 150,00 ».");
        assertThatThrownBy(() -> BankReconciliation.parse("F-2026-0042 10,005"))
                .hasMessageContaining("à deux décimales au plus");
        assertThatThrownBy(() -> BankReconciliation.parse("F-2026-0042 0,00"))
                .hasMessageContaining("un montant positif");
        assertThatThrownBy(() -> BankReconciliation.parse("F-2026-0042 10,00\nF-2026-0042 5,00"))
                .hasMessage("La facture F-2026-0042 est citée deux fois : une ligne par facture.");
    }
}
