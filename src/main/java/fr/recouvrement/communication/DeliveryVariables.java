package fr.recouvrement.communication;

/** The variables of the process {@code envoi-communication}, named once. */
final class DeliveryVariables {

    static final String COMMUNICATION_ID = "communicationId";
    static final String TASK_SLA_DAYS = "taskSlaDays";
    /** What "Remettre le message" did: SENT, CANCELLED, LETTER or UNKNOWN, for the gateway after it. */
    static final String OUTCOME = "deliveryOutcome";
    static final String SUBJECT = "subject";
    static final String RECIPIENT = "recipient";
    static final String MESSAGE_ID = "messageId";
    static final String PDF_URL = "pdfUrl";
    static final String POSTED_ON = "postedOn";
    static final String TRACKING_NUMBER = "trackingNumber";
    /** The agent's answer about an uncertain e-mail: ENVOYE or RENVOYER. */
    static final String VERIFICATION = "verification";

    private DeliveryVariables() {
    }
}
