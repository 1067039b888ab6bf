package fr.recouvrement.kpi;

import fr.recouvrement.api.FieldProblem;
import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.calendar.Dates;
import fr.recouvrement.debtor.DebtorType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a manager asks of {@code /api/kpis}, checked: the day the ledger figures are computed at, the period of the
 * recovery by stage, and the debtors looked at.
 *
 * @param segment null for every segment; any text, since debtors keep a segment the scenario may no longer name
 * @param debtorType null for both types
 */
record KpiQuery(LocalDate asOf, LocalDate from, LocalDate to, String segment, DebtorType debtorType) {

    /**
     * Reads the request's parameters, every problem at once. {@code asOf} defaults to today, {@code to} to
     * {@code asOf}, {@code from} so that the period is the twelve months ending on {@code to}.
     */
    static KpiQuery parse(String asOf, String from, String to, String segment, String debtorType, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate asOfDate = date("asOf", asOf, today, problems);
        LocalDate toDate = date("to", to, asOfDate, problems);
        LocalDate fromDate = date("from", from, toDate == null ? null : toDate.minusMonths(12).plusDays(1), problems);
        checkOrder(fromDate, toDate, problems);
        DebtorType type = null;
        if (debtorType != null && !debtorType.isBlank()) {
            try {
                type = DebtorType.valueOf(debtorType.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("debtorType", "Type de débiteur « " + debtorType
                        + " » inconnu ; valeurs : B2B, B2C, PUBLIC."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new KpiQuery(asOfDate, fromDate, toDate,
                segment == null || segment.isBlank() ? null : segment.strip(), type);
    }

    /** A period that ends before it starts is a problem; a date already refused is not checked again. */
    static void checkOrder(LocalDate from, LocalDate to, List<FieldProblem> problems) {
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new FieldProblem("from", "La période commence le " + from + ", après sa fin (to) le " + to
                    + "."));
        }
    }

    /** The date given, or the default when none is; null (and a problem) when it is not a date. */
    static LocalDate date(String field, String text, LocalDate fallback, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return Dates.parseIso(text).orElseGet(() -> {
            problems.add(new FieldProblem(field, "La date « " + text + " » n'est pas une date valide (AAAA-MM-JJ)."));
            return null;
        });
    }

    /** The debtors looked at, for SQL where the debtor is {@code deb}: binds {@code :segment} and {@code :debtorType}. */
    static final String DEBTOR_FILTER = """
            (cast(:segment as text) is null or upper(deb.segment) = upper(cast(:segment as text)))
            and (cast(:debtorType as text) is null or deb.type = cast(:debtorType as text))""";

    /**
     * The rows of the debtors looked at, for SQL where {@code column} holds the debtor's id: binds {@code :segment} and
     * {@code :debtorType}. Without a filter PostgreSQL folds it to true and reads no debtor; with one, it reads the
     * debtors once, into a hash, rather than joining every row to its debtor.
     */
    static String debtorsOf(String column) {
        return """
                (cast(:segment as text) is null and cast(:debtorType as text) is null
                 or %s in (select deb.id from recouvrement.debtor deb where %s))""".formatted(column, DEBTOR_FILTER);
    }

    JdbcClient.StatementSpec bindDebtors(JdbcClient.StatementSpec statement) {
        return statement.param("segment", segment).param("debtorType", debtorType == null ? null : debtorType.name());
    }
}
