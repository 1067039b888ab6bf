package fr.recouvrement.communication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.dossier.DossierStatus;
import fr.recouvrement.letters.Letters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The communications kept as evidence; the only writer of the {@code communication} table. */
@Repository
public class CommunicationRepository {

    private static final String COLUMNS = "c.id, c.step, c.channel, c.status, c.created_at, c.sent_at, c.recipient, "
            + "c.subject, c.tracking_number, c.pdf is not null as has_pdf";
    private static final String DELIVERY_COLUMNS = """
            c.id, c.dossier_id, d.number as dossier_number, d.status as dossier_status, c.invoice_id,
            i.number as invoice_number, c.step, c.occurrence, c.revision, c.channel, c.status, c.recipient, c.subject,
            c.body, c.pdf, c.pdf_name, c.amounts_snapshot, c.extras::text as extras, c.replaced_by""";

    private static final TypeReference<Map<String, Object>> EXTRAS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public CommunicationRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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

    /**
     * The day, in Paris, of the last step sent or waiting to be sent to the dossier's debtor: what
     * {@code minDaysBetween} counts from. A promise's confirmation answers the debtor and is not a step.
     */
    public Optional<LocalDate> lastMessageDay(long dossierId) {
        return jdbc.sql("""
                select max((created_at at time zone 'Europe/Paris')::date) from recouvrement.communication
                where dossier_id = ? and status not in ('SKIPPED', 'CANCELLED') and step <> ?""")
                .params(dossierId, Letters.PROMISE_CONFIRMATION).query(LocalDate.class).optional();
    }

    /** How many messages of this step the dossier has had: the next one's occurrence follows. */
    int occurrences(long dossierId, String step) {
        return jdbc.sql("select coalesce(max(occurrence), 0) from recouvrement.communication"
                        + " where dossier_id = ? and step = ?")
                .params(dossierId, step).query(Integer.class).single();
    }

    /** The dossier's pending messages of these channels, oldest first. */
    List<Long> pendingIds(long dossierId, List<String> channels) {
        return jdbc.sql("""
                select id from recouvrement.communication
                where dossier_id = :dossier and status = 'PENDING' and channel in (:channels) order by id""")
                .param("dossier", dossierId).param("channels", channels).query(Long.class).list();
    }

    /** The dossier's notice waiting to be posted, if any. */
    public List<Long> pendingNotices(long dossierId) {
        return jdbc.sql("""
                select id from recouvrement.communication
                where dossier_id = ? and step = 'MISE_EN_DEMEURE' and status = 'PENDING'""")
                .param(dossierId).query(Long.class).list();
    }

    /**
     * The day, in Paris, a message was first written: the creation of its first revision, which an agent may have
     * printed and posted before it was written again.
     */
    public LocalDate writtenOn(long communicationId) {
        return jdbc.sql("""
                select (min(first.created_at) at time zone 'Europe/Paris')::date
                from recouvrement.communication c join recouvrement.communication first
                  on first.step = c.step and first.occurrence = c.occurrence
                 and first.dossier_id is not distinct from c.dossier_id
                 and first.invoice_id is not distinct from c.invoice_id
                where c.id = ?""")
                .param(communicationId).query(LocalDate.class).single();
    }

    /**
     * Stores a revision of a step unless it is already there; the first revision is unique per step and occurrence.
     *
     * @return the new row's id, or empty when a retried job finds the row already stored
     */
    Optional<Long> insertOnce(CommunicationOutbox.Message message, int revision, OffsetDateTime createdAt) {
        String conflict = message.dossierId() != null
                ? "(dossier_id, step, occurrence, revision) where dossier_id is not null"
                : "(invoice_id, step, occurrence, revision) where dossier_id is null";
        return jdbc.sql("""
                insert into recouvrement.communication (dossier_id, invoice_id, step, occurrence, revision, channel,
                    status, recipient, subject, body, pdf, pdf_name, amounts_snapshot, extras, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                on conflict %s do nothing returning id""".formatted(conflict))
                .params(message.dossierId(), message.invoiceId(), message.step(), message.occurrence(), revision,
                        message.channel(), message.status().name(), message.recipient(), message.subject(),
                        message.body(), message.pdf(), message.pdfName(), message.snapshot(),
                        extras(message.extras()), createdAt)
                .query(Long.class).optional();
    }

    /** The row already stored for this step, occurrence and revision. */
    long idOf(CommunicationOutbox.Message message, int revision) {
        String owner = message.dossierId() != null ? "dossier_id = ?" : "dossier_id is null and invoice_id = ?";
        return jdbc.sql("select id from recouvrement.communication where " + owner
                        + " and step = ? and occurrence = ? and revision = ?")
                .params(message.dossierId() != null ? message.dossierId() : message.invoiceId(), message.step(),
                        message.occurrence(), revision)
                .query(Long.class).single();
    }

    /** The row, locked until the end of the transaction, with its dossier or invoice. */
    DeliveryRow lock(long id) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + """
                 from recouvrement.communication c
                left join recouvrement.dossier d on d.id = c.dossier_id
                left join recouvrement.invoice i on i.id = c.invoice_id
                where c.id = ? for update of c""")
                .param(id).query(this::mapDelivery).optional()
                .orElseThrow(() -> new NotFoundException("Aucune communication n° " + id + "."));
    }

    /** Moves the row from one status to another; a row no longer in {@code from} is left as it is. */
    void changeStatus(long id, CommunicationStatus from, CommunicationStatus to) {
        jdbc.sql("update recouvrement.communication set status = ? where id = ? and status = ?")
                .params(to.name(), id, from.name()).update();
    }

    /** The message left: sent at that moment, under that Message-ID, if it was still in {@code from}. */
    void markSent(long id, CommunicationStatus from, OffsetDateTime sentAt, String messageId) {
        jdbc.sql("""
                update recouvrement.communication set status = 'SENT', sent_at = ?, message_id = ?
                where id = ? and status = ?""").params(sentAt, messageId, id, from.name()).update();
    }

    /**
     * The server took the message (its 250 heard), sent at that moment under that Message-ID: from {@code SENDING}, or
     * from {@code UNKNOWN} when another node ran the same job meanwhile (the job's lock ran out while the server was
     * taking the message) and, finding {@code SENDING}, could not know it had left.
     */
    void markHandedOver(long id, OffsetDateTime sentAt, String messageId) {
        jdbc.sql("""
                update recouvrement.communication set status = 'SENT', sent_at = ?, message_id = ?
                where id = ? and status in ('SENDING', 'UNKNOWN')""").params(sentAt, messageId, id).update();
    }

    /**
     * A letter the agent printed and posted: sent at noon in Paris on the day it was posted, with its tracking number
     * when it has one. A letter cancelled meanwhile stays cancelled.
     */
    void markPosted(long id, LocalDate postedOn, String trackingNumber) {
        jdbc.sql("""
                update recouvrement.communication set status = 'SENT', tracking_number = nullif(?, ''),
                    sent_at = (cast(? as date) + time '12:00') at time zone 'Europe/Paris'
                where id = ? and status = 'PENDING'""")
                .params(trackingNumber == null ? "" : trackingNumber.strip(), postedOn, id).update();
    }

    void cancel(long id, String reason, Long replacedBy) {
        jdbc.sql("""
                update recouvrement.communication set status = 'CANCELLED', cancel_reason = ?, replaced_by = ?
                where id = ?""").params(reason, replacedBy, id).update();
    }

    /** Cancels what the dossier still had to send, with the reason. */
    void cancelPendingOfDossier(long dossierId, String reason) {
        jdbc.sql("""
                update recouvrement.communication set status = 'CANCELLED', cancel_reason = ?
                where dossier_id = ? and status in ('PENDING', 'FAILED')""").params(reason, dossierId).update();
    }

    private static CommunicationView map(ResultSet rs, int row) throws SQLException {
        return new CommunicationView(rs.getLong("id"), rs.getString("step"), rs.getString("channel"),
                CommunicationStatus.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("tracking_number"), rs.getBoolean("has_pdf"));
    }

    private String extras(Map<String, Object> extras) {
        try {
            return extras.isEmpty() ? null : json.writeValueAsString(extras);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Compléments du message non sérialisables : " + extras.keySet(), e);
        }
    }

    private DeliveryRow mapDelivery(ResultSet rs, int row) throws SQLException {
        return new DeliveryRow(rs.getLong("id"), rs.getObject("dossier_id", Long.class), rs.getString("dossier_number"),
                DossierStatus.fromColumn(rs.getString("dossier_status")), rs.getObject("invoice_id", Long.class),
                rs.getString("invoice_number"), rs.getString("step"), rs.getInt("occurrence"), rs.getInt("revision"),
                rs.getString("channel"), CommunicationStatus.valueOf(rs.getString("status")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getBytes("pdf"), rs.getString("pdf_name"),
                rs.getString("amounts_snapshot"), readExtras(rs.getString("extras")),
                rs.getObject("replaced_by", Long.class));
    }

    private Map<String, Object> readExtras(String extras) {
        try {
            return extras == null ? Map.of() : json.readValue(extras, EXTRAS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Compléments de message illisibles : " + extras, e);
        }
    }

    /**
     * Replaces what the dossier's messages say and to whom (recipient, subject, body) by {@code marker} and deletes
     * their PDFs, at the end of the evidence period (docs/droit-francais.md §12); step, channel, status, dates and the
     * amounts they stated stay.
     */
    public void anonymiseOfDossier(long dossierId, String marker) {
        anonymise("dossier_id = :key or invoice_id in (select id from recouvrement.invoice where dossier_id = :key)",
                marker, dossierId);
    }

    /** As {@link #anonymiseOfDossier}, for every message about the debtor's invoices and dossiers. */
    public void anonymiseOfDebtor(long debtorId, String marker) {
        anonymise("""
                dossier_id in (select id from recouvrement.dossier where debtor_id = :key)
                or invoice_id in (select id from recouvrement.invoice where debtor_id = :key)""", marker, debtorId);
    }

    private void anonymise(String condition, String marker, long key) {
        jdbc.sql("""
                update recouvrement.communication set
                    recipient = case when recipient is null then null else :marker end,
                    subject = case when subject is null then null else :marker end,
                    body = case when body is null then null else :marker end,
                    pdf = null
                where (%s) and (recipient <> :marker or subject <> :marker or body <> :marker or pdf is not null)"""
                        .formatted(condition))
                .param("marker", marker).param("key", key).update();
    }
}
