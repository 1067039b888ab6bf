package fr.recouvrement.writeoff;

import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** Records what a manager's passage en perte leaves: each invoice still owed, split into loss and recoverable VAT. */
@Component
public class WriteOffRecording {

    private final InvoiceRepository invoices;
    private final WriteOffRepository writeOffs;
    private final Clock clock;

    public WriteOffRecording(InvoiceRepository invoices, WriteOffRepository writeOffs, Clock clock) {
        this.invoices = invoices;
        this.writeOffs = writeOffs;
        this.clock = clock;
    }

    /** Every invoice of the dossier with a balance, disputed ones too: the whole dossier is given up. */
    public WriteOff record(long dossierId) {
        List<WriteOffLine> lines = invoices.findByDossier(dossierId).stream()
                .filter(i -> i.status() != InvoiceStatus.PAID && i.status() != InvoiceStatus.CANCELLED)
                .filter(i -> i.balance().signum() > 0)
                .map(WriteOffRecording::line).toList();
        WriteOff writeOff = WriteOff.of(OffsetDateTime.now(clock), lines);
        writeOffs.save(dossierId, writeOff);
        return writeOff;
    }

    private static WriteOffLine line(InvoiceView invoice) {
        return WriteOffLine.of(invoice.number(), invoice.balance(), invoice.vatRate(), invoice.vatOnReceipt());
    }
}
