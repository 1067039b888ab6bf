package fr.recouvrement.letters;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import java.util.logging.Level;
import org.springframework.stereotype.Component;

/**
 * Prints a letter's XHTML to an A4 PDF. The font travels inside the PDF (Liberation Sans, embedded and subset), so
 * accents and the euro sign print the same wherever the letter is opened.
 */
@Component
public class PdfPrinter {

    static final String FONT_FAMILY = "Liberation Sans";
    /** Every external resource refused: the fonts below come from the classpath, handed over directly. */
    private static final BiPredicate<String, ExternalResourceType> NOTHING = (uri, type) -> false;

    /**
     * Each thread parses each face once and reuses it for every letter it prints: parsing was a tenth of a letter's
     * time (docs/performance.md). Per thread, because a parsed font reads its glyphs lazily from one stream; a
     * document given a parsed font does not close it.
     */
    private final ThreadLocal<TrueTypeFont> regular = face("LiberationSans-Regular.ttf");
    private final ThreadLocal<TrueTypeFont> bold = face("LiberationSans-Bold.ttf");
    private final ThreadLocal<TrueTypeFont> italic = face("LiberationSans-Italic.ttf");

    static {
        // openhtmltopdf logs every rendering at INFO through java.util.logging: only what goes wrong matters.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    public PdfPrinter() {
        // PDFBox writes a font cache under the home directory unless told otherwise.
        if (System.getProperty("pdfbox.fontcache") == null) {
            System.setProperty("pdfbox.fontcache", Path.of(System.getProperty("java.io.tmpdir")).toString());
        }
    }

    public byte[] print(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(font(document, regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(font(document, bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.useFont(font(document, italic), FONT_FAMILY, 400, FontStyle.ITALIC, true);
            // A letter loads nothing from outside: a template edited in the override folder could otherwise make the
            // server fetch any URL (its network, its cloud metadata) or read any file it can, and print it.
            builder.useExternalResourceAccessControl(NOTHING, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(NOTHING, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withHtmlContent(xhtml, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            document.save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException("Impression PDF impossible", e);
        }
        return pdf.toByteArray();
    }

    /**
     * The letter followed by every page of each document, in order: the copies of the invoices a notice lists as
     * attached. The documents were checked readable and unencrypted when stored.
     */
    public byte[] append(byte[] letter, List<byte[]> documents) {
        if (documents.isEmpty()) {
            return letter;
        }
        ByteArrayOutputStream merged = new ByteArrayOutputStream(letter.length * 2);
        try (PDDocument target = Loader.loadPDF(letter)) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (byte[] document : documents) {
                try (PDDocument source = Loader.loadPDF(document)) {
                    merger.appendDocument(target, source);
                }
            }
            target.save(merged);
        } catch (IOException e) {
            throw new UncheckedIOException("Copie de facture impossible à joindre", e);
        }
        return merged.toByteArray();
    }

    /** The face, embedded as a subset, loaded into the document only when the letter prints with it. */
    private static PDFontSupplier font(PDDocument document, ThreadLocal<TrueTypeFont> face) {
        return new PDFontSupplier(null) {
            @Override
            public PDFont supply() {
                try {
                    return PDType0Font.load(document, face.get(), true);
                } catch (IOException e) {
                    throw new UncheckedIOException("Police illisible", e);
                }
            }
        };
    }

    /**
     * Without GSUB: letters need no ligatures, and FontBox compiles regular expressions anew for every run of text it
     * substitutes (two thirds of a letter's printing time, docs/performance.md).
     */
    private static ThreadLocal<TrueTypeFont> face(String file) {
        byte[] bytes = font(file);
        return ThreadLocal.withInitial(() -> {
            try {
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
                ttf.setEnableGsub(false);
                return ttf;
            } catch (IOException e) {
                throw new UncheckedIOException("Police illisible : " + file, e);
            }
        });
    }

    private static byte[] font(String file) {
        try (InputStream in = PdfPrinter.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Police absente du classpath : /fonts/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
