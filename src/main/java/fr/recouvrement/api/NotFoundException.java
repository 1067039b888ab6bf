package fr.recouvrement.api;

/** An unknown resource (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException invoice(String number) {
        return new NotFoundException("Aucune facture n'a le numéro " + number + ".");
    }

    public static NotFoundException dossier(String number) {
        return new NotFoundException("Aucun dossier n'a le numéro " + number + ".");
    }
}
