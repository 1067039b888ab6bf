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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * French typography in every packaged template, rendered with one and with two invoices (docs/droit-francais.md §4):
 * a no-break space before ":" and inside « », a narrow no-break space before ";", "!" and "?", the singular for one
 * invoice, the formal closing of a letter. The notice is also printed to {@code target/letters/} to be looked at.
 */
@FastTest
class LetterTypographyTest {

    private static final char NBSP = '\u00a0';
    private static final char NARROW_NBSP = '\u202f';
    private static final List<String> TEMPLATES = List.of("letters/releve.ftlh", "letters/relance-2.ftlh",
            "letters/relance-3.ftlh", "letters/mise-en-demeure.ftlh", "letters/dossier-judiciaire.ftlh",
            "mail/pre-echeance.ftlh", "mail/relance-1.ftlh", "mail/relance-2.ftlh", "mail/relance-3.ftlh",
            "mail/confirmation-promesse.ftlh");

    private final LetterTemplates templates = new LetterTemplates(new LetterProperties(""));

    static Stream<Arguments> everyTemplateWithOneAndTwoInvoices() {
        return TEMPLATES.stream().flatMap(t -> Stream.of(Arguments.of(t, 1, true), Arguments.of(t, 2, true),
                Arguments.of(t, 1, false)));
    }

    @ParameterizedTest(name = "{0}, {1} invoice(s), B2B {2}")
    @MethodSource("everyTemplateWithOneAndTwoInvoices")
    void everyTemplateWritesFrenchTypography(String template, int invoiceCount, boolean b2b) {
        LetterTemplates.Rendered rendered = templates.render(template, model(invoiceCount, b2b));
        String text = text(rendered.html());

        for (String checked : rendered.subject() == null ? List.of(text) : List.of(text, rendered.subject())) {
            assertThat(offences(checked, "[^\u00a0]:(?!//)")).as("no-break space before ':' in %s", template).isEmpty();
            assertThat(offences(checked, "[^\u202f][;!?]")).as("narrow no-break space before ';', '!', '?'").isEmpty();
            assertThat(checked).as("« » quotes, never straight ones").doesNotContain("\"");
            assertThat(offences(checked, "«[^\u00a0]|[^\u00a0]»")).as("no-break space inside « »").isEmpty();
        }
        if (invoiceCount == 1) {
            assertThat(text).doesNotContainPattern("(?i)(les|des|aux) factures (suivantes|ci-dessous|échues|impayées)")
                    .doesNotContain("indemnités");
            if (rendered.subject() != null) {
                assertThat(rendered.subject()).doesNotContain("factures");
            }
        }
        if (template.startsWith("letters/") && !template.endsWith("dossier-judiciaire.ftlh")) {
            assertThat(text).contains("l'expression de nos salutations distinguées");
        }
        if (template.equals("mail/relance-1.ftlh")) {
            assertThat(rendered.subject()).startsWith(invoiceCount == 1 ? "Facture échue" : "Factures échues");
        }
        assertThat(text).as("the debtor's own reference").contains("BC-F-2026-001");
        if (template.contains("relance-2") || template.contains("relance-3")) {
            assertThat(text).as("the last relance dates the notice").contains("avant le 9 décembre 2026");
        }
        if (template.endsWith("dossier-judiciaire.ftlh") && b2b) {
            assertThat(text).as("a company never checked at the registry").contains(
                    "Forme juridique à compléter (extrait Kbis)", "Représentant légal à compléter (extrait Kbis)");
        }
        if (template.equals("letters/mise-en-demeure.ftlh") && !b2b) {
            assertThat(text).contains("Aucuns frais de recouvrement ne vous sont réclamés");
        }
    }

    @ParameterizedTest(name = "{0} invoice(s)")
    @MethodSource("oneAndTwo")
    void theNoticePrintsItsMentionsWithTheirSpaces(int invoiceCount) {
        LetterTemplates.Rendered notice = templates.render("letters/mise-en-demeure.ftlh", model(invoiceCount, true));
        byte[] pdf = new PdfPrinter().print(notice.html());
        keep("typographie-mise-en-demeure-" + invoiceCount, pdf);
        String text = pdfText(pdf);

        assertThat(text).contains("Vos références" + NBSP + ":", "Pièces jointes" + NBSP + ":", "IBAN" + NBSP + ":",
                "supérieur)" + NARROW_NBSP + ";", "l'expression de nos salutations distinguées");
    }

    static Stream<Arguments> everyTemplateWithPenaltiesKnownOrNot() {
        return TEMPLATES.stream().flatMap(t -> Stream.of(Arguments.of(t, true), Arguments.of(t, false)));
    }

    /**
     * A public body owes intérêts moratoires (Code de la commande publique R2192-31), never pénalités: in the invoice
     * tables, the totals, the period-by-period detail and the judicial file.
     */
    @ParameterizedTest(name = "{0}, penalties known {1}")
    @MethodSource("everyTemplateWithPenaltiesKnownOrNot")
    void aPublicBodyIsClaimedInteretsMoratoiresNeverPenalites(String template, boolean penaltiesKnown) {
        Map<String, Object> model = model(2, true);
        model.put("publicDebtor", true);
        model.put("penaltiesKnown", penaltiesKnown);

        String text = text(templates.render(template, model).html());

        assertThat(text).doesNotContainPattern("(?i)pénalité");
        if (template.startsWith("letters/") && !template.endsWith("releve.ftlh")) {
            // The invoice table's column, and the detail's when the rates are known.
            assertThat(text).contains("Reste dû Intérêts moratoires Indemnité");
            if (penaltiesKnown) {
                assertThat(text).contains("Intérêts moratoires au 24/11/2026");
            } else {
                assertThat(text).contains("Total dû (hors intérêts moratoires)");
            }
        }
        if (penaltiesKnown && (template.endsWith("mise-en-demeure.ftlh") || template.endsWith("dossier-judiciaire.ftlh"))) {
            // One rate for the whole delay, that of the half-year it began in: no new period at each half-year.
            assertThat(text).contains("Taux annuel Intérêts moratoires", "ont commencé à courir, pour toute leur durée")
                    .doesNotContain("à chaque semestre");
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void aCreditorNotRegisteredAtTheRcsPrintsItsSirenAlone() {
        Map<String, Object> model = model(1, true);
        ((Map<String, Object>) model.get("creditor")).put("rcsCity", "");

        String html = templates.render("letters/mise-en-demeure.ftlh", model).html();

        assertThat(text(html)).contains("immatriculée sous le numéro SIREN 901\u00a0234\u00a0567").doesNotContain("RCS");
    }

    static Stream<Integer> oneAndTwo() {
        return Stream.of(1, 2);
    }

    /** Each place the pattern matches, with some context, so that a failure shows where. */
    private static List<String> offences(String text, String pattern) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        while (matcher.find()) {
            found.add(text.substring(Math.max(0, matcher.start() - 30), Math.min(text.length(), matcher.end() + 10)));
        }
        return found;
    }

    /** The text a reader sees: no style sheet, no tags, entities decoded. */
    private static String text(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("(?s)<!DOCTYPE[^>]*>", " ")
                .replaceAll("(?s)<[^>]+>", " ").replace("&#160;", "\u00a0").replace("&#8239;", "\u202f")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replaceAll("[ \\n\\r\\t]+", " ");
    }

    static Map<String, Object> model(int invoiceCount, boolean b2b) {
        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, Object> creditor = new LinkedHashMap<>();
        creditor.put("name", "Exemple Industrie");
        creditor.put("legalForm", "SAS au capital de 100\u00a0000\u00a0€");
        creditor.put("siren", "901\u00a0234\u00a0567");
        creditor.put("rcsCity", "Lyon");
        creditor.put("addressLines", List.of("10 rue des Exemples", "69002 Lyon"));
        creditor.put("city", "Lyon");
        creditor.put("email", "recouvrement@exemple-industrie.fr");
        creditor.put("phone", "04 72 00 00 00");
        creditor.put("iban", "FR76 3000 4005 5000 0101 2345 690");
        creditor.put("bic", "BNPAFRPPXXX");
        creditor.put("signatoryName", "Claire Martin");
        creditor.put("signatoryTitle", "Responsable du recouvrement");
        model.put("creditor", creditor);
        model.put("date", "24 novembre 2026");
        model.put("dateShort", "24/11/2026");
        model.put("debtor", Map.of("name", "Durand Bâtiment", "siren", b2b ? "552 081 317" : "",
                "email", "compta@durand.fr", "addressLines", List.of("12 rue de la Paix", "75002 Paris")));
        model.put("b2b", b2b);
        model.put("dossier", Map.of("number", "D-552081317-001"));
        List<Map<String, Object>> invoices = new ArrayList<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 1; i <= invoiceCount; i++) {
            invoices.add(invoice("F-2026-00" + i));
            lines.add(Map.of("invoice", "F-2026-00" + i, "from", "26/10/2026", "to", "24/11/2026", "days", 30,
                    "balance", "1\u00a0500,00\u00a0€", "rate", "12,15\u00a0%", "amount", "14,98\u00a0€"));
        }
        model.put("invoices", invoices);
        model.put("debtorReferences", invoices.stream().map(i -> i.get("debtorReference")).toList());
        model.put("noticeDate", "9 décembre 2026");
        model.put("invoice", invoices.get(0));
        model.put("penaltyLines", lines);
        model.put("attachedInvoices", invoices.stream().map(i -> i.get("number")).toList());
        model.put("disputed", invoiceCount == 1 ? List.of(invoice("F-2026-099"))
                : List.of(invoice("F-2026-098"), invoice("F-2026-099")));
        model.put("principal", "1\u00a0500,00\u00a0€");
        model.put("penaltiesKnown", true);
        model.put("penalties", "14,98\u00a0€");
        model.put("indemnity", "40,00\u00a0€");
        model.put("total", "1\u00a0554,98\u00a0€");
        model.put("deadlineDays", 8);
        model.put("earlierReminders", invoiceCount == 1 ? List.of(Map.of("date", "09/11/2026"))
                : List.of(Map.of("date", "02/11/2026"), Map.of("date", "09/11/2026"), Map.of("date", "16/11/2026")));
        model.put("promise", Map.of("date", "30/11/2026", "amount", "500,00\u00a0€"));
        model.put("originDate", "25/10/2026");
        model.put("notice", Map.of());
        model.put("communications", List.of());
        model.put("file", judicialFile());
        return model;
    }

    private static Map<String, Object> invoice(String number) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", number);
        map.put("description", "Maintenance");
        map.put("debtorReference", "BC-" + number);
        map.put("issueDate", "25/09/2026");
        map.put("dueDate", "25/10/2026");
        map.put("dueDateLong", "25 octobre 2026");
        map.put("amount", "1\u00a0500,00\u00a0€");
        map.put("settled", "0,00\u00a0€");
        map.put("balance", "1\u00a0500,00\u00a0€");
        map.put("daysLate", 30);
        map.put("penalties", "14,98\u00a0€");
        map.put("indemnity", "40,00\u00a0€");
        return map;
    }

    private static void keep(String name, byte[] pdf) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "letters"));
            Files.write(folder.resolve(name + ".pdf"), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\n\\r\\t]+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The judicial file's own sections, as JudicialFilePrint writes them. */
    private static Map<String, Object> judicialFile() {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("name", "Dupont & Fils");
        party.put("legalForm", "");
        party.put("siren", "552\u00a0081\u00a0317");
        party.put("rcsCity", "");
        party.put("seat", "12 rue de la Paix, 75002 Paris");
        party.put("seatFromRegistry", true);
        party.put("representative", "");
        return Map.of(
                "routes", List.of(Map.of("route", "INJONCTION_DE_PAYER", "label", "Injonction de payer",
                        "invoices", "F-2026-001", "invoiceCount", 1, "amount", "1\u00a0000,00\u00a0€", "disputed", false,
                        "court", "Tribunal des activités économiques (anciennement tribunal de commerce) du siège du"
                                + " débiteur (75002 Paris) (Code de commerce L721-3\u202f; CPC 42, 43)",
                        "priorAttemptRequired", true,
                        "form", "Cerfa n° 12946, Requête en injonction de payer devant le tribunal de commerce")),
                "creditor", party, "debtor", party,
                "basis", "Factures échues et restées impayées malgré mise en demeure (C. civ. art. 1231-6).",
                "payments", List.of(Map.of("date", "02/11/2026", "invoice", "F-2026-001", "type", "Paiement",
                        "amount", "100,00\u00a0€", "reference", "VIR-1")),
                "callNotes", List.of(Map.of("date", "23/11/2026 10\u00a0h\u00a015", "kind", "Appel", "invoice", "F-2026-001",
                        "text", "répondant\u00a0: M. Martin\u202f; refus de payer", "by", "agent")),
                "pieces", List.of(Map.of("kind", "Copie de facture", "name", "Facture F-2026-001")));
    }
}
