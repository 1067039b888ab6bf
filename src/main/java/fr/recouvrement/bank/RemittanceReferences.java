package fr.recouvrement.bank;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The invoice or dossier numbers a remittance text may hold, whatever its spacing, case and separators: its words and
 * each run of up to {@value #WORDS} consecutive words ("F 2026 0042"), reduced to their letters and digits in upper
 * case, in the order they appear. The ledger's numbers are compared reduced the same way (an index of V24).
 */
final class RemittanceReferences {

    static final int WORDS = 3;
    /** Shorter than this, a run of letters and digits names nothing reliably (a day, an amount). */
    static final int SHORTEST = 4;

    private RemittanceReferences() {
    }

    /** A number reduced to its letters and digits, upper case. */
    static String reduce(String text) {
        return text.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    static List<String> candidates(List<String> texts) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String text : texts) {
            String[] words = text.strip().split("[\\s,;:()+]+");
            for (int start = 0; start < words.length; start++) {
                StringBuilder run = new StringBuilder();
                for (int end = start; end < Math.min(words.length, start + WORDS); end++) {
                    run.append(words[end]);
                    String reduced = reduce(run.toString());
                    if (reduced.length() >= SHORTEST) {
                        candidates.add(reduced);
                    }
                }
            }
        }
        return new ArrayList<>(candidates);
    }
}
