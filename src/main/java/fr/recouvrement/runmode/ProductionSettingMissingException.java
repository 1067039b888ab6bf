package fr.recouvrement.runmode;

/** A production node refuses to start without a setting it cannot guess. */
public class ProductionSettingMissingException extends IllegalStateException {

    public ProductionSettingMissingException(String message) {
        super(message);
    }
}
