package fr.recouvrement.communication;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SMTP server could not take an e-mail: the job fails, and Camunda retries it with back-off. Camunda keeps the
 * message and the stack trace of this exception with the job, the incident and the history, and logs them: they name
 * the communication, never the debtor's address. The SMTP error is summarised with every address masked, and not
 * kept as the cause, since servers quote the recipient ("550 5.1.1 &lt;x@y&gt;: Recipient address rejected").
 */
public class CommunicationNotSentException extends RuntimeException {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");
    static final String MASK = "[adresse masquée]";

    public CommunicationNotSentException(long communicationId, Throwable smtpError) {
        super("E-mail n° " + communicationId + " non remis au serveur SMTP : " + summary(smtpError));
    }

    /** Each exception of the chain, by class and message, addresses masked. */
    static String summary(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = error; t != null && parts.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : ": " + ADDRESS.matcher(t.getMessage()).replaceAll(MASK);
            parts.add(t.getClass().getSimpleName() + message.replaceAll("\\s+", " ").strip());
        }
        return String.join(" ; ", parts);
    }
}
