package fr.recouvrement.communication;

/** Where one message stands in the outbox (docs/architecture.md §5). */
public enum CommunicationStatus {
    /** Stored, to be sent (an e-mail) or to be printed and posted (a letter). */
    PENDING,
    /** Handed to the SMTP server in a run whose outcome is not yet written. */
    SENDING,
    SENT,
    /** Retries used up: an incident waits in Cockpit. */
    FAILED,
    /** A run died between the SMTP server and its status write: a person says whether it left. */
    UNKNOWN,
    /** A past step of a late entry: recorded, never sent. */
    SKIPPED,
    CANCELLED
}
