package fr.recouvrement.kpi;

import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.kpi.LedgerFigures.AgedInvoice;
import fr.recouvrement.penalties.InvoiceFacts;
import fr.recouvrement.penalties.InvoiceFactsRepository;
import fr.recouvrement.penalties.LatePaymentLaw;
import fr.recouvrement.penalties.LegalAmounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aged balance (balance âgée) one row per invoice owed, for a spreadsheet: CSV as French spreadsheets read it
 * ({@code ;}, decimal comma, UTF-8 with a BOM) and XLSX with numeric cells in French formats. Penalties and indemnity
 * are the law's as of the day asked (docs/droit-francais.md §1, §3): principal, penalties and indemnity side by side.
 */
@Component
class AgedBalanceExport {

    static final List<String> HEADERS = List.of("Débiteur", "SIREN", "Dossier", "Étape", "Facture", "Échéance",
            "Jours de retard", "Solde", "Pénalités", "Indemnité", "Tranche");
    /** The invoices' facts are read this many at a time: one query's parameters stay few. */
    private static final int FACTS_BATCH = 1000;
    /** Excel's codes are written in its own notation; a French Excel shows "1 234,50 €" and "24/11/2026". */
    private static final String EUROS = "#,##0.00\\ [$€-40C]";
    private static final String DAY = "dd/mm/yyyy";

    private final LedgerFigures ledger;
    private final InvoiceFactsRepository facts;
    private final LatePaymentLaw law;

    AgedBalanceExport(LedgerFigures ledger, InvoiceFactsRepository facts, LatePaymentLaw law) {
        this.ledger = ledger;
        this.facts = facts;
        this.law = law;
    }

    /**
     * One line of the export.
     *
     * @param penalties null when a half-year's rate is not configured (GET /api/invoices says which)
     */
    record Line(AgedInvoice invoice, BigDecimal penalties, BigDecimal indemnity) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<Line> lines(KpiQuery query) {
        List<AgedInvoice> invoices = ledger.agedInvoices(query);
        List<Line> lines = new ArrayList<>(invoices.size());
        for (int start = 0; start < invoices.size(); start += FACTS_BATCH) {
            List<AgedInvoice> batch = invoices.subList(start, Math.min(start + FACTS_BATCH, invoices.size()));
            Map<String, InvoiceFacts> known = facts.byNumber(batch.stream().map(AgedInvoice::invoice).toList());
            for (AgedInvoice invoice : batch) {
                LegalAmounts legal = law.apply(known.get(invoice.invoice()), query.asOf());
                lines.add(new Line(invoice, legal.penalties(), legal.indemnity()));
            }
        }
        return lines;
    }

    byte[] csv(List<Line> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            // The BOM tells Excel the file is UTF-8: without it, accents come out garbled.
            writer.write('\uFEFF');
            csv.printRecord(HEADERS);
            for (Line line : lines) {
                AgedInvoice invoice = line.invoice();
                csv.printRecord(invoice.debtor(), invoice.siren(), invoice.dossier(), invoice.stage(),
                        invoice.invoice(), invoice.dueDate().format(FormDates.FRENCH), invoice.daysLate(),
                        decimalComma(invoice.balance()), decimalComma(line.penalties()),
                        decimalComma(line.indemnity()), invoice.bucket().label());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    byte[] xlsx(List<Line> lines) {
        // Streaming: only a window of rows stays in memory, whatever the portfolio's size.
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            Sheet sheet = workbook.createSheet("Balance âgée");
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle euros = workbook.createCellStyle();
            euros.setDataFormat(workbook.createDataFormat().getFormat(EUROS));
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat(DAY));
            Row titles = sheet.createRow(0);
            for (int column = 0; column < HEADERS.size(); column++) {
                Cell cell = titles.createCell(column);
                cell.setCellValue(HEADERS.get(column));
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {32, 11, 18, 16, 18, 11, 9, 14, 14, 12, 18};
            for (int column = 0; column < widths.length; column++) {
                sheet.setColumnWidth(column, widths[column] * 256);
            }
            int index = 1;
            for (Line line : lines) {
                AgedInvoice invoice = line.invoice();
                Row row = sheet.createRow(index++);
                text(row, 0, invoice.debtor());
                text(row, 1, invoice.siren());
                text(row, 2, invoice.dossier());
                text(row, 3, invoice.stage());
                text(row, 4, invoice.invoice());
                Cell due = row.createCell(5);
                due.setCellValue(invoice.dueDate());
                due.setCellStyle(day);
                row.createCell(6).setCellValue(invoice.daysLate());
                amount(row, 7, invoice.balance(), euros);
                amount(row, 8, line.penalties(), euros);
                amount(row, 9, line.indemnity(), euros);
                text(row, 10, invoice.bucket().label());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static String decimalComma(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString().replace('.', ',');
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    /** A numeric cell, which the spreadsheet can add up: XLSX numbers are doubles, shown here to the cent. */
    private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }
}
