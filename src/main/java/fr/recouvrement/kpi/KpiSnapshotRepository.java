package fr.recouvrement.kpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.kpi.KpiReport.Bucket;
import fr.recouvrement.kpi.KpiReport.StageNow;
import fr.recouvrement.kpi.KpiReport.Total;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The daily snapshots of the headline figures: the only writer of {@code kpi_snapshot} (docs/architecture.md §7). */
@Repository
class KpiSnapshotRepository {

    private static final TypeReference<List<Bucket>> BUCKETS = new TypeReference<>() { };
    private static final TypeReference<List<StageNow>> STAGES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    KpiSnapshotRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean exists(LocalDate day) {
        return jdbc.sql("select exists (select 1 from recouvrement.kpi_snapshot where day = :day)")
                .param("day", day).query(Boolean.class).single();
    }

    /**
     * Stores the day's snapshot unless that day has one: a second instance of the process taking the same day at the
     * same moment adds nothing either (the key decides, whichever commits first).
     */
    void insertIfAbsent(KpiTrend.Day snapshot) {
        jdbc.sql("""
                insert into recouvrement.kpi_snapshot (day, taken_at, outstanding_amount, outstanding_invoices,
                    overdue_amount, overdue_invoices, aged_balance, dso_days, dso_capped, stages)
                values (:day, :takenAt, :outstandingAmount, :outstandingInvoices, :overdueAmount, :overdueInvoices,
                    cast(:agedBalance as jsonb), :dsoDays, :dsoCapped, cast(:stages as jsonb))
                on conflict (day) do nothing""")
                .param("day", snapshot.day()).param("takenAt", snapshot.takenAt())
                .param("outstandingAmount", snapshot.outstanding().amount())
                .param("outstandingInvoices", snapshot.outstanding().invoices())
                .param("overdueAmount", snapshot.overdue().amount())
                .param("overdueInvoices", snapshot.overdue().invoices())
                .param("agedBalance", write(snapshot.agedBalance())).param("dsoDays", snapshot.dsoDays())
                .param("dsoCapped", snapshot.dsoCapped()).param("stages", write(snapshot.stages()))
                .update();
    }

    /** The snapshots of the days from {@code from} to {@code to}, oldest first. */
    List<KpiTrend.Day> between(LocalDate from, LocalDate to) {
        return jdbc.sql("select * from recouvrement.kpi_snapshot where day between :from and :to order by day")
                .param("from", from).param("to", to)
                .query((rs, row) -> new KpiTrend.Day(rs.getObject("day", LocalDate.class),
                        // The driver reads a timestamptz in UTC; managers read the time of day in Paris.
                        rs.getObject("taken_at", OffsetDateTime.class).atZoneSameInstant(BusinessCalendar.PARIS)
                                .toOffsetDateTime(),
                        total(rs, "outstanding"), total(rs, "overdue"), read(rs.getString("aged_balance"), BUCKETS),
                        rs.getBigDecimal("dso_days"), rs.getBoolean("dso_capped"), read(rs.getString("stages"), STAGES)))
                .list();
    }

    private static Total total(ResultSet rs, String prefix) throws SQLException {
        return new Total(LedgerFigures.money(rs, prefix + "_amount"), rs.getLong(prefix + "_invoices"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A snapshot of kpi_snapshot does not read back: " + text, e);
        }
    }
}
