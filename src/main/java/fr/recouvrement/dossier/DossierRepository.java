package fr.recouvrement.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dossiers as stored; their invoices and communications come from their own repositories. */
@Repository
public class DossierRepository {

    private final JdbcClient jdbc;

    public DossierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A dossier row. */
    public record DossierRow(long id, String number, long debtorId, String status, LocalDate originDate, String stage,
            OffsetDateTime openedAt, OffsetDateTime closedAt, String closingReason, LocalDate promiseUntil,
            LocalDate onHoldSince, int holdDays) {
    }

    public Optional<DossierRow> findByNumber(String number) {
        return jdbc.sql("""
                select id, number, debtor_id, status, origin_date, stage, opened_at, closed_at, closing_reason,
                       promise_until, on_hold_since, hold_days
                from recouvrement.dossier where number = ?""")
                .param(number)
                .query((rs, row) -> new DossierRow(rs.getLong("id"), rs.getString("number"), rs.getLong("debtor_id"),
                        rs.getString("status"), rs.getObject("origin_date", LocalDate.class), rs.getString("stage"),
                        rs.getObject("opened_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                        rs.getString("closing_reason"), rs.getObject("promise_until", LocalDate.class),
                        rs.getObject("on_hold_since", LocalDate.class), rs.getInt("hold_days")))
                .optional();
    }
}
