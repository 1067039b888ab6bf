package fr.recouvrement.debtor;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The segments the deployed scenario DMN names, in its own spelling. A segment is read in any case, as the API reads
 * every choice (docs/api.md, «Formats»), and stored as the DMN writes it, because the DMN compares strings exactly.
 */
public final class KnownSegments {

    private final SortedSet<String> values;
    /** Upper-cased value to the DMN's spelling; two literals differing only in case keep the first in order. */
    private final Map<String, String> byUpperCase = new LinkedHashMap<>();

    private KnownSegments(Collection<String> literals) {
        this.values = Collections.unmodifiableSortedSet(new TreeSet<>(literals));
        values.forEach(value -> byUpperCase.putIfAbsent(value.toUpperCase(Locale.ROOT), value));
    }

    static KnownSegments of(Collection<String> literals) {
        return new KnownSegments(literals);
    }

    /** The segment as the DMN writes it: the same text first, else the same text in another case. */
    public Optional<String> find(String segment) {
        if (values.contains(segment)) {
            return Optional.of(segment);
        }
        return Optional.ofNullable(byUpperCase.get(segment.toUpperCase(Locale.ROOT)));
    }

    /** Sorted, in the DMN's spelling. */
    public SortedSet<String> values() {
        return values;
    }

    /** For a person: "FIDELE, GRAND_COMPTE, MAUVAIS_PAYEUR, PME". */
    public String listed() {
        return String.join(", ", values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
