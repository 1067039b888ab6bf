package fr.recouvrement.api;

/** The caller's groups do not allow this particular request (403), with the reason in French. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
