package fr.recouvrement.communication;

/** The SMTP server could not take an e-mail: the job fails, and Camunda retries it with back-off. */
public class CommunicationNotSentException extends RuntimeException {

    public CommunicationNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
