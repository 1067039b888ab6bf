package fr.recouvrement.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * One {@code Ntry} of a camt.053 or camt.054 statement, as far as Recouvrement reads it.
 *
 * @param account the IBAN (or other identifier) of the statement's account, normalized
 * @param booked {@code Sts} = {@code BOOK} ({@code Sts/Cd} from version .07 on)
 * @param credit {@code CdtDbtInd} = {@code CRDT}
 * @param reversal {@code RvslInd} true, or a returned credit transfer ({@code BkTxCd} sub-family {@code RRTN})
 * @param transactions the entry's {@code TxDtls}, never empty: an entry without details is one transaction
 */
record CamtEntry(String messageType, String account, int index, String entryRef, String accountServicerRef,
        BigDecimal amount, String currency, boolean booked, boolean credit, boolean reversal, LocalDate bookingDate,
        LocalDate valueDate, List<Transaction> transactions) {

    /**
     * One transaction of the entry.
     *
     * @param references {@code Strd/CdtrRefInf/Ref} and {@code Strd/RfrdDocInf/Nb}, in document order
     */
    record Transaction(BigDecimal amount, String endToEndId, String payerName, String payerIban,
            List<String> unstructured, List<String> references) {

        /** The remittance information as one text, for the record and the hash. */
        String remittance() {
            return String.join(" ", Stream.concat(references.stream(), unstructured.stream()).toList());
        }
    }

    /** The payment date of Recouvrement: the value date, else the booking date. */
    LocalDate paymentDate() {
        return valueDate != null ? valueDate : bookingDate;
    }
}
