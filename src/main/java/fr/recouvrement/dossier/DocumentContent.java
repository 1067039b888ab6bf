package fr.recouvrement.dossier;

import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.api.PayloadTooLargeException;
import java.util.Arrays;

/**
 * What a document added to a dossier may be: a PDF, a JPEG or a PNG, recognised by its first bytes (its signature), not
 * by the name or the type the client announces, and at most {@link #MAX_BYTES}.
 */
final class DocumentContent {

    /** A scanned page or a few: room enough, and a bound on what the database keeps per document. */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private DocumentContent() {
    }

    /**
     * The media type of the content.
     *
     * @throws InvalidInputException empty, or neither a PDF, a JPEG nor a PNG
     * @throws PayloadTooLargeException over {@link #MAX_BYTES}
     */
    static String mediaType(byte[] content) {
        if (content.length == 0) {
            throw new InvalidInputException("file", "Le fichier est vide.");
        }
        if (content.length > MAX_BYTES) {
            throw new PayloadTooLargeException("Le document dépasse " + MAX_BYTES / (1024 * 1024)
                    + " Mo : numérisez-le en moins de pages ou à une résolution plus basse.");
        }
        if (startsWith(content, PDF)) {
            return "application/pdf";
        }
        if (startsWith(content, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(content, PNG)) {
            return "image/png";
        }
        throw new InvalidInputException("file", "Le fichier n'est ni un PDF, ni une image JPEG ou PNG (d'après son"
                + " contenu, quel que soit son nom).");
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        return content.length >= signature.length
                && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }
}
