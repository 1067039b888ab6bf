package fr.recouvrement.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.dossier.DossierStatus;
import fr.recouvrement.invoice.InvoiceStatus;
import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Events as stored: the type and its fields as JSON, who reported it and when; the only writer of invoice_event. */
@Repository
public class EventRepository {

    private static final String SELECT_EVENTS = """
            select e.id, e.payload, e.created_at, e.created_by, i.number, dos.number as dossier_number
            from recouvrement.invoice_event e
            join recouvrement.invoice i on i.id = e.invoice_id
            left join recouvrement.dossier dos on dos.id = e.dossier_id""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    EventRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The invoice and its dossier, the invoice row locked until the end of the transaction. */
    record InvoiceState(long id, String number, InvoiceStatus status, Long dossierId, String dossierNumber,
            DossierStatus dossierStatus, boolean onHold) {

        boolean inOpenDossier() {
            return dossierId != null && dossierStatus != DossierStatus.CLOSED;
        }
    }

    boolean invoiceExists(String number) {
        return jdbc.sql("select count(*) from recouvrement.invoice where number = ?").param(number)
                .query(Long.class).single() > 0;
    }

    Optional<InvoiceState> lockInvoice(String number) {
        return jdbc.sql("""
                select i.id, i.number, i.status, i.dossier_id, dos.number as dossier_number, dos.status as dossier_status,
                       dos.on_hold_since
                from recouvrement.invoice i left join recouvrement.dossier dos on dos.id = i.dossier_id
                where i.number = ? for update of i""")
                .param(number)
                .query((rs, row) -> new InvoiceState(rs.getLong("id"), rs.getString("number"),
                        InvoiceStatus.valueOf(rs.getString("status")), rs.getObject("dossier_id", Long.class),
                        rs.getString("dossier_number"), DossierStatus.fromColumn(rs.getString("dossier_status")),
                        rs.getObject("on_hold_since") != null))
                .optional();
    }

    long insert(InvoiceState invoice, EventPayload payload, String user) {
        try {
            return jdbc.sql("""
                    insert into recouvrement.invoice_event (invoice_id, dossier_id, type, payload, created_by, created_at)
                    values (?, ?, ?, cast(? as jsonb), ?, ?) returning id""")
                    // The application's clock: a plan's day is when the debtor acknowledged the debt.
                    .params(invoice.id(), invoice.dossierId(), payload.type().name(), json.writeValueAsString(payload), user,
                            OffsetDateTime.now(clock))
                    .query(Long.class).single();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize event " + payload, e);
        }
    }

    /** The invoices of a dossier a payment plan would cover: those in collection, not disputed nor in a plan. */
    List<Long> openInvoiceIds(long dossierId) {
        return jdbc.sql("select id from recouvrement.invoice where dossier_id = ? and status = 'OPEN' order by id")
                .param(dossierId).query(Long.class).list();
    }

    /** The invoices of a dossier under its payment plan. */
    List<Long> plannedInvoiceIds(long dossierId) {
        return jdbc.sql("select id from recouvrement.invoice where dossier_id = ? and status = 'PAYMENT_PLAN' order by id")
                .param(dossierId).query(Long.class).list();
    }

    /** The debtor acknowledged each of these debts on {@code on}, by the signed plan {@code eventId}. */
    void acknowledge(List<Long> invoiceIds, long eventId, LocalDate on) {
        for (long invoiceId : invoiceIds) {
            jdbc.sql("""
                    insert into recouvrement.debt_acknowledgement (invoice_id, event_id, acknowledged_on)
                    values (?, ?, ?)""").params(invoiceId, eventId, on).update();
        }
    }

    Optional<EventView> findById(long id) {
        return jdbc.sql(SELECT_EVENTS + " where e.id = ?").param(id).query(this::map).optional();
    }

    List<EventView> forInvoice(String number) {
        return jdbc.sql("""
                select e.id, e.payload, e.created_at, e.created_by, dos.number as dossier_number
                from recouvrement.invoice_event e
                join recouvrement.invoice i on i.id = e.invoice_id
                left join recouvrement.dossier dos on dos.id = e.dossier_id
                where i.number = ? order by e.created_at, e.id""")
                .param(number)
                .query((rs, row) -> new EventView(rs.getLong("id"), number, rs.getString("dossier_number"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                        read(rs.getString("payload"))))
                .list();
    }

    /** Every event recorded about the dossier's invoices, oldest first. */
    public List<EventView> forDossier(long dossierId) {
        return jdbc.sql(SELECT_EVENTS + " where i.dossier_id = ? order by e.created_at, e.id").param(dossierId)
                .query(this::map).list();
    }

    private EventView map(ResultSet rs, int row) throws SQLException {
        return new EventView(rs.getLong("id"), rs.getString("number"), rs.getString("dossier_number"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                read(rs.getString("payload")));
    }

    /**
     * The plan the dossier follows: the latest one recorded, while some of its invoices are still under a plan. Its
     * day is the day it was recorded, in Paris.
     */
    public Optional<PaymentPlan> currentPaymentPlan(long dossierId) {
        return jdbc.sql("""
                select (e.created_at at time zone 'Europe/Paris')::date as since, e.payload
                from recouvrement.invoice_event e join recouvrement.invoice i on i.id = e.invoice_id
                where i.dossier_id = ? and e.type = 'PAYMENT_PLAN'
                  and exists (select 1 from recouvrement.invoice p where p.dossier_id = ? and p.status = 'PAYMENT_PLAN')
                order by e.created_at desc limit 1""")
                .params(dossierId, dossierId)
                .query((rs, row) -> new PaymentPlan(rs.getObject("since", LocalDate.class),
                        read(rs.getString("payload")).instalments()))
                .optional();
    }

    private EventPayload read(String payload) {
        try {
            return json.readValue(payload, EventPayload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable event payload " + payload, e);
        }
    }

    /**
     * Replaces the free text of the events about the dossier's invoices by {@code marker} (docs/droit-francais.md §12):
     * notes, dispute reasons, and who answered a call, their role and the number dialled; types, dates and amounts
     * stay. Running it again changes nothing more.
     */
    public void anonymiseFreeTextOfDossier(long dossierId, String marker) {
        anonymiseFreeText(
                "dossier_id = :key or invoice_id in (select id from recouvrement.invoice where dossier_id = :key)",
                marker, dossierId);
    }

    /** As {@link #anonymiseFreeTextOfDossier}, for every event about the debtor's invoices. */
    public void anonymiseFreeTextOfDebtor(long debtorId, String marker) {
        anonymiseFreeText("invoice_id in (select id from recouvrement.invoice where debtor_id = :key)", marker,
                debtorId);
    }

    private void anonymiseFreeText(String condition, String marker, long key) {
        // jsonb_set without create_missing replaces a field only where the event has it.
        jdbc.sql("""
                update recouvrement.invoice_event set payload =
                    jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(payload,
                        '{text}', m.v, false), '{reason}', m.v, false), '{call,phone}', m.v, false),
                        '{call,answeredBy}', m.v, false), '{call,answererRole}', m.v, false)
                from (select to_jsonb(cast(:marker as text)) as v) m
                where %s""".formatted(condition))
                .param("marker", marker).param("key", key).update();
    }
}
