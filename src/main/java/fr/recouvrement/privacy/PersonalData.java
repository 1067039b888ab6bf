package fr.recouvrement.privacy;

/** What replaces personal data once its period is over, or on a request for erasure. */
public final class PersonalData {

    /** Short enough for every column it replaces (a postal code holds 20 characters). */
    public static final String MARKER = "Effacé (RGPD)";

    private PersonalData() {
    }
}
