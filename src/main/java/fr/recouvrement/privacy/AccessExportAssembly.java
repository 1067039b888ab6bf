package fr.recouvrement.privacy;

import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.bank.ReconciliationTasks;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Gathers a debtor's access export: the ledger, then the engine history of the instances it names. */
@Service
public class AccessExportAssembly {

    private final AccessExportLedger ledger;
    private final AccessExportHistory history;
    private final Clock clock;

    AccessExportAssembly(AccessExportLedger ledger, AccessExportHistory history, Clock clock) {
        this.ledger = ledger;
        this.history = history;
        this.clock = clock;
    }

    /** One snapshot of the database: the ledger and the history agree even while the debtor's dossiers move. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AccessExport export(long debtorId, String requestedBy) {
        Map<String, List<Map<String, Object>>> rows = ledger.rowsOf(debtorId);
        if (rows.get("debtor").isEmpty()) {
            throw new NotFoundException("Aucun débiteur n'a l'identifiant " + debtorId + ".");
        }
        Map<Object, String> dossiers = numbers(rows.get("dossier"));
        Map<Object, String> invoices = numbers(rows.get("invoice"));
        // envoi-communication's business key, as the outbox gives it: the dossier's number, else the invoice's, "/" step.
        List<String> keys = new ArrayList<>(rows.get("communication").stream()
                .map(row -> (row.get("dossier_id") != null ? dossiers.get(row.get("dossier_id"))
                        : invoices.get(row.get("invoice_id"))) + "/" + row.get("step"))
                .distinct().toList());
        // The tasks «Rapprocher un encaissement» of its transfers, which showed the payer's name and IBAN.
        rows.get("bank_entry").forEach(row -> keys.add(ReconciliationTasks.businessKey(((Number) row.get("id"))
                .longValue())));
        return new AccessExport(debtorId, OffsetDateTime.now(clock), requestedBy, rows,
                history.of(dossiers.values(), invoices.values(), keys));
    }

    private static Map<Object, String> numbers(List<Map<String, Object>> rows) {
        Map<Object, String> numbers = new HashMap<>();
        rows.forEach(row -> numbers.put(row.get("id"), (String) row.get("number")));
        return numbers;
    }
}
