package fr.recouvrement.penalties;

import fr.recouvrement.debtor.DebtorType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads, in three queries for any number of invoices, what {@link LatePaymentLaw} needs to know of them. */
@Repository
public class InvoiceFactsRepository {

    private final JdbcClient jdbc;

    public InvoiceFactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts of each invoice found, by invoice number. */
    public Map<String, InvoiceFacts> byNumber(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        record Row(String number, DebtorType type, BigDecimal amount, LocalDate dueDate, LocalDate performedOn,
                LocalDate insolvency,
                LocalDate notice, boolean cancelled) {
        }
        List<Row> rows = jdbc.sql("""
                select i.number, deb.type, i.amount, i.due_date,
                       coalesce(i.performance_date, i.issue_date) as performed_on, deb.insolvency_opened_on, dos.notice_received_on,
                       i.status = 'CANCELLED' as cancelled
                from recouvrement.invoice i
                join recouvrement.debtor deb on deb.id = i.debtor_id
                left join recouvrement.dossier dos on dos.id = i.dossier_id
                where i.number in (:numbers)""")
                .param("numbers", numbers)
                .query((rs, n) -> new Row(rs.getString("number"), DebtorType.valueOf(rs.getString("type")),
                        rs.getBigDecimal("amount"), rs.getObject("due_date", LocalDate.class),
                        rs.getObject("performed_on", LocalDate.class),
                        rs.getObject("insolvency_opened_on", LocalDate.class),
                        rs.getObject("notice_received_on", LocalDate.class), rs.getBoolean("cancelled")))
                .list();

        Map<String, List<Reduction>> payments = new HashMap<>();
        Map<String, List<Reduction>> creditNotes = new HashMap<>();
        jdbc.sql("""
                select i.number, p.type, p.paid_on, p.amount
                from recouvrement.payment p join recouvrement.invoice i on i.id = p.invoice_id
                where i.number in (:numbers)""")
                .param("numbers", numbers)
                .query(rs -> {
                    Map<String, List<Reduction>> target = "CREDIT_NOTE".equals(rs.getString("type")) ? creditNotes : payments;
                    target.computeIfAbsent(rs.getString("number"), k -> new ArrayList<>())
                            .add(new Reduction(rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("amount")));
                });
        // A payment plan the debtor signed acknowledges the debt on the day of the signature; a typed plan does not.
        Map<String, List<LocalDate>> acknowledgements = new HashMap<>();
        jdbc.sql("""
                select i.number, a.acknowledged_on
                from recouvrement.debt_acknowledgement a join recouvrement.invoice i on i.id = a.invoice_id
                where i.number in (:numbers)""")
                .param("numbers", numbers)
                .query(rs -> {
                    acknowledgements.computeIfAbsent(rs.getString("number"), k -> new ArrayList<>())
                            .add(rs.getObject("acknowledged_on", LocalDate.class));
                });

        Map<String, InvoiceFacts> facts = new HashMap<>();
        for (Row row : rows) {
            facts.put(row.number(), new InvoiceFacts(row.type(), row.amount(), row.dueDate(), row.performedOn(),
                    payments.getOrDefault(row.number(), List.of()), creditNotes.getOrDefault(row.number(), List.of()),
                    acknowledgements.getOrDefault(row.number(), List.of()), row.insolvency(), row.notice(),
                    row.cancelled()));
        }
        return facts;
    }
}
