package fr.recouvrement.privacy;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The tables of the schema {@code recouvrement} that hold something about a debtor, and how each one's rows are found
 * from the debtor's id: directly, or through one of the debtor's dossiers or invoices. A table that refers to
 * {@code debtor}, {@code dossier} or {@code invoice} and is missing here fails {@code AccessExportSchemaTest}, which
 * reads the foreign keys of the schema: the right of access must not silently forget a new table.
 *
 * <p>{@code kpi_snapshot} is absent on purpose: its figures add up the whole portfolio and name nobody.
 */
final class AccessExportTables {

    private static final String DOSSIERS = "(select id from recouvrement.dossier where debtor_id = :debtor)";
    private static final String INVOICES = "(select id from recouvrement.invoice where debtor_id = :debtor)";

    /** One table of the export: which rows are the debtor's, in which order, and where its binary columns are read. */
    record Table(String name, String where, String orderBy, BiFunction<Map<String, Object>, Links, String> link) {
    }

    /** In the order of the export: debtor, dossiers and invoices first, since the links of the others name them. */
    static final List<Table> TABLES = List.of(
            new Table("debtor", "id = :debtor", "id", null),
            new Table("dossier", "debtor_id = :debtor", "id", null),
            new Table("invoice", "debtor_id = :debtor or dossier_id in " + DOSSIERS, "id",
                    (row, links) -> "/api/invoices/" + row.get("number") + "/document"),
            new Table("dossier_stage", "dossier_id in " + DOSSIERS, "dossier_id, entered_at, id", null),
            new Table("payment", "invoice_id in " + INVOICES, "id", null),
            new Table("invoice_event", "invoice_id in " + INVOICES + " or dossier_id in " + DOSSIERS, "id", null),
            new Table("debt_acknowledgement", "invoice_id in " + INVOICES, "invoice_id, event_id", null),
            new Table("communication", "invoice_id in " + INVOICES + " or dossier_id in " + DOSSIERS, "id",
                    (row, links) -> row.get("dossier_id") != null
                            ? "/api/dossiers/" + links.dossier(row.get("dossier_id")) + "/communications/"
                                    + row.get("id") + "/pdf"
                            : "/api/invoices/" + links.invoice(row.get("invoice_id")) + "/communications/"
                                    + row.get("id") + "/pdf"),
            new Table("dossier_document", "dossier_id in " + DOSSIERS, "id",
                    (row, links) -> "/api/dossiers/" + links.dossier(row.get("dossier_id")) + "/documents/"
                            + row.get("id")),
            new Table("judicial_file", "dossier_id in " + DOSSIERS, "dossier_id",
                    (row, links) -> "/api/dossiers/" + links.dossier(row.get("dossier_id")) + "/judicial-file"),
            new Table("write_off", "dossier_id in " + DOSSIERS + " or invoice_id in " + INVOICES,
                    "dossier_id, invoice_id", null),
            // The transfers matched to the debtor, with the payer's name and IBAN as the bank gave them.
            new Table("bank_entry", "debtor_id = :debtor", "id", null));

    /** The numbers the API knows dossiers and invoices by, from their ids, for the links to binary content. */
    interface Links {
        String dossier(Object dossierId);

        String invoice(Object invoiceId);
    }

    private AccessExportTables() {
    }
}
