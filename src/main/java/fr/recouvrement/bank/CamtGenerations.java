package fr.recouvrement.bank;

import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchangeDetails3;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure5;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.CashAccount20;
import com.prowidesoftware.swift.model.mx.dic.CashAccount24;
import com.prowidesoftware.swift.model.mx.dic.CashAccount25;
import com.prowidesoftware.swift.model.mx.dic.CashAccount36;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditorReferenceInformation2;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails1;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails2;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails3;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails6;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails7;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails8;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus2Code;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction7;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction8;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction9;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.Party35Choice;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification125;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification43;
import com.prowidesoftware.swift.model.mx.dic.ReferredDocumentInformation3;
import com.prowidesoftware.swift.model.mx.dic.ReferredDocumentInformation6;
import com.prowidesoftware.swift.model.mx.dic.ReferredDocumentInformation7;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation10;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation11;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation15;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation7;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry3;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry4;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry7;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry8;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry9;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation12;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation13;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation15;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation7;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation9;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties3;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties4;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties6;
import com.prowidesoftware.swift.model.mx.dic.TransactionParty2;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences2;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences3;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import fr.recouvrement.creditor.Iban;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The entry and account types of Prowide's ISO 20022 model for each version of camt.053/054 (a camt.053 and the
 * camt.054 of the same version share them), and how each generation maps to {@link CamtEntry}: per generation only its
 * getters; what the generations share (amounts, dates, accounts, remittance references, the checks) is written once.
 */
final class CamtGenerations {

    /** Bank transaction sub-families of a credit sent back: a returned transfer, a cancellation. */
    private static final Set<String> RETURN_SUB_FAMILIES = Set.of("RRTN", "RPCR");

    /** Building a JAXB context walks the whole model of a generation: once per generation, on first use. */
    private static final Map<Class<?>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    /**
     * One ISO generation of the entry.
     *
     * @param entry the type bound from each {@code Ntry}
     * @param account the type bound from each statement's {@code Acct}
     */
    record Generation<E, A>(Class<E> entry, Class<A> account, Function<A, AccountIdentification4Choice> idOf,
            Function<E, Fields> fieldsOf) {

        /** The {@code Id} of an {@code Acct} bound to this generation's account type. */
        AccountIdentification4Choice accountId(Object acct) {
            return idOf.apply(account.cast(acct));
        }

        /** The fields of an {@code Ntry} bound to this generation's entry type. */
        Fields fields(Object ntry) {
            return fieldsOf.apply(entry.cast(ntry));
        }

        JAXBContext context() {
            return CONTEXTS.computeIfAbsent(entry, type -> {
                try {
                    return JAXBContext.newInstance(entry, account);
                } catch (JAXBException e) {
                    throw new IllegalStateException("Prowide's ISO 20022 model cannot be bound: " + entry, e);
                }
            });
        }
    }

    /** By the version digit of {@code camt.05x.001.0N}. */
    static final Map<Character, Generation<?, ?>> BY_VERSION = Map.of(
            '2', new Generation<>(ReportEntry2.class, CashAccount20.class, CashAccount20::getId, CamtGenerations::v02),
            '3', new Generation<>(ReportEntry3.class, CashAccount25.class, CashAccount25::getId, CamtGenerations::v03),
            '4', new Generation<>(ReportEntry4.class, CashAccount25.class, CashAccount25::getId, CamtGenerations::v04),
            '5', new Generation<>(ReportEntry7.class, CashAccount25.class, CashAccount25::getId, CamtGenerations::v05),
            '6', new Generation<>(ReportEntry8.class, CashAccount25.class, CashAccount25::getId, CamtGenerations::v06),
            '7', new Generation<>(ReportEntry9.class, CashAccount36.class, CashAccount36::getId, CamtGenerations::v07),
            '8', new Generation<>(ReportEntry10.class, CashAccount39.class, CashAccount39::getId, CamtGenerations::v08));

    private CamtGenerations() {
    }

    /** What Recouvrement reads of an entry, in the types all generations share. */
    record Fields(String entryRef, String servicerRef, ActiveOrHistoricCurrencyAndAmount amount,
            CreditDebitCode indicator, String status, Boolean reversal, BankTransactionCodeStructure4 code,
            LocalDate booking, LocalDate value, List<Detail> details) {
    }

    /** One {@code TxDtls}, in the types all generations share. */
    record Detail(ActiveOrHistoricCurrencyAndAmount amount, AmountAndCurrencyExchange3 amountDetails,
            String endToEndId, String payerName, AccountIdentification4Choice payerAccount, List<String> unstructured,
            List<String> references) {
    }

    private static Fields v02(ReportEntry2 e) {
        return new Fields(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), status(e.getSts()),
                e.isRvslInd(), e.getBkTxCd(), date(e.getBookgDt()), date(e.getValDt()),
                details(e.getNtryDtls(), EntryDetails1::getTxDtls, CamtGenerations::v02));
    }

    private static Detail v02(EntryTransaction2 t) {
        RemittanceInformation5 rmt = t.getRmtInf();
        return new Detail(null, t.getAmtDtls(), get(t.getRefs(), TransactionReferences2::getEndToEndId),
                get(get(t.getRltdPties(), TransactionParty2::getDbtr), PartyIdentification32::getNm),
                get(get(t.getRltdPties(), TransactionParty2::getDbtrAcct), CashAccount16::getId),
                get(rmt, RemittanceInformation5::getUstrd), references(get(rmt, RemittanceInformation5::getStrd),
                        StructuredRemittanceInformation7::getRfrdDocInf, ReferredDocumentInformation3::getNb,
                        StructuredRemittanceInformation7::getCdtrRefInf));
    }

    private static Fields v03(ReportEntry3 e) {
        return new Fields(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), status(e.getSts()),
                e.isRvslInd(), e.getBkTxCd(), date(e.getBookgDt()), date(e.getValDt()),
                details(e.getNtryDtls(), EntryDetails2::getTxDtls, t -> v03(t.getAmt(), t.getAmtDtls(), t.getRefs(),
                        t.getRltdPties(), t.getRmtInf())));
    }

    private static Fields v04(ReportEntry4 e) {
        return new Fields(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), status(e.getSts()),
                e.isRvslInd(), e.getBkTxCd(), date(e.getBookgDt()), date(e.getValDt()),
                details(e.getNtryDtls(), EntryDetails3::getTxDtls, t -> v03(t.getAmt(), t.getAmtDtls(), t.getRefs(),
                        t.getRltdPties(), t.getRmtInf())));
    }

    /** Versions .03 and .04 differ in the entry's own type only: their transaction's parts are the same. */
    private static Detail v03(ActiveOrHistoricCurrencyAndAmount amount, AmountAndCurrencyExchange3 amountDetails,
            TransactionReferences3 refs, TransactionParties3 parties, RemittanceInformation7 rmt) {
        return new Detail(amount, amountDetails, get(refs, TransactionReferences3::getEndToEndId),
                get(get(parties, TransactionParties3::getDbtr), PartyIdentification43::getNm),
                get(get(parties, TransactionParties3::getDbtrAcct), CashAccount24::getId),
                get(rmt, RemittanceInformation7::getUstrd), references(get(rmt, RemittanceInformation7::getStrd),
                        StructuredRemittanceInformation9::getRfrdDocInf, ReferredDocumentInformation3::getNb,
                        StructuredRemittanceInformation9::getCdtrRefInf));
    }

    private static Fields v05(ReportEntry7 e) {
        return new Fields(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), status(e.getSts()),
                e.isRvslInd(), e.getBkTxCd(), date(e.getBookgDt()), date(e.getValDt()),
                details(e.getNtryDtls(), EntryDetails6::getTxDtls, CamtGenerations::v05));
    }

    private static Detail v05(EntryTransaction7 t) {
        RemittanceInformation10 rmt = t.getRmtInf();
        return new Detail(t.getAmt(), t.getAmtDtls(), get(t.getRefs(), TransactionReferences3::getEndToEndId),
                get(get(t.getRltdPties(), TransactionParties3::getDbtr), PartyIdentification43::getNm),
                get(get(t.getRltdPties(), TransactionParties3::getDbtrAcct), CashAccount24::getId),
                get(rmt, RemittanceInformation10::getUstrd), references(get(rmt, RemittanceInformation10::getStrd),
                        StructuredRemittanceInformation12::getRfrdDocInf, ReferredDocumentInformation6::getNb,
                        StructuredRemittanceInformation12::getCdtrRefInf));
    }

    private static Fields v06(ReportEntry8 e) {
        return new Fields(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), status(e.getSts()),
                e.isRvslInd(), e.getBkTxCd(), date(e.getBookgDt()), date(e.getValDt()),
                details(e.getNtryDtls(), EntryDetails7::getTxDtls, CamtGenerations::v06));
    }

    private static Detail v06(EntryTransaction8 t) {
        RemittanceInformation11 rmt = t.getRmtInf();
        return new Detail(t.getAmt(), t.getAmtDtls(), get(t.getRefs(), TransactionReferences3::getEndToEndId),
                get(get(t.getRltdPties(), TransactionParties3::getDbtr), PartyIdentification43::getNm),
                get(get(t.getRltdPties(), TransactionParties3::getDbtrAcct), CashAccount24::getId),
                get(rmt, RemittanceInformation11::getUstrd), references(get(rmt, RemittanceInformation11::getStrd),
                        StructuredRemittanceInformation13::getRfrdDocInf, ReferredDocumentInformation7::getNb,
                        StructuredRemittanceInformation13::getCdtrRefInf));
    }

    private static Fields v07(ReportEntry9 e) {
        return new Fields(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), status(e.getSts()),
                e.isRvslInd(), e.getBkTxCd(), date(e.getBookgDt()), date(e.getValDt()),
                details(e.getNtryDtls(), EntryDetails8::getTxDtls, CamtGenerations::v07));
    }

    private static Detail v07(EntryTransaction9 t) {
        RemittanceInformation15 rmt = t.getRmtInf();
        return new Detail(t.getAmt(), t.getAmtDtls(), get(t.getRefs(), TransactionReferences3::getEndToEndId),
                get(get(get(t.getRltdPties(), TransactionParties4::getDbtr), Party35Choice::getPty),
                        PartyIdentification125::getNm),
                get(get(t.getRltdPties(), TransactionParties4::getDbtrAcct), CashAccount24::getId),
                get(rmt, RemittanceInformation15::getUstrd), references(get(rmt, RemittanceInformation15::getStrd),
                        StructuredRemittanceInformation15::getRfrdDocInf, ReferredDocumentInformation7::getNb,
                        StructuredRemittanceInformation15::getCdtrRefInf));
    }

    private static Fields v08(ReportEntry10 e) {
        return new Fields(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), status(e.getSts()),
                e.isRvslInd(), e.getBkTxCd(), date(e.getBookgDt()), date(e.getValDt()),
                details(e.getNtryDtls(), EntryDetails9::getTxDtls, CamtGenerations::v08));
    }

    private static Detail v08(EntryTransaction10 t) {
        RemittanceInformation16 rmt = t.getRmtInf();
        return new Detail(t.getAmt(), t.getAmtDtls(), get(t.getRefs(), TransactionReferences6::getEndToEndId),
                get(get(get(t.getRltdPties(), TransactionParties6::getDbtr), Party40Choice::getPty),
                        PartyIdentification135::getNm),
                get(get(t.getRltdPties(), TransactionParties6::getDbtrAcct), CashAccount38::getId),
                get(rmt, RemittanceInformation16::getUstrd), references(get(rmt, RemittanceInformation16::getStrd),
                        StructuredRemittanceInformation16::getRfrdDocInf, ReferredDocumentInformation7::getNb,
                        StructuredRemittanceInformation16::getCdtrRefInf));
    }

    // What the generations share.

    /** {@code f} of {@code value}, or null when the optional element is absent. */
    private static <A, B> B get(A value, Function<A, B> f) {
        return value == null ? null : f.apply(value);
    }

    private static String status(EntryStatus2Code status) {
        return get(status, EntryStatus2Code::value);
    }

    /** From version .07 on, {@code Sts} is a choice of an ISO code or a bank's own: one of them, or none. */
    private static String status(EntryStatus1Choice status) {
        return status == null ? null : status.getCd() != null ? status.getCd() : status.getPrtry();
    }

    /** The date as the bank wrote it: a date-time's own day, whatever its offset. */
    private static LocalDate date(LocalDate date, OffsetDateTime dateTime) {
        return date != null ? date : get(dateTime, OffsetDateTime::toLocalDate);
    }

    private static LocalDate date(DateAndDateTimeChoice choice) {
        return choice == null ? null : date(choice.getDt(), choice.getDtTm());
    }

    private static LocalDate date(DateAndDateTime2Choice choice) {
        return choice == null ? null : date(choice.getDt(), choice.getDtTm());
    }

    private static <D, T> List<Detail> details(List<D> entryDetails, Function<D, List<T>> transactions,
            Function<T, Detail> detail) {
        return entryDetails.stream().flatMap(group -> transactions.apply(group).stream()).map(detail).toList();
    }

    /** {@code Strd/RfrdDocInf/Nb} and {@code Strd/CdtrRefInf/Ref}, in document order. */
    private static <S, D> List<String> references(List<S> structured, Function<S, List<D>> documents,
            Function<D, String> number, Function<S, CreditorReferenceInformation2> creditorReference) {
        List<String> references = new ArrayList<>();
        if (structured != null) {
            for (S strd : structured) {
                documents.apply(strd).forEach(doc -> addText(references, number.apply(doc)));
                addText(references, get(creditorReference.apply(strd), CreditorReferenceInformation2::getRef));
            }
        }
        return references;
    }

    private static void addText(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text.strip());
        }
    }

    /** A text as written between its tags, without the layout around it; null when empty. */
    private static String text(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** An account's IBAN, else its other identifier, normalized; null when it has neither. */
    static String accountId(AccountIdentification4Choice id) {
        String iban = get(id, AccountIdentification4Choice::getIBAN);
        String other = get(get(id, AccountIdentification4Choice::getOthr), GenericAccountIdentification1::getId);
        String account = iban != null ? iban : other;
        return account == null || account.isBlank() ? null : Iban.normalize(account);
    }

    /**
     * The entry as Recouvrement reads it, with what the schema requires of the fields read and JAXB does not check
     * (presence, currency, amount digits, Max35Text).
     *
     * @param invalid the refusal of the file, naming the entry, for a problem
     */
    static CamtEntry entry(Fields f, String messageType, String account, int index,
            Function<String, StatementRejectedException> invalid) {
        if (f.amount() == null) {
            throw invalid.apply("Amt manquant");
        }
        BigDecimal amount = amount(f.amount(), "Amt", invalid);
        if (f.amount().getCcy() == null || !f.amount().getCcy().matches("[A-Z]{3}")) {
            throw invalid.apply("Amt sans devise (Ccy)");
        }
        if (f.indicator() == null) {
            throw invalid.apply("CdtDbtInd doit valoir CRDT ou DBIT");
        }
        if (f.status() == null) {
            throw invalid.apply("Sts manquant ou inconnu (BOOK, PDNG ou INFO ; Sts/Cd ou Sts/Prtry à partir de la"
                    + " version .07)");
        }
        String subFamily = get(get(get(f.code(), BankTransactionCodeStructure4::getDomn),
                BankTransactionCodeStructure5::getFmly), BankTransactionCodeStructure6::getSubFmlyCd);
        boolean reversal = Boolean.TRUE.equals(f.reversal())
                || subFamily != null && RETURN_SUB_FAMILIES.contains(subFamily.strip());
        f.details().forEach(tx -> max35(text(tx.endToEndId()), "EndToEndId", invalid));
        return new CamtEntry(messageType, account, index, max35(text(f.entryRef()), "NtryRef", invalid),
                max35(text(f.servicerRef()), "AcctSvcrRef", invalid), amount, f.amount().getCcy(),
                "BOOK".equals(f.status().strip()), f.indicator() == CreditDebitCode.CRDT, reversal, f.booking(),
                f.value(), transactions(amount, f.details(), invalid));
    }

    private static List<CamtEntry.Transaction> transactions(BigDecimal entryAmount, List<Detail> details,
            Function<String, StatementRejectedException> invalid) {
        if (details.isEmpty()) {
            return List.of(new CamtEntry.Transaction(entryAmount, null, null, null, List.of(), List.of()));
        }
        List<CamtEntry.Transaction> transactions = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean amounts = true;
        for (Detail tx : details) {
            ActiveOrHistoricCurrencyAndAmount amt = tx.amount() != null ? tx.amount()
                    : get(get(tx.amountDetails(), AmountAndCurrencyExchange3::getTxAmt),
                            AmountAndCurrencyExchangeDetails3::getAmt);
            BigDecimal amount = amt == null ? null : amount(amt, "TxDtls/Amt", invalid);
            amounts &= amount != null;
            sum = amount == null ? sum : sum.add(amount);
            String payerIban = get(get(tx.payerAccount(), AccountIdentification4Choice::getIBAN), Iban::normalize);
            List<String> unstructured = tx.unstructured() == null ? List.of()
                    : tx.unstructured().stream().map(String::strip).toList();
            transactions.add(new CamtEntry.Transaction(details.size() == 1 ? entryAmount : amount,
                    text(tx.endToEndId()), text(tx.payerName()), payerIban, unstructured, tx.references()));
        }
        if (transactions.size() > 1 && (!amounts || sum.compareTo(entryAmount) != 0)) {
            // Details that do not add up to the entry cannot be matched one by one: one transaction of the whole.
            List<String> unstructured = new ArrayList<>();
            List<String> references = new ArrayList<>();
            transactions.forEach(tx -> {
                unstructured.addAll(tx.unstructured());
                references.addAll(tx.references());
            });
            CamtEntry.Transaction first = transactions.get(0);
            return List.of(new CamtEntry.Transaction(entryAmount, first.endToEndId(), first.payerName(),
                    first.payerIban(), unstructured, references));
        }
        return transactions;
    }

    /** ActiveOrHistoricCurrencyAndAmount: not negative, at most 18 digits of which 5 after the point. */
    private static BigDecimal amount(ActiveOrHistoricCurrencyAndAmount amt, String element,
            Function<String, StatementRejectedException> invalid) {
        BigDecimal value = amt.getValue();
        if (value == null || value.signum() < 0 || value.scale() > 5 || value.precision() > 18) {
            throw invalid.apply(element + " « " + (value == null ? "" : value.toPlainString())
                    + " » n'est pas un montant");
        }
        return value;
    }

    /** The references an entry is known by are Max35Text in every version. */
    private static String max35(String reference, String element, Function<String, StatementRejectedException> invalid) {
        if (reference != null && reference.length() > 35) {
            throw invalid.apply(element + " de plus de 35 caractères");
        }
        return reference;
    }
}
