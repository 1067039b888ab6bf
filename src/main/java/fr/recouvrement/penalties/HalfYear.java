package fr.recouvrement.penalties;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half-year, the period for which a penalty rate holds: the ECB rate in force on 1 January applies to January to
 * June, the one in force on 1 July to July to December (Code de commerce L441-10 II).
 */
public record HalfYear(int year, int half) implements Comparable<HalfYear> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-?[hHsS]([12])");

    public HalfYear {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("A half-year is 1 or 2, not " + half);
        }
    }

    public static HalfYear of(LocalDate day) {
        return new HalfYear(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
    }

    /** Reads {@code 2026-H2} (also {@code 2026h2}, {@code 2026-S2}), as written in the configuration. */
    public static HalfYear parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a half-year such as 2026-H2");
        }
        return new HalfYear(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    public HalfYear next() {
        return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
    }

    @Override
    public int compareTo(HalfYear other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(half, other.half);
    }

    @Override
    public String toString() {
        return year + "-H" + half;
    }
}
