package fr.recouvrement.debtor;

/** What an invoice says about its debtor; the latest details received win (docs/api.md). */
public record DebtorDetails(
        DebtorType type, String siren, String name, Segment segment, String email, String phone, Address address) {
}
