package fr.recouvrement.invoice;

import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.debtor.Address;
import fr.recouvrement.debtor.DebtorType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invoices with their debtor, dossier and the sums of their payments and credit notes; the only writer of the
 * {@code invoice} table.
 */
@Repository
public class InvoiceRepository {

    private static final String VIEW = """
            select i.number, i.issue_date, i.due_date, coalesce(i.performance_date, i.issue_date) as performance_date,
                   i.description, i.debtor_reference, i.retention_of_title, i.vat_rate, i.vat_on_receipt,
                   i.document is not null as has_document, i.currency, i.amount,
                   i.status,
                   -- The last ladder step the dossier started, overridden by a dispute, plan, hold or promise.
                   case when i.status in ('PAID', 'CANCELLED') then 'TERMINE'
                        when i.status = 'DISPUTED' then 'LITIGE'
                        when i.status = 'PAYMENT_PLAN' then 'ECHEANCIER'
                        when dos.on_hold_since is not null then 'SUSPENDU'
                        when dos.promise_until is not null then 'PROMESSE'
                        else coalesce(dos.stage, i.stage) end as stage,
                   dos.number as dossier_number, s.paid, s.credited,
                   deb.id as debtor_id, deb.type as debtor_type, deb.siren, deb.name as debtor_name, deb.segment,
                   deb.email, deb.phone, deb.address_line1, deb.address_line2, deb.postal_code, deb.city, deb.country
            from recouvrement.invoice i
            join recouvrement.debtor deb on deb.id = i.debtor_id
            left join recouvrement.dossier dos on dos.id = i.dossier_id
            cross join lateral (
                select coalesce(sum(p.amount) filter (where p.type = 'PAYMENT'), 0) as paid,
                       coalesce(sum(p.amount) filter (where p.type = 'CREDIT_NOTE'), 0) as credited
                from recouvrement.payment p where p.invoice_id = i.id) s
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    /** Rows take their dates from the application's clock (simulated time included), not from SQL now(). */
    private final Clock clock;

    public InvoiceRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    /** Stores a new invoice; a {@code DuplicateKeyException} says its number is already taken. */
    public long insert(NewInvoice invoice, long debtorId) {
        return jdbc.sql("""
                insert into recouvrement.invoice (number, debtor_id, issue_date, due_date, performance_date, amount, currency,
                    description, debtor_reference, retention_of_title, vat_rate, vat_on_receipt, created_at, updated_at)
                values (:number, :debtorId, :issueDate, :dueDate, :performanceDate, :amount, :currency, :description,
                    :debtorReference, :retentionOfTitle, :vatRate, :vatOnReceipt, :now, :now)
                returning id
                """)
                .param("number", invoice.number())
                .param("debtorId", debtorId)
                .param("issueDate", invoice.issueDate())
                .param("dueDate", invoice.dueDate())
                .param("performanceDate", invoice.performanceDate())
                .param("amount", invoice.amount())
                .param("currency", invoice.currency())
                .param("description", invoice.description())
                .param("debtorReference", invoice.debtorReference())
                .param("retentionOfTitle", invoice.retentionOfTitle())
                .param("vatRate", invoice.vatRate())
                .param("vatOnReceipt", invoice.vatOnReceipt())
                .param("now", OffsetDateTime.now(clock))
                .query(Long.class).single();
    }

    /** Stores new invoices in one JDBC batch; a {@code DuplicateKeyException} says a number is already taken. */
    void insertAll(List<NewInvoice> newInvoices, List<Long> debtorIds) {
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < newInvoices.size(); i++) {
            NewInvoice invoice = newInvoices.get(i);
            rows.add(new Object[] {invoice.number(), debtorIds.get(i), invoice.issueDate(), invoice.dueDate(),
                    invoice.performanceDate(), invoice.amount(), invoice.currency(), invoice.description(),
                    invoice.debtorReference(), invoice.retentionOfTitle(), invoice.vatRate(), invoice.vatOnReceipt(), now,
                    now});
        }
        jdbcTemplate.batchUpdate("""
                insert into recouvrement.invoice (number, debtor_id, issue_date, due_date, performance_date, amount, currency,
                    description, debtor_reference, retention_of_title, vat_rate, vat_on_receipt, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The stored invoices among these numbers. */
    Map<String, InvoiceView> findByNumbers(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<String, InvoiceView> found = new HashMap<>();
        jdbc.sql(VIEW + " where i.number in (:numbers)").param("numbers", numbers).query(InvoiceRepository::map)
                .list().forEach(invoice -> found.put(invoice.number(), invoice));
        return found;
    }

    /**
     * Stores the invoice's PDF, replacing the one held; false when there is no such invoice. The letters append it as
     * the copy of the invoice.
     */
    public boolean storeDocument(String number, byte[] pdf) {
        return jdbc.sql("update recouvrement.invoice set document = :pdf, document_stored_at = :now where number = :number")
                .param("pdf", pdf).param("now", OffsetDateTime.now(clock)).param("number", number).update() == 1;
    }

    /** The PDFs held for these invoices, by number, in the order given; those without one are left out. */
    public Map<String, byte[]> documents(List<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> found = new HashMap<>();
        jdbc.sql("select number, document from recouvrement.invoice where number in (:numbers) and document is not null")
                .param("numbers", numbers).query(rs -> {
                    found.put(rs.getString("number"), rs.getBytes("document"));
                });
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        numbers.stream().filter(found::containsKey).forEach(number -> ordered.put(number, found.get(number)));
        return ordered;
    }

    public Optional<InvoiceView> findByNumber(String number) {
        return jdbc.sql(VIEW + " where i.number = ?").param(number).query(InvoiceRepository::map).optional();
    }

    /** The keys that link an invoice to its dossier's records. */
    public record InvoiceKeys(long id, Long dossierId) {
    }

    public Optional<InvoiceKeys> findKeys(String number) {
        return jdbc.sql("select id, dossier_id from recouvrement.invoice where number = ?").param(number)
                .query((rs, row) -> new InvoiceKeys(rs.getLong("id"), rs.getObject("dossier_id", Long.class)))
                .optional();
    }

    /** What placing an invoice in its debtor's dossier needs to know; {@code dossierId} is null until it is placed. */
    public record Unplaced(long id, long debtorId, Long dossierId, LocalDate dueDate, DebtorType debtorType,
            String siren) {
    }

    public Unplaced findUnplaced(String number) {
        return jdbc.sql("""
                select i.id, i.debtor_id, i.dossier_id, i.due_date, d.type, d.siren
                from recouvrement.invoice i join recouvrement.debtor d on d.id = i.debtor_id where i.number = ?""")
                .param(number)
                .query((rs, row) -> new Unplaced(rs.getLong("id"), rs.getLong("debtor_id"),
                        rs.getObject("dossier_id", Long.class), rs.getObject("due_date", LocalDate.class),
                        DebtorType.valueOf(rs.getString("type")), rs.getString("siren")))
                .optional().orElseThrow(() -> NotFoundException.invoice(number));
    }

    /** The dossier owns the invoice from now on. */
    public void linkToDossier(long invoiceId, long dossierId) {
        jdbc.sql("update recouvrement.invoice set dossier_id = ?, updated_at = now() where id = ?")
                .params(dossierId, invoiceId).update();
    }

    /** The invoice leaves its dossier, to be placed again ({@code DossierOpening.place}). */
    public void unlinkFromDossier(String number) {
        jdbc.sql("update recouvrement.invoice set dossier_id = null, updated_at = now() where number = ?")
                .param(number).update();
    }

    public void setStatus(long invoiceId, InvoiceStatus status) {
        jdbc.sql("update recouvrement.invoice set status = ?, updated_at = now() where id = ?")
                .params(status.name(), invoiceId).update();
    }

    /** Moves the dossier's invoices that are in one of {@code from} to {@code to}, the others staying as they are. */
    public void changeStatusInDossier(long dossierId, Set<InvoiceStatus> from, InvoiceStatus to) {
        jdbc.sql("""
                update recouvrement.invoice set status = :to, updated_at = now()
                where dossier_id = :dossier and status in (:from)""")
                .param("to", to.name()).param("dossier", dossierId)
                .param("from", from.stream().map(InvoiceStatus::name).toList()).update();
    }

    /** What the dossier's open invoices still owe, net of payments and credit notes. */
    public BigDecimal openBalanceOfDossier(long dossierId) {
        return jdbc.sql("""
                select coalesce(sum(i.amount - coalesce((select sum(p.amount) from recouvrement.payment p
                                                        where p.invoice_id = i.id), 0)), 0)
                from recouvrement.invoice i where i.dossier_id = ? and i.status = 'OPEN'""")
                .param(dossierId).query(BigDecimal.class).single().setScale(2);
    }

    /** A dossier's invoices, oldest due date first. */
    public List<InvoiceView> findByDossier(long dossierId) {
        return jdbc.sql(VIEW + " where i.dossier_id = ? order by i.due_date, i.number").param(dossierId)
                .query(InvoiceRepository::map).list();
    }

    /** A debtor's invoices neither paid nor cancelled, oldest due date first: what a bank receipt may settle. */
    public List<InvoiceView> findUnsettledByDebtor(long debtorId) {
        return jdbc.sql(VIEW + " where i.debtor_id = ? and i.status not in ('PAID', 'CANCELLED')"
                        + " order by i.due_date, i.number").param(debtorId)
                .query(InvoiceRepository::map).list();
    }

    /**
     * The invoices whose number, reduced to its letters and digits in upper case (the index of V24), is one of
     * {@code reduced}: what a remittance text names, whatever its spacing and separators.
     */
    public List<InvoiceView> findByReducedNumbers(Collection<String> reduced) {
        if (reduced.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(VIEW + " where upper(regexp_replace(i.number, '[^A-Za-z0-9]', '', 'g')) in (:reduced)")
                .param("reduced", reduced).query(InvoiceRepository::map).list();
    }

    /** Filters of the invoice list; null means "any". */
    public record Filter(InvoiceStatus status, String debtorSiren, String dossierNumber) {
    }

    /** One page of invoices, newest first, and how many match in all. */
    public record Page(List<InvoiceView> items, long totalItems) {
    }

    public Page list(Filter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.status() != null) {
            conditions.add("i.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.debtorSiren() != null) {
            conditions.add("deb.siren = :siren");
            params.put("siren", filter.debtorSiren());
        }
        if (filter.dossierNumber() != null) {
            conditions.add("dos.number = :dossier");
            params.put("dossier", filter.dossierNumber());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("""
                select count(*) from recouvrement.invoice i
                join recouvrement.debtor deb on deb.id = i.debtor_id
                left join recouvrement.dossier dos on dos.id = i.dossier_id""" + where)
                .params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<InvoiceView> items = jdbc.sql(VIEW + where + " order by i.created_at desc, i.id desc limit :limit offset :offset")
                .params(params).query(InvoiceRepository::map).list();
        return new Page(items, total);
    }

    private static InvoiceView map(ResultSet rs, int row) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        BigDecimal paid = rs.getBigDecimal("paid").setScale(2);
        BigDecimal credited = rs.getBigDecimal("credited").setScale(2);
        return new InvoiceView(
                rs.getString("number"),
                rs.getObject("issue_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("performance_date", LocalDate.class),
                rs.getString("description"),
                rs.getString("debtor_reference"),
                rs.getBoolean("retention_of_title"),
                rs.getString("currency"),
                amount, paid, credited, amount.subtract(paid).subtract(credited),
                null, null, null, null,
                InvoiceStatus.valueOf(rs.getString("status")),
                rs.getString("stage"),
                rs.getString("dossier_number"),
                new InvoiceView.DebtorView(rs.getLong("debtor_id"), DebtorType.valueOf(rs.getString("debtor_type")),
                        rs.getString("siren"), rs.getString("debtor_name"), rs.getString("segment"),
                        rs.getString("email"), rs.getString("phone"),
                        new Address(rs.getString("address_line1"), rs.getString("address_line2"),
                                rs.getString("postal_code"), rs.getString("city"), rs.getString("country"))),
                rs.getBoolean("has_document"),
                rs.getBigDecimal("vat_rate"), rs.getBoolean("vat_on_receipt"),
                List.of());
    }

    /**
     * Replaces the free text the invoices of the dossier carry (description, the debtor's own reference) by
     * {@code marker}; numbers, dates and amounts stay (docs/droit-francais.md §12).
     */
    public void anonymiseFreeTextOfDossier(long dossierId, String marker) {
        anonymiseFreeText("dossier_id = ?", marker, dossierId);
    }

    /** As {@link #anonymiseFreeTextOfDossier}, for every invoice of the debtor. */
    public void anonymiseFreeTextOfDebtor(long debtorId, String marker) {
        anonymiseFreeText("debtor_id = ?", marker, debtorId);
    }

    private void anonymiseFreeText(String condition, String marker, long key) {
        jdbc.sql("""
                update recouvrement.invoice set description = case when description is null then null else ? end,
                    debtor_reference = case when debtor_reference is null then null else ? end
                where %s and (description is not null or debtor_reference is not null)""".formatted(condition))
                .params(marker, marker, key).update();
    }

    /** Deletes the copies of the dossier's invoices kept to go with the notice, at the end of the evidence period. */
    public void deleteDocumentsOfDossier(long dossierId) {
        jdbc.sql("update recouvrement.invoice set document = null, document_stored_at = null"
                + " where dossier_id = ? and document is not null").param(dossierId).update();
    }

    /** As {@link #deleteDocumentsOfDossier}, for every invoice of the debtor. */
    public void deleteDocumentsOfDebtor(long debtorId) {
        jdbc.sql("update recouvrement.invoice set document = null, document_stored_at = null"
                + " where debtor_id = ? and document is not null").param(debtorId).update();
    }
}
