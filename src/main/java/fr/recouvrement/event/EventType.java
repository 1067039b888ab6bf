package fr.recouvrement.event;

import java.util.Locale;

/** What an agent or an integration reports about an invoice (docs/api.md). */
public enum EventType {
    /** The debtor contests the invoice: dunning on it is suspended. */
    DISPUTE(false),
    DISPUTE_RESOLVED(false),
    /** A promise to pay the dossier by a date. */
    PROMISE(true),
    /** A schedule of instalments for the dossier. */
    PAYMENT_PLAN(true),
    /** The debtor signed the payment plan the dossier follows, recorded before the signed copy came back. */
    PLAN_SIGNED(true),
    /** Dunning of the dossier stops until released. */
    HOLD(true),
    RELEASE(true),
    /** A call to the debtor, as call centres log it: when, which number, who answered, the outcome. */
    CALL(true),
    NOTE(false);

    private final boolean needsDossier;

    EventType(boolean needsDossier) {
        this.needsDossier = needsDossier;
    }

    /** The type named by {@code name}, in any case as the API's validation reads it, or null when there is none. */
    public static EventType parse(Object name) {
        for (EventType type : values()) {
            if (name != null && type.name().equals(name.toString().strip().toUpperCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }

    /** Events about the whole dossier need the invoice to be in one that is not closed. */
    public boolean needsDossier() {
        return needsDossier;
    }
}
