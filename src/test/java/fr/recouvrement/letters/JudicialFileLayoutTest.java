package fr.recouvrement.letters;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The judicial file's layout over several pages, as a lawyer reads it: three routes, each set apart; 24 invoices, so
 * that the tables run over pages, each page of a table under its header. Printed to
 * {@code target/letters/dossier-judiciaire-trois-voies.pdf} to be looked at (README, «Tests»).
 */
@FastTest
class JudicialFileLayoutTest {

    private static final int INVOICES = 24;

    private final LetterTemplates templates = new LetterTemplates(new LetterProperties(""));

    @Test
    void aLongFileKeepsEachTableUnderItsHeaderOnEveryPage() throws IOException {
        byte[] pdf = new PdfPrinter().print(templates.render("letters/dossier-judiciaire.ftlh", longFile()).html());
        Path folder = Files.createDirectories(Path.of("target", "letters"));
        Files.write(folder.resolve("dossier-judiciaire-trois-voies.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("a file long enough to run over pages").isGreaterThan(2);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                String text = pageText(document, page);
                // Each table's rows, on whatever page they fall, under that table's header.
                if (text.contains("BC-F-2026-")) {
                    assertThat(text).as("page %d: invoices under their header", page)
                            .contains("Réglé Reste dû");
                }
                if (text.contains("du 26/06/2026 au")) {
                    assertThat(text).as("page %d: penalty periods under their header", page)
                            .contains("Facture Période de retard Jours");
                }
                if (text.contains("VIR-")) {
                    assertThat(text).as("page %d: payments under their header", page)
                            .contains("Date Facture Nature Référence Montant");
                }
                if (text.contains("compta@durand.fr Envoy") || text.contains("1A 987 654 321 09")
                        && !text.contains("Numéro de suivi")) {
                    assertThat(text).as("page %d: communications under their header", page)
                            .contains("Date Étape Canal Statut Destinataire Suivi");
                }
                for (String heading : List.of("Voies retenues", "Créancier (demandeur)", "Débiteur (défendeur)",
                        "Fondement de la créance", "Créance", "Paiements reçus", "Mise en demeure", "Communications",
                        "Appels et notes", "Pièces")) {
                    assertThat(text.strip()).as("page %d ends on a heading alone", page).doesNotEndWith(heading);
                }
            }
        }
    }

    private static String pageText(PDDocument document, int page) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            // The page's footer is its last line: what matters is what comes before it.
            String text = stripper.getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
            return text.substring(0, text.lastIndexOf("SIREN")).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The typography test's model with 24 invoices, three routes, payments, letters and notes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> longFile() {
        Map<String, Object> model = LetterTypographyTest.model(INVOICES, true);
        List<Map<String, Object>> invoices = (List<Map<String, Object>>) model.get("invoices");
        for (int i = 0; i < invoices.size(); i++) {
            invoices.get(i).put("number", "F-2026-0%02d".formatted(i + 1));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> invoice : invoices) {
            for (String[] period : new String[][] {{"26/06/2026", "30/06/2026", "5"}, {"01/07/2026", "24/11/2026", "147"}}) {
                lines.add(Map.of("invoice", invoice.get("number"), "from", period[0], "to", period[1],
                        "days", period[2], "balance", "1\u00a0500,00\u00a0€", "rate", "12,15\u00a0%",
                        "amount", "14,98\u00a0€"));
            }
        }
        model.put("penaltyLines", lines);
        List<Map<String, Object>> communications = new ArrayList<>();
        for (String step : List.of("RELANCE_1", "RELANCE_2", "RELANCE_3", "MISE_EN_DEMEURE")) {
            communications.add(Map.of("date", "24/11/2026", "step", step,
                    "channel", step.equals("MISE_EN_DEMEURE") ? "LRAR" : "EMAIL", "status", "SENT",
                    "recipient", "compta@durand.fr", "subject", "", "trackingNumber",
                    step.equals("MISE_EN_DEMEURE") ? "1A 987 654 321 09" : ""));
        }
        model.put("communications", communications);
        model.put("notice", Map.of("sentOn", "24/11/2026", "trackingNumber", "1A 987 654 321 09",
                "receivedOn", "26/11/2026"));
        Map<String, Object> file = new LinkedHashMap<>((Map<String, Object>) model.get("file"));
        file.put("routes", List.of(
                route("INJONCTION_DE_PAYER", "Injonction de payer", "F-2026-001 à F-2026-020", 20, false, false,
                        "Cerfa n° 12946, Requête en injonction de payer devant le tribunal de commerce"),
                route("PETITES_CREANCES", "Procédure simplifiée de recouvrement des petites créances",
                        "F-2026-021, F-2026-022", 2, false, false, ""),
                route("ASSIGNATION", "Assignation en paiement", "F-2026-023, F-2026-024", 2, true, true, "")));
        List<Map<String, Object>> payments = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            payments.add(Map.of("date", "02/11/2026", "invoice", "F-2026-0%02d".formatted(i), "type", "Paiement",
                    "amount", "100,00\u00a0€", "reference", "VIR-" + i));
        }
        file.put("payments", payments);
        List<Map<String, Object>> notes = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            notes.add(Map.of("date", "23/11/2026 10\u00a0h\u00a015", "kind", i % 2 == 0 ? "Note" : "Appel",
                    "invoice", "F-2026-0%02d".formatted(i), "text",
                    "répondant\u00a0: M. Martin\u202f; refus de payer, conteste la livraison sans motif", "by", "agent"));
        }
        file.put("callNotes", notes);
        model.put("file", file);
        return model;
    }

    private static Map<String, Object> route(String route, String label, String invoices, int count,
            boolean disputed, boolean priorAttempt, String form) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("route", route);
        map.put("label", label);
        map.put("invoices", invoices);
        map.put("invoiceCount", count);
        map.put("amount", "3\u00a0000,00\u00a0€");
        map.put("disputed", disputed);
        map.put("court", "Tribunal des activités économiques (anciennement tribunal de commerce) du siège du débiteur"
                + " (75002 Paris) (Code de commerce L721-3\u202f; CPC 42, 43)");
        map.put("priorAttemptRequired", priorAttempt);
        map.put("form", form);
        return map;
    }
}
