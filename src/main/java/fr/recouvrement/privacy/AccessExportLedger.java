package fr.recouvrement.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every row the ledger holds about one debtor, table by table and column by column, as stored: read-only SQL over the
 * tables of {@link AccessExportTables}. The columns are read from the schema at each export, so a column added later
 * is exported without a change here. Binary columns (PDFs, scans) are not inlined: their size and the API link that
 * serves them.
 */
@Component
class AccessExportLedger {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AccessExportLedger(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The debtor's rows of each table, in the order of {@link AccessExportTables#TABLES}; empty if unknown. */
    Map<String, List<Map<String, Object>>> rowsOf(long debtorId) {
        Map<String, List<Column>> columns = columns();
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        Map<Object, Object> dossierNumbers = new HashMap<>();
        Map<Object, Object> invoiceNumbers = new HashMap<>();
        AccessExportTables.Links links = new AccessExportTables.Links() {
            @Override
            public String dossier(Object dossierId) {
                return String.valueOf(dossierNumbers.get(dossierId));
            }

            @Override
            public String invoice(Object invoiceId) {
                return String.valueOf(invoiceNumbers.get(invoiceId));
            }
        };
        for (AccessExportTables.Table table : AccessExportTables.TABLES) {
            List<Column> tableColumns = columns.get(table.name());
            List<String> binaries = tableColumns.stream().filter(Column::binary).map(Column::name).toList();
            List<Map<String, Object>> rows = jdbc.sql(select(table, tableColumns)).param("debtor", debtorId)
                    .query((rs, n) -> row(rs, binaries)).list();
            for (Map<String, Object> row : rows) {
                for (String binary : binaries) {
                    Object size = row.get(binary);
                    // A binary column no endpoint serves yet is still listed, by its size.
                    row.put(binary, size == null ? null : new Content(((Number) size).longValue(),
                            table.link() == null ? null : table.link().apply(row, links)));
                }
            }
            if (table.name().equals("dossier")) {
                rows.forEach(row -> dossierNumbers.put(row.get("id"), row.get("number")));
            } else if (table.name().equals("invoice")) {
                rows.forEach(row -> invoiceNumbers.put(row.get("id"), row.get("number")));
            }
            tables.put(table.name(), rows);
        }
        return tables;
    }

    /** A binary column's content, listed rather than inlined. */
    record Content(long sizeBytes, String href) {
    }

    /** The columns of each table of the schema, in their order, and which of them are binary. */
    private Map<String, List<Column>> columns() {
        return jdbc.sql("""
                select table_name, column_name, data_type = 'bytea' from information_schema.columns
                where table_schema = 'recouvrement' order by table_name, ordinal_position""")
                .query((rs, n) -> Map.entry(rs.getString(1), new Column(rs.getString(2), rs.getBoolean(3)))).list()
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private record Column(String name, boolean binary) {
    }

    /** Every column, a binary one as its length in bytes under its own name: the content itself is not read. */
    private static String select(AccessExportTables.Table table, List<Column> columns) {
        String list = columns.stream()
                .map(column -> column.binary()
                        ? "octet_length(" + quoted(column.name()) + ") as " + quoted(column.name())
                        : quoted(column.name()))
                .collect(Collectors.joining(", "));
        return "select " + list + " from recouvrement." + quoted(table.name()) + " where " + table.where()
                + " order by " + table.orderBy();
    }

    private Map<String, Object> row(ResultSet rs, List<String> binaries) throws SQLException {
        ResultSetMetaData columns = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            String name = columns.getColumnLabel(i);
            String type = columns.getColumnTypeName(i);
            if (binaries.contains(name)) {
                row.put(name, rs.getObject(i));
                continue;
            }
            row.put(name, switch (type) {
                case "timestamptz" -> rs.getObject(i, OffsetDateTime.class);
                case "timestamp" -> rs.getObject(i, LocalDateTime.class);
                case "date" -> rs.getObject(i, LocalDate.class);
                // Amounts as the API writes them, decimal strings: "1234.50".
                case "numeric" -> {
                    BigDecimal amount = rs.getBigDecimal(i);
                    yield amount == null ? null : amount.toPlainString();
                }
                case "json", "jsonb" -> parsed(json, rs.getString(i));
                default -> rs.getObject(i);
            });
        }
        return row;
    }

    /** Stored JSON as JSON in the export; text that does not parse stays text. */
    static Object parsed(ObjectMapper json, String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
