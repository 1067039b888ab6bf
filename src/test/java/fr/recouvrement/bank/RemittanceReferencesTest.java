package fr.recouvrement.bank;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@FastTest
class RemittanceReferencesTest {

    @Test
    void aNumberIsFoundWhateverItsSpacingCaseAndSeparators() {
        List<String> candidates = RemittanceReferences.candidates(List.of("Reglement fact. f 2026 0042, merci"));

        assertThat(RemittanceReferences.reduce("F-2026-0042")).isEqualTo("F20260042");
        assertThat(candidates).contains("F20260042");
        assertThat(RemittanceReferences.candidates(List.of("FACTURES F-2026/0042;F.2026.0043")))
                .containsSubsequence("F20260042", "F20260043");
    }

    @Test
    void shortWordsAreNoCandidates() {
        assertThat(RemittanceReferences.candidates(List.of("n° 12"))).isEmpty();
    }
}
