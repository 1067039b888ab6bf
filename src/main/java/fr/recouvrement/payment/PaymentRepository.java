package fr.recouvrement.payment;

import fr.recouvrement.dossier.DossierStatus;
import fr.recouvrement.invoice.InvoiceStatus;
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

/** Payments and credit notes, and the invoice they settle; the only writer of the {@code payment} table. */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = "p.reference, p.type, p.amount, p.paid_on, p.created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The invoice, its row locked until the end of the transaction so that concurrent payments line up. */
    record LockedInvoice(long id, String number, BigDecimal amount, InvoiceStatus status, String dossierNumber,
            DossierStatus dossierStatus) {

        boolean inOpenDossier() {
            return dossierNumber != null && dossierStatus != DossierStatus.CLOSED;
        }
    }

    Optional<LockedInvoice> lockInvoice(String number) {
        return jdbc.sql("""
                select i.id, i.number, i.amount, i.status, dos.number as dossier_number, dos.status as dossier_status
                from recouvrement.invoice i left join recouvrement.dossier dos on dos.id = i.dossier_id
                where i.number = ? for update of i""")
                .param(number)
                .query((rs, row) -> new LockedInvoice(rs.getLong("id"), rs.getString("number"), rs.getBigDecimal("amount"),
                        InvoiceStatus.valueOf(rs.getString("status")), rs.getString("dossier_number"),
                        DossierStatus.fromColumn(rs.getString("dossier_status"))))
                .optional();
    }

    Optional<Long> invoiceId(String number) {
        return jdbc.sql("select id from recouvrement.invoice where number = ?").param(number).query(Long.class)
                .optional();
    }

    Optional<PaymentView> find(long invoiceId, String reference) {
        return jdbc.sql("select " + COLUMNS + " from recouvrement.payment p where p.invoice_id = ? and p.reference = ?")
                .params(invoiceId, reference).query(PaymentRepository::map).optional();
    }

    List<PaymentView> list(long invoiceId) {
        return jdbc.sql("select " + COLUMNS + " from recouvrement.payment p where p.invoice_id = ?"
                        + " order by p.paid_on, p.created_at, p.id")
                .param(invoiceId).query(PaymentRepository::map).list();
    }

    /** A payment or credit note with the invoice it settles. */
    public record InvoicePayment(String invoiceNumber, PaymentView payment) {
    }

    /** Every payment and credit note on the dossier's invoices, oldest first. */
    public List<InvoicePayment> forDossier(long dossierId) {
        return jdbc.sql("select i.number, " + COLUMNS + " from recouvrement.payment p"
                        + " join recouvrement.invoice i on i.id = p.invoice_id where i.dossier_id = ?"
                        + " order by p.paid_on, p.created_at, p.id")
                .param(dossierId)
                .query((rs, row) -> new InvoicePayment(rs.getString("number"), map(rs, row))).list();
    }

    /** The payment as stored, read back by the insert itself: one statement per payment of a statement's import. */
    PaymentView insert(long invoiceId, NewPayment payment) {
        return jdbc.sql("""
                insert into recouvrement.payment as p (invoice_id, reference, type, amount, paid_on, created_at)
                values (?, ?, ?, ?, ?, ?)
                returning\s""" + COLUMNS)
                .params(invoiceId, payment.reference(), payment.type().name(), payment.amount(), payment.date(),
                        OffsetDateTime.now(clock))
                .query(PaymentRepository::map).single();
    }

    /** A payment taken back by the bank: the ledger has no negative payment, the row goes. */
    void delete(long invoiceId, String reference) {
        jdbc.sql("delete from recouvrement.payment where invoice_id = ? and reference = ?")
                .params(invoiceId, reference).update();
    }

    /** What has been paid and credited on the invoice. */
    record Totals(BigDecimal paid, BigDecimal credited) {

        /** With one more payment or credit note: the invoice's row is locked, nothing else changed them meanwhile. */
        Totals with(NewPayment payment) {
            return payment.type() == PaymentType.CREDIT_NOTE ? new Totals(paid, credited.add(payment.amount()))
                    : new Totals(paid.add(payment.amount()), credited);
        }
    }

    Totals totals(long invoiceId) {
        return jdbc.sql("""
                select coalesce(sum(amount) filter (where type = 'PAYMENT'), 0) as paid,
                       coalesce(sum(amount) filter (where type = 'CREDIT_NOTE'), 0) as credited
                from recouvrement.payment where invoice_id = ?""")
                .param(invoiceId)
                .query((rs, row) -> new Totals(rs.getBigDecimal("paid"), rs.getBigDecimal("credited")))
                .single();
    }

    /** What the dossier's invoices received as payments (credit notes aside) dated on or after {@code since}. */
    public BigDecimal paidSince(long dossierId, LocalDate since) {
        return jdbc.sql("""
                select coalesce(sum(p.amount), 0) from recouvrement.payment p join recouvrement.invoice i
                on i.id = p.invoice_id where i.dossier_id = ? and p.type = 'PAYMENT' and p.paid_on >= ?""")
                .params(dossierId, since).query(BigDecimal.class).single();
    }

    private static PaymentView map(ResultSet rs, int row) throws SQLException {
        return new PaymentView(rs.getString("reference"), PaymentType.valueOf(rs.getString("type")),
                rs.getBigDecimal("amount"), rs.getObject("paid_on", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class), List.of());
    }
}
