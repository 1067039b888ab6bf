package fr.recouvrement.letters;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Letters printed one after the other, and by several job threads at once, each with its fonts embedded. */
@FastTest
class PdfPrinterTest {

    final PdfPrinter printer = new PdfPrinter();

    @Test
    void lettersPrintedTogetherOnSeveralThreadsEachCarryTheirOwnTextAndFonts() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<byte[]>> printed = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String xhtml = letter(i);
            printed.add(threads.submit(() -> printer.print(xhtml)));
        }
        for (int i = 0; i < printed.size(); i++) {
            try (PDDocument pdf = Loader.loadPDF(printed.get(i).get())) {
                assertThat(new PDFTextStripper().getText(pdf))
                        .contains("Relance n° " + i, "Montant dû : 1 2" + i + ",00 €", "Délai : huit jours");
                assertThat(fonts(pdf.getPage(0).getResources())).anySatisfy(f -> assertThat(f).endsWith(
                        "+LiberationSans")).anySatisfy(f -> assertThat(f).endsWith("+LiberationSans-Bold"));
            }
        }
        threads.shutdown();
    }

    private static String letter(int i) {
        return """
                <html><head><style>body { font-family: 'Liberation Sans'; }</style></head>
                <body><p><b>Relance n° %d</b></p><p>Montant dû : 1 2%d,00 €</p><p>Délai : huit jours</p></body></html>"""
                .formatted(i, i);
    }

    private static Set<String> fonts(PDResources resources) throws IOException {
        Set<String> names = new HashSet<>();
        for (COSName name : resources.getFontNames()) {
            names.add(resources.getFont(name).getName());
        }
        return names;
    }
}
