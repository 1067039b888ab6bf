package fr.recouvrement.dunning;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of the process {@code recouvrement-amiable} that Java reads or writes, named once. The diagram and the
 * agents' forms use the same names: a rename here is a rename there.
 */
final class DossierVariables {

    /** The decision {@code scenario-recouvrement}'s result, read through {@link Scenario}. */
    static final String SCENARIO = "scenario";
    static final String DEBTOR_NAME = "debtorName";
    static final String DEBTOR_PHONE = "debtorPhone";
    static final String DEBTOR_EMAIL = "debtorEmail";
    static final String DEBTOR_TYPE = "debtorType";
    static final String SEGMENT = "segment";
    /** A number, for the decisions' thresholds; {@link #AMOUNT_DUE_TEXT} is what people read. */
    static final String AMOUNT_DUE = "amountDue";
    static final String AMOUNT_DUE_TEXT = "amountDueText";
    static final String ORIGIN_DATE = "originDate";
    static final String SETTLED = "settled";
    static final String LETTER_PDF_URL = "letterPdfUrl";
    static final String CONCILIATION_DUE_AT = "conciliationDueAt";
    /** The call's attempt, from 1; the scenario's number of attempts; when the next one may start. */
    static final String CONCILIATION_ATTEMPT = "conciliationAttempt";
    static final String CONCILIATION_ATTEMPTS = "conciliationAttempts";
    static final String CONCILIATION_FOLLOW_UP_AT = "conciliationFollowUpAt";
    /** The number the agent is to dial, prefilled with the debtor's. */
    static final String DIALLED_NUMBER = "dialledNumber";
    static final String CALL_AGAIN = "callAgain";
    static final String CALL_OUTCOME = "callOutcome";
    static final String STEP_AT = "stepAt";
    static final String STEP_SKIPPED = "stepSkipped";
    static final String STEP_POSTPONED = "stepPostponed";
    /** Set once the ladder has sent or postponed a step: late entry skips nothing after that. */
    static final String LADDER_STARTED = "ladderStarted";
    static final String POSTED_ON = "postedOn";
    static final String TRACKING_NUMBER = "trackingNumber";
    static final String RECEIVED_ON = "receivedOn";
    static final String NOTICE_DEADLINE_ENDS_AT = "noticeDeadlineEndsAt";
    static final String INSOLVENT = "insolvent";
    static final String CLAIM_TO_DECLARE = "claimToDeclare";
    static final String PRESCRIBED = "prescribed";
    static final String DISPUTED = "disputed";
    static final String ROUTE = "route";
    static final String DECISION = "decision";
    static final String PRESCRIPTION_WARNING_AT = "prescriptionWarningAt";
    static final String PRESCRIPTION_DATE_TEXT = "prescriptionDateText";
    static final String PRESCRIPTION_NEAR = "prescriptionNear";

    private DossierVariables() {
    }

    static Scenario scenario(VariableScope execution) {
        return Scenario.of(execution.getVariable(SCENARIO));
    }

    static boolean isTrue(VariableScope execution, String name) {
        return Boolean.TRUE.equals(execution.getVariable(name));
    }
}
