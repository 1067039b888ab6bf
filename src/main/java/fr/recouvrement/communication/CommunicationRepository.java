package fr.recouvrement.communication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the communications kept as evidence. */
@Repository
public class CommunicationRepository {

    private static final String COLUMNS = "c.id, c.step, c.channel, c.status, c.created_at, c.sent_at, c.recipient, "
            + "c.subject, c.tracking_number";

    private final JdbcClient jdbc;

    public CommunicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The invoice's own communications (pre-due reminder) and those of its dossier, oldest first. */
    public List<CommunicationView> forInvoice(long invoiceId, Long dossierId) {
        return jdbc.sql("select " + COLUMNS + " from recouvrement.communication c"
                        + " where c.invoice_id = :invoice or (:dossier::bigint is not null and c.dossier_id = :dossier)"
                        + " order by c.created_at, c.id")
                .param("invoice", invoiceId)
                .param("dossier", dossierId)
                .query(CommunicationRepository::map).list();
    }

    public List<CommunicationView> forDossier(long dossierId) {
        return jdbc.sql("select " + COLUMNS + " from recouvrement.communication c where c.dossier_id = ?"
                        + " order by c.created_at, c.id")
                .param(dossierId).query(CommunicationRepository::map).list();
    }

    /** A letter or attachment as stored: the evidence of what was sent. */
    public record Pdf(String fileName, byte[] content) {
    }

    /** The PDF of a communication of this invoice (if given) or of this dossier; empty when there is none. */
    public Optional<Pdf> pdf(long communicationId, Long invoiceId, Long dossierId) {
        return jdbc.sql("""
                select c.pdf_name, c.pdf from recouvrement.communication c
                where c.id = :id and c.pdf is not null
                  and ((:invoice::bigint is not null and c.invoice_id = :invoice) or (:dossier::bigint is not null and c.dossier_id = :dossier))""")
                .param("id", communicationId).param("invoice", invoiceId).param("dossier", dossierId)
                .query((rs, row) -> new Pdf(rs.getString("pdf_name"), rs.getBytes("pdf"))).optional();
    }

    private static CommunicationView map(ResultSet rs, int row) throws SQLException {
        return new CommunicationView(rs.getLong("id"), rs.getString("step"), rs.getString("channel"),
                rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("tracking_number"));
    }
}
