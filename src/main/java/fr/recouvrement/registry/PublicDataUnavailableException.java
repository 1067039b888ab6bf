package fr.recouvrement.registry;

/**
 * A public register did not answer as it should (network failure, timeout, 429, 5xx): the job fails and Camunda
 * retries it with back-off, then raises an incident. Never a silent skip: no letter goes to a guessed address.
 */
public class PublicDataUnavailableException extends RuntimeException {

    public PublicDataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
