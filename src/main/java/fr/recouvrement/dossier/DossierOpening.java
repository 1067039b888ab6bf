package fr.recouvrement.dossier;

import fr.recouvrement.debtor.DebtorType;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Puts an unpaid invoice in its debtor's dossier (DESIGN §1): a company's invoice joins its open dossier (one whose
 * notice has not been sent) or opens a new one; a consumer's invoice always opens its own. The debtor row is locked
 * first, so that two invoices of one company falling due together open one dossier, not two.
 */
@Service
public class DossierOpening {

    public static final String PROCESS = "recouvrement-amiable";
    public static final String INVOICE_ADDED = "FactureAjoutee";

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final DossierMessages messages;

    public DossierOpening(JdbcClient jdbc, RuntimeService runtime, DossierMessages messages) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.messages = messages;
    }

    /** Where the invoice went. */
    public record Placement(String dossierNumber, boolean opened) {
    }

    public Placement place(String invoiceNumber) {
        record Invoice(long id, long debtorId, Long dossierId, LocalDate dueDate, DebtorType type, String siren) {
        }
        Invoice invoice = jdbc.sql("""
                select i.id, i.debtor_id, i.dossier_id, i.due_date, d.type, d.siren
                from recouvrement.invoice i join recouvrement.debtor d on d.id = i.debtor_id where i.number = ?""")
                .param(invoiceNumber)
                .query((rs, row) -> new Invoice(rs.getLong("id"), rs.getLong("debtor_id"),
                        rs.getObject("dossier_id", Long.class), rs.getObject("due_date", LocalDate.class),
                        DebtorType.valueOf(rs.getString("type")), rs.getString("siren")))
                .single();
        if (invoice.dossierId() != null) {
            // A retried job: the invoice was placed by the run that died after committing.
            return new Placement(numberOf(invoice.dossierId()), false);
        }
        jdbc.sql("select id from recouvrement.debtor where id = ? for update").param(invoice.debtorId()).query(Long.class)
                .single();
        if (invoice.type() == DebtorType.B2B) {
            var open = jdbc.sql("select id, number from recouvrement.dossier where debtor_id = ? and status = 'OPEN'")
                    .param(invoice.debtorId())
                    .query((rs, row) -> Map.entry(rs.getLong("id"), rs.getString("number"))).optional();
            if (open.isPresent()) {
                link(invoice.id(), open.get().getKey());
                messages.send(open.get().getValue(), INVOICE_ADDED, Map.of("invoiceNumber", invoiceNumber));
                return new Placement(open.get().getValue(), false);
            }
        }
        int sequence = jdbc.sql("select coalesce(max(sequence), 0) + 1 from recouvrement.dossier where debtor_id = ?")
                .param(invoice.debtorId()).query(Integer.class).single();
        String number = invoice.type() == DebtorType.B2B
                ? "D-%s-%03d".formatted(invoice.siren(), sequence)
                : "D-C%d-%03d".formatted(invoice.debtorId(), sequence);
        // J, the ladder's origin, is fixed now: the oldest due date among the dossier's invoices, this one.
        long dossierId = jdbc.sql("""
                insert into recouvrement.dossier (number, debtor_id, debtor_type, sequence, status, origin_date)
                values (?, ?, ?, ?, 'OPEN', ?) returning id""")
                .params(number, invoice.debtorId(), invoice.type().name(), sequence, invoice.dueDate())
                .query(Long.class).single();
        link(invoice.id(), dossierId);
        runtime.createProcessInstanceByKey(PROCESS).businessKey(number)
                .setVariable("dossierNumber", number)
                .execute();
        return new Placement(number, true);
    }

    private void link(long invoiceId, long dossierId) {
        jdbc.sql("update recouvrement.invoice set dossier_id = ?, updated_at = now() where id = ?")
                .params(dossierId, invoiceId).update();
    }

    private String numberOf(long dossierId) {
        return jdbc.sql("select number from recouvrement.dossier where id = ?").param(dossierId).query(String.class).single();
    }
}
