package fr.recouvrement.debtor;

/**
 * What an invoice says about its debtor; the latest details received win (docs/api.md). {@code segment} is one the
 * scenario DMN named when the invoice came in ({@link SegmentCatalogue}), in the DMN's spelling.
 */
public record DebtorDetails(
        DebtorType type, String siren, String name, String segment, String email, String phone, Address address) {
}
