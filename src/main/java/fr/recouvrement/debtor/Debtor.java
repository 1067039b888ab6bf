package fr.recouvrement.debtor;

/** A debtor as stored in the ledger. */
public record Debtor(long id, DebtorDetails details) {
}
