package fr.recouvrement.letters;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes a step's message (docs/architecture.md §3, §5): the e-mail with its attachment, or the letter to print. One
 * template pair per step, under {@code templates/}: {@code mail/<step>.ftlh} for the e-mail, {@code
 * letters/<letter>.ftlh} for the PDF (the account statement for relance 1, the letter itself for the others).
 */
@Component
public class Letters {

    /** What is stored and sent: the subject, the HTML (e-mail body or letter), the PDF and its file name. */
    public record Composed(String subject, String html, byte[] pdf, String pdfName) {
    }

    private record Templates(String mail, String letter, String pdfName) {
    }

    /** Not a step of the ladder: the written confirmation of a promise, which does not delay the next step. */
    public static final String PROMISE_CONFIRMATION = "CONFIRMATION_PROMESSE";

    private static final Map<String, Templates> BY_STEP = Map.of(
            "PRE_ECHEANCE", new Templates("mail/pre-echeance.ftlh", null, null),
            "RELANCE_1", new Templates("mail/relance-1.ftlh", "letters/releve.ftlh", "releve-de-compte"),
            "RELANCE_2", new Templates("mail/relance-2.ftlh", "letters/relance-2.ftlh", "relance-2"),
            "RELANCE_3", new Templates("mail/relance-3.ftlh", "letters/relance-3.ftlh", "relance-3"),
            "MISE_EN_DEMEURE", new Templates(null, "letters/mise-en-demeure.ftlh", "mise-en-demeure"),
            PROMISE_CONFIRMATION, new Templates("mail/confirmation-promesse.ftlh", null, null));

    private final LetterTemplates templates;
    private final PdfPrinter printer;

    public Letters(LetterTemplates templates, PdfPrinter printer) {
        this.templates = templates;
        this.printer = printer;
    }

    /**
     * @param reference the dossier or invoice number, in the PDF's file name
     * @param appendix PDFs whose pages follow the letter's (the copies of the invoices a notice lists as attached)
     * @throws IllegalArgumentException for a step or channel that has no template: the job fails and an incident
     *     tells the analyst, rather than the debtor getting nothing silently
     */
    public Composed compose(String step, String channel, String reference, Map<String, Object> model,
            List<byte[]> appendix) {
        Templates pair = BY_STEP.get(step);
        if (pair == null) {
            throw new IllegalArgumentException("Aucun modèle de message pour l'étape " + step + ".");
        }
        String pdfName = pair.pdfName() == null ? null : pair.pdfName() + "-" + reference + ".pdf";
        return switch (channel) {
            case "EMAIL" -> {
                if (pair.mail() == null) {
                    throw new IllegalArgumentException("L'étape " + step + " ne s'envoie pas par e-mail.");
                }
                LetterTemplates.Rendered mail = templates.render(pair.mail(), model);
                byte[] pdf = pair.letter() == null ? null : printLetter(pair.letter(), model).pdf();
                yield new Composed(mail.subject(), mail.html(), pdf, pdfName);
            }
            case "LETTER", "LRAR" -> {
                if (pair.letter() == null) {
                    throw new IllegalArgumentException("L'étape " + step + " n'a pas de modèle de lettre.");
                }
                Composed letter = printLetter(pair.letter(), model);
                yield new Composed(letter.subject(), letter.html(), printer.append(letter.pdf(), appendix), pdfName);
            }
            default -> throw new IllegalArgumentException("Le canal " + channel
                    + " n'a pas de prestataire d'envoi ; choisissez EMAIL, LETTER ou LRAR dans la DMN.");
        };
    }

    /** A PDF document from a letter template (the judicial dossier too). */
    public Composed printLetter(String template, Map<String, Object> model) {
        LetterTemplates.Rendered letter = templates.render(template, model);
        return new Composed(letter.subject(), letter.html(), printer.print(letter.html()), null);
    }
}
