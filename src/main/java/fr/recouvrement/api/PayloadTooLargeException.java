package fr.recouvrement.api;

/** A request body over the size the endpoint accepts (413). */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
