package fr.recouvrement.debtor;

/** A company (identified by SIREN) or a consumer. */
public enum DebtorType {
    B2B,
    B2C
}
