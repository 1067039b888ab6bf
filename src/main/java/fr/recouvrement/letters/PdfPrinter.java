package fr.recouvrement.letters;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.Level;
import org.springframework.stereotype.Component;

/**
 * Prints a letter's XHTML to an A4 PDF. The font travels inside the PDF (Liberation Sans, embedded and subset), so
 * accents and the euro sign print the same wherever the letter is opened.
 */
@Component
public class PdfPrinter {

    static final String FONT_FAMILY = "Liberation Sans";

    private final byte[] regular = font("LiberationSans-Regular.ttf");
    private final byte[] bold = font("LiberationSans-Bold.ttf");
    private final byte[] italic = font("LiberationSans-Italic.ttf");

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
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(italic), FONT_FAMILY, 400, FontStyle.ITALIC, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Impression PDF impossible", e);
        }
        return pdf.toByteArray();
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
