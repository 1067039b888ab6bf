package fr.recouvrement.dunning;

import java.time.LocalDate;

/**
 * What the ledger says of a dossier that dates its next step.
 *
 * @param origin J, the dossier's origin
 * @param holdDays the days the dossier spent on hold, which move every step
 * @param waiting on hold, or every invoice settled or disputed: no step until released or resolved
 * @param lastSent the day of the last message sent to the debtor, or null
 * @param promiseUntil the date the debtor promised to pay by, or null
 * @param planCheck the day a payment plan on track is checked again, or null when the dossier follows no plan
 */
public record LadderFacts(LocalDate origin, int holdDays, boolean waiting, LocalDate lastSent, LocalDate promiseUntil,
        LocalDate planCheck) {
}
