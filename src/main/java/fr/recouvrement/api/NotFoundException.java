package fr.recouvrement.api;

/** An unknown resource (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
