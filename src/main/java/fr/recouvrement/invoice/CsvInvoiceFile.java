package fr.recouvrement.invoice;

import fr.recouvrement.api.FieldProblem;
import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.api.PayloadTooLargeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of invoices (docs/api.md), spooled to a temporary file so that the whole file is checked (size, UTF-8,
 * header) before any row is stored, and then read row by row in bounded memory with Commons CSV.
 */
final class CsvInvoiceFile implements AutoCloseable {

    /** Columns a file may leave out. */
    static final Set<InvoiceField> OPTIONAL = EnumSet.of(InvoiceField.LINE2, InvoiceField.PHONE,
            InvoiceField.DESCRIPTION, InvoiceField.SIREN, InvoiceField.PERFORMANCE_DATE, InvoiceField.DEBTOR_REFERENCE,
            InvoiceField.RETENTION_OF_TITLE, InvoiceField.VAT_RATE, InvoiceField.VAT_ON_RECEIPT);
    private static final char BOM = '\uFEFF';

    private final Path file;
    private final char delimiter;
    /** Each known column as the file's header writes it. */
    private final Map<InvoiceField, String> columns;
    /** Each known column's position in a row. */
    private final Map<InvoiceField, Integer> positions;

    /** A row of the file, with the line it starts on. */
    record Row(long line, RawInvoice invoice) {
    }

    private CsvInvoiceFile(Path file, char delimiter, Map<InvoiceField, String> columns,
            Map<InvoiceField, Integer> positions) {
        this.file = file;
        this.delimiter = delimiter;
        this.columns = columns;
        this.positions = positions;
    }

    /**
     * @throws PayloadTooLargeException over {@code maxBytes}
     * @throws InvalidInputException not UTF-8, no header, or required columns missing (nothing is read further)
     */
    static CsvInvoiceFile receive(InputStream body, long maxBytes) throws IOException {
        Path file = Files.createTempFile("recouvrement-import-", ".csv");
        try {
            copy(body, file, maxBytes);
            checkUtf8(file);
            String header = firstLine(file);
            if (header == null || header.isBlank()) {
                throw new InvalidInputException("$", "Le fichier est vide : il faut une ligne d'en-tête nommant les colonnes.");
            }
            char delimiter = count(header, ';') >= count(header, ',') && count(header, ';') > 0 ? ';' : ',';
            Map<InvoiceField, String> columns = new EnumMap<>(InvoiceField.class);
            Map<InvoiceField, Integer> positions = new EnumMap<>(InvoiceField.class);
            readHeader(header, delimiter, columns, positions);
            return new CsvInvoiceFile(file, delimiter, columns, positions);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    String columnAsWritten(InvoiceField field) {
        return columns.getOrDefault(field, field.column());
    }

    /** Reads every row after the header, in order; blank lines are skipped. */
    void forEachRow(Consumer<Row> action) throws IOException {
        try (Reader reader = utf8Reader(file);
                CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                        .get().parse(reader)) {
            long previousEnd = 0;
            boolean header = true;
            for (CSVRecord record : parser) {
                long start = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (header) {
                    header = false;
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                RawInvoice raw = new RawInvoice();
                positions.forEach((field, index) -> raw.with(field, index < record.size() ? record.get(index) : null));
                action.accept(new Row(start, raw));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    private static void copy(InputStream body, Path file, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > maxBytes) {
                    throw new PayloadTooLargeException("Le fichier dépasse " + maxBytes / (1024 * 1024)
                            + " Mo : découpez-le en plusieurs imports.");
                }
                out.write(buffer, 0, read);
            }
        }
    }

    /**
     * Decodes the whole file once, so that a stray Latin-1 byte is reported with its line before anything is stored.
     */
    private static void checkUtf8(Path file) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        long line = 1;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(bytes) < 0;
                bytes.flip();
                CoderResult result = strict.decode(bytes, chars, end);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    throw new InvalidInputException("$", "Le fichier n'est pas encodé en UTF-8 (caractère invalide ligne "
                            + line + ") : enregistrez-le en « CSV UTF-8 ».");
                }
                bytes.compact();
            }
        }
    }

    private static Reader utf8Reader(Path file) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), strict));
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader reader = (BufferedReader) utf8Reader(file)) {
            String line = reader.readLine();
            return line == null ? null : stripBom(line);
        }
    }

    private static List<String> headerNames(String header, char delimiter) throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(header))) {
            List<String> names = new ArrayList<>();
            for (String name : parser.getRecords().get(0)) {
                names.add(name.strip());
            }
            return names;
        }
    }

    /** Finds each known column, in any case; unknown columns are ignored. */
    private static void readHeader(String header, char delimiter, Map<InvoiceField, String> columns,
            Map<InvoiceField, Integer> positions) throws IOException {
        List<String> names = headerNames(header, delimiter);
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index);
            for (InvoiceField field : InvoiceField.values()) {
                if (field.column().equalsIgnoreCase(name) && !columns.containsKey(field)) {
                    columns.put(field, name);
                    positions.put(field, index);
                }
            }
        }
        List<FieldProblem> missing = new ArrayList<>();
        for (InvoiceField field : InvoiceField.values()) {
            if (!columns.containsKey(field) && !OPTIONAL.contains(field)) {
                missing.add(new FieldProblem(field.column(), "Colonne obligatoire absente de l'en-tête."));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
