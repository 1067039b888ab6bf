package fr.recouvrement.writeoff;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The write-offs of closed dossiers; the only writer of the {@code write_off} table. */
@Repository
public class WriteOffRepository {

    private final JdbcClient jdbc;

    WriteOffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the dossier's write-off, replacing one recorded before if the closing step runs again. */
    void save(long dossierId, WriteOff writeOff) {
        jdbc.sql("delete from recouvrement.write_off where dossier_id = ?").param(dossierId).update();
        for (WriteOffLine line : writeOff.invoices()) {
            jdbc.sql("""
                    insert into recouvrement.write_off (dossier_id, invoice_id, balance, vat_rate, vat_on_receipt,
                        amount_excluding_vat, vat_recoverable, recorded_at)
                    select ?, id, ?, ?, ?, ?, ?, ? from recouvrement.invoice where number = ?""")
                    .params(dossierId, line.balance(), line.vatRate(), line.vatOnReceipt(), line.amountExcludingVat(),
                            line.vatRecoverable(), writeOff.recordedAt(), line.invoice())
                    .update();
        }
    }

    /** The dossier's write-off, if a manager decided one. */
    public Optional<WriteOff> forDossier(long dossierId) {
        List<Row> rows = jdbc.sql("""
                select i.number, w.balance, w.vat_rate, w.vat_on_receipt, w.amount_excluding_vat, w.vat_recoverable,
                    w.recorded_at
                from recouvrement.write_off w join recouvrement.invoice i on i.id = w.invoice_id
                where w.dossier_id = ? order by i.due_date, i.number""")
                .param(dossierId)
                .query((rs, n) -> new Row(new WriteOffLine(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBoolean(4), rs.getBigDecimal(5), rs.getBigDecimal(6)),
                        rs.getObject(7, OffsetDateTime.class)))
                .list();
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(WriteOff.of(rows.get(0).recordedAt(), rows.stream().map(Row::line).toList()));
    }

    private record Row(WriteOffLine line, OffsetDateTime recordedAt) {
    }
}
