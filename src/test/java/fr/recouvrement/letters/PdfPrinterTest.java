package fr.recouvrement.letters;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aLetterPointingAtUrlsAndFilesPrintsWithoutFetchingAnyOfThem(@TempDir Path folder) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        // Were it read, this style sheet would hide the text the test looks for.
        Path secret = Files.writeString(folder.resolve("secret.css"), "p { display: none; }");
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String xhtml = """
                    <html><head><link rel="stylesheet" href="%s/style.css"/><link rel="stylesheet" href="%s"/>
                    <style>@font-face { font-family: Distante; src: url('%s/font.ttf'); }
                    body { font-family: 'Liberation Sans'; background-image: url('%s/fond.png'); }</style></head>
                    <body><p>Relance</p><img src="%s/logo.png"/><img src="%s"/></body></html>"""
                    .formatted(base, secret.toUri(), base, base, base, secret.toUri());

            try (PDDocument pdf = Loader.loadPDF(printer.print(xhtml))) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("Relance");
            }
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
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
