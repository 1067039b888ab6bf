package fr.recouvrement.dossier;

import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.debtor.DebtorType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Dossiers as stored, and the only writer of the {@code dossier} table and of its stage history
 * ({@code dossier_stage}); their invoices and communications come from their own repositories.
 */
@Repository
public class DossierRepository {

    private static final String COLUMNS = """
            id, number, debtor_id, status, origin_date, stage, opened_at, closed_at, closing_reason, promise_until,
            on_hold_since, hold_days, notice_received_on""";

    private final JdbcClient jdbc;
    /** Rows take their dates from the application's clock (simulated time included), not from SQL now(). */
    private final Clock clock;

    public DossierRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A dossier row. */
    public record DossierRow(long id, String number, long debtorId, DossierStatus status, LocalDate originDate,
            String stage, OffsetDateTime openedAt, OffsetDateTime closedAt, String closingReason,
            LocalDate promiseUntil, LocalDate onHoldSince, int holdDays, LocalDate noticeReceivedOn) {
    }

    public Optional<DossierRow> findByNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from recouvrement.dossier where number = ?").param(number)
                .query(DossierRepository::map).optional();
    }

    /** The dossiers not closed yet, oldest first. */
    public List<DossierRow> findNotClosed() {
        return jdbc.sql("select " + COLUMNS + " from recouvrement.dossier where status <> 'CLOSED' order by id")
                .query(DossierRepository::map).list();
    }

    private static DossierRow map(ResultSet rs, int row) throws SQLException {
        return new DossierRow(rs.getLong("id"), rs.getString("number"), rs.getLong("debtor_id"),
                DossierStatus.valueOf(rs.getString("status")), rs.getObject("origin_date", LocalDate.class),
                rs.getString("stage"), rs.getObject("opened_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class), rs.getString("closing_reason"),
                rs.getObject("promise_until", LocalDate.class), rs.getObject("on_hold_since", LocalDate.class),
                rs.getInt("hold_days"), rs.getObject("notice_received_on", LocalDate.class));
    }

    /** The dossier a process instance runs for (its business key), which must exist. */
    public DossierRow get(String number) {
        return findByNumber(number).orElseThrow(() -> NotFoundException.dossier(number));
    }

    /** A reference to a dossier: its id and number. */
    public record DossierKey(long id, String number) {
    }

    /** The debtor's dossier that still takes invoices (its notice not sent), if any. */
    public Optional<DossierKey> findOpenFor(long debtorId) {
        return jdbc.sql("select id, number from recouvrement.dossier where debtor_id = ? and status = 'OPEN'")
                .param(debtorId).query((rs, row) -> new DossierKey(rs.getLong("id"), rs.getString("number"))).optional();
    }

    public String numberOf(long dossierId) {
        return jdbc.sql("select number from recouvrement.dossier where id = ?").param(dossierId).query(String.class)
                .single();
    }

    /**
     * Opens the debtor's next dossier with its origin J, numbered {@code D-{SIREN}-nnn} for a company and
     * {@code D-C{debtorId}-nnn} for a consumer. The caller holds the debtor's row lock, so the sequence is its own.
     */
    public DossierKey open(long debtorId, DebtorType type, String siren, LocalDate originDate) {
        int sequence = jdbc.sql("select coalesce(max(sequence), 0) + 1 from recouvrement.dossier where debtor_id = ?")
                .param(debtorId).query(Integer.class).single();
        String number = type.professional()
                ? "D-%s-%03d".formatted(siren, sequence)
                : "D-C%d-%03d".formatted(debtorId, sequence);
        long id = jdbc.sql("""
                insert into recouvrement.dossier (number, debtor_id, debtor_type, sequence, status, origin_date, opened_at)
                values (?, ?, ?, ?, 'OPEN', ?, ?) returning id""")
                .params(number, debtorId, type.name(), sequence, originDate, OffsetDateTime.now(clock))
                .query(Long.class).single();
        return new DossierKey(id, number);
    }

    /** The stage the dossier's invoices show (the last ladder step started, or conciliation, judicial, ...). */
    public void moveToStage(String number, String stage) {
        recordStageEntry("number = ?", number, stage);
        jdbc.sql("update recouvrement.dossier set stage = ? where number = ?").params(stage, number).update();
    }

    /** A ladder step went out: the dossier is at that stage, and a promise still pending is broken by it. */
    public void enterStep(long dossierId, String step) {
        recordStageEntry("id = ?", dossierId, step);
        jdbc.sql("update recouvrement.dossier set stage = ?, promise_until = null, promise_amount = null where id = ?")
                .params(step, dossierId).update();
    }

    /**
     * Dates the dossier's entry into a stage it is not at yet, before the row moves: the recovery by stage of
     * {@code /api/kpis} counts each payment at the stage of its day. A step run again (a retried job) adds nothing.
     */
    private void recordStageEntry(String dossierCondition, Object key, String stage) {
        jdbc.sql("""
                insert into recouvrement.dossier_stage (dossier_id, stage, entered_at)
                select id, ?, ? from recouvrement.dossier where %s and stage is distinct from ?"""
                        .formatted(dossierCondition))
                .params(stage, OffsetDateTime.now(clock), key, stage).update();
    }

    /** @param amount null when the debtor promised to pay all that is due */
    public void promise(long dossierId, LocalDate until, BigDecimal amount) {
        jdbc.sql("update recouvrement.dossier set promise_until = ?, promise_amount = ? where id = ?")
                .params(until, amount, dossierId).update();
    }

    /** What the debtor promised, while the promise stands. */
    public record Promise(LocalDate until, BigDecimal amount) {
    }

    /** The promise the dossier waits on, if any; its amount is null when the debtor promised all that is due. */
    public Optional<Promise> currentPromise(long dossierId) {
        return jdbc.sql("select promise_until, promise_amount from recouvrement.dossier"
                        + " where id = ? and promise_until is not null")
                .param(dossierId)
                .query((rs, row) -> new Promise(rs.getObject("promise_until", LocalDate.class),
                        rs.getBigDecimal("promise_amount")))
                .optional();
    }

    public void hold(long dossierId, LocalDate since) {
        jdbc.sql("update recouvrement.dossier set on_hold_since = ? where id = ?").params(since, dossierId).update();
    }

    /** The hold ends today; its length is added to the days on hold, which move the dossier's remaining steps. */
    public void release(long dossierId, LocalDate today) {
        jdbc.sql("""
                update recouvrement.dossier set hold_days = hold_days + (cast(? as date) - on_hold_since),
                    on_hold_since = null where id = ?""")
                .params(today, dossierId).update();
    }

    /** The notice is posted: the dossier takes no new invoice from now on. */
    public void markNoticeSent(long dossierId) {
        jdbc.sql("update recouvrement.dossier set status = 'NOTICE_SENT' where id = ?").param(dossierId).update();
    }

    /**
     * The dossier declares its debtor's claim (collective procedure): it takes no new invoice either, so that an
     * invoice born after the judgment opens the debtor's next dossier, claimed as usual. NOTICE_SENT is the status
     * that says so.
     */
    public void closeToNewInvoices(long dossierId) {
        markNoticeSent(dossierId);
    }

    public void recordNoticeReceived(long dossierId, LocalDate receivedOn) {
        jdbc.sql("update recouvrement.dossier set notice_received_on = ? where id = ?")
                .params(receivedOn, dossierId).update();
    }

    public void close(long dossierId, String reason) {
        recordStageEntry("id = ?", dossierId, "TERMINE");
        jdbc.sql("""
                update recouvrement.dossier set status = 'CLOSED', closed_at = ?, closing_reason = ?, stage = 'TERMINE'
                where id = ?""")
                .params(OffsetDateTime.now(clock), reason, dossierId).update();
    }

    /** The retention job replaced the closed dossier's call notes and free text (docs/droit-francais.md §12). */
    public void markNotesErased(long dossierId, OffsetDateTime at) {
        jdbc.sql("update recouvrement.dossier set notes_erased_at = ? where id = ? and notes_erased_at is null")
                .params(at, dossierId).update();
    }

    /** The retention job replaced the closed dossier's messages and deleted its PDFs (docs/droit-francais.md §12). */
    public void markEvidenceErased(long dossierId, OffsetDateTime at) {
        jdbc.sql("update recouvrement.dossier set evidence_erased_at = ? where id = ? and evidence_erased_at is null")
                .params(at, dossierId).update();
    }
}
