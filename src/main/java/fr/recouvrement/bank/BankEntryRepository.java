package fr.recouvrement.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The transactions read from bank statements, matched and allocated; the only writer of {@code bank_entry}. */
@Repository
public class BankEntryRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    BankEntryRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    enum Status {
        MATCHED, PARTLY_MATCHED, UNMATCHED, REVIEW, REVERSAL, REVERSED, NOT_CUSTOMER;

        /** What an agent matches by hand: task «Rapprocher un encaissement». */
        boolean toReconcile() {
            return this == UNMATCHED || this == PARTLY_MATCHED || this == REVIEW;
        }
    }

    enum KeyKind {
        ACCOUNT_SERVICER_REF, ENTRY_REF, HASH
    }

    /** A likely debtor or invoice of an unmatched transaction, and why. */
    record Candidate(String debtor, String invoice, String reason) {
    }

    /** A payment a transaction made on an invoice. */
    record Allocated(String invoice, String reference, BigDecimal amount) {
    }

    /** One transaction of an entry, as it is recorded. */
    record NewEntry(String account, String entryKey, KeyKind keyKind, int lineNo, String messageType, String fileName,
            LocalDate bookingDate, LocalDate paidOn, BigDecimal amount, String endToEndId, String payerName,
            String payerIban, String remittance, Status status, Long debtorId, BigDecimal unapplied,
            String explanation, List<Candidate> candidates, List<Allocated> allocations, Long reversesId) {
    }

    /** A recorded credit that a reversal may undo. */
    record Recorded(long id, Long debtorId, List<Allocated> allocations) {
    }

    /** A recorded transaction, as the agent who matches it by hand sees it. */
    record Stored(long id, String account, String entryKey, int lineNo, LocalDate paidOn, BigDecimal amount,
            String payerName, String payerIban, String remittance, Status status, Long debtorId, BigDecimal unapplied,
            String explanation, List<Candidate> candidates, List<Allocated> allocations) {
    }

    /**
     * For the rest of the import's transaction, a plan per execution of each statement. The import runs the same few
     * statements thousands of times on tables it fills (bank_entry, payment): the generic plan PostgreSQL caches after
     * five executions, costed while they were nearly empty, kept scanning them whole as they grew, so that a 10,000-
     * entry statement cost time quadratic in its size (docs/performance.md).
     */
    void planEachStatementOfThisTransaction() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    boolean exists(String account, String entryKey) {
        return jdbc.sql("select exists (select 1 from recouvrement.bank_entry where account = ? and entry_key = ?)")
                .params(account, entryKey).query(Boolean.class).single();
    }

    long insert(NewEntry entry) {
        return jdbc.sql("""
                insert into recouvrement.bank_entry (account, entry_key, key_kind, line_no, message_type, file_name,
                    booking_date, paid_on, amount, end_to_end_id, payer_name, payer_iban, remittance, status, debtor_id,
                    unapplied, explanation, candidates, allocations, reverses_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)
                returning id""")
                .params(entry.account(), entry.entryKey(), entry.keyKind().name(), entry.lineNo(), entry.messageType(),
                        entry.fileName(), entry.bookingDate(), entry.paidOn(), entry.amount(), entry.endToEndId(),
                        entry.payerName(), entry.payerIban(), entry.remittance(), entry.status().name(),
                        entry.debtorId(), entry.unapplied(), entry.explanation(), write(entry.candidates()),
                        write(entry.allocations()), entry.reversesId(), OffsetDateTime.now(clock))
                .query(Long.class).single();
    }

    /** The one debtor a payer's IBAN has already paid for; empty when unknown or seen for several debtors. */
    Optional<Long> debtorOfPayerIban(String iban) {
        List<Long> debtors = jdbc.sql("""
                select distinct debtor_id from recouvrement.bank_entry
                where payer_iban = ? and debtor_id is not null and status in ('MATCHED', 'PARTLY_MATCHED')""")
                .param(iban).query(Long.class).list();
        return debtors.size() == 1 ? Optional.of(debtors.get(0)) : Optional.empty();
    }

    /**
     * The credit a reversal undoes: same account and end-to-end id when the bank gives one, else same amount and
     * remittance; the latest not yet reversed.
     */
    Optional<Recorded> findReversible(String account, String endToEndId, BigDecimal amount, String remittance) {
        String match = endToEndId != null ? "end_to_end_id = :endToEnd"
                : "amount = :amount and coalesce(remittance, '') = coalesce(:remittance, '')";
        return jdbc.sql("""
                select id, debtor_id, allocations from recouvrement.bank_entry
                where account = :account and status in ('MATCHED', 'PARTLY_MATCHED', 'UNMATCHED', 'NOT_CUSTOMER')
                  and %s
                order by paid_on desc, id desc limit 1""".formatted(match))
                .param("account", account).param("endToEnd", endToEndId).param("amount", amount)
                .param("remittance", remittance)
                .query((rs, row) -> new Recorded(rs.getLong("id"), (Long) rs.getObject("debtor_id"),
                        read(rs.getString("allocations"))))
                .optional();
    }

    /** The transactions an agent must still match, whatever their task. */
    List<Long> idsToReconcile() {
        return jdbc.sql("select id from recouvrement.bank_entry where status in (:statuses) order by id")
                .param("statuses", Arrays.stream(Status.values()).filter(Status::toReconcile).map(Status::name)
                        .toList())
                .query(Long.class).list();
    }

    Optional<Stored> find(long id) {
        return stored("", id);
    }

    /** The transaction, locked until the end of the transaction: two agents' completions allocate it one at a time. */
    Optional<Stored> lock(long id) {
        return stored(" for update", id);
    }

    private Optional<Stored> stored(String lock, long id) {
        return jdbc.sql("""
                select id, account, entry_key, line_no, paid_on, amount, payer_name, payer_iban, remittance, status,
                    debtor_id, unapplied, explanation, candidates, allocations
                from recouvrement.bank_entry where id = ?""" + lock)
                .param(id)
                .query((rs, row) -> new Stored(rs.getLong("id"), rs.getString("account"), rs.getString("entry_key"),
                        rs.getInt("line_no"), rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("amount"),
                        rs.getString("payer_name"), rs.getString("payer_iban"), rs.getString("remittance"),
                        Status.valueOf(rs.getString("status")), (Long) rs.getObject("debtor_id"),
                        rs.getBigDecimal("unapplied"), rs.getString("explanation"),
                        List.of(readAs(rs.getString("candidates"), Candidate[].class)),
                        read(rs.getString("allocations"))))
                .optional();
    }

    /** What the agent decided: the transaction's debtor, its payments (all of them), what is left and why. */
    void recordReconciliation(long id, Status status, Long debtorId, BigDecimal unapplied, String explanation,
            List<Allocated> allocations) {
        jdbc.sql("""
                update recouvrement.bank_entry set status = ?, debtor_id = ?, unapplied = ?, explanation = ?,
                    allocations = cast(? as jsonb)
                where id = ?""")
                .params(status.name(), debtorId, unapplied, explanation, write(allocations), id).update();
    }

    /**
     * The payer's name and IBAN and the remittance text of the debtor's transactions, as the bank gave them: personal
     * data, replaced with the marker (docs/droit-francais.md §12); amounts, dates and allocations stay. Runs again
     * harmlessly.
     */
    public void anonymisePayerOfDebtor(long debtorId, String marker) {
        jdbc.sql("""
                update recouvrement.bank_entry set
                    payer_name = case when payer_name is null then null else :marker end,
                    payer_iban = case when payer_iban is null then null else :marker end,
                    remittance = case when remittance is null then null else :marker end
                where debtor_id = :debtor""")
                .param("marker", marker).param("debtor", debtorId).update();
    }

    /** The transactions attributed to the debtor, whatever their status. */
    public List<Long> idsOfDebtor(long debtorId) {
        return jdbc.sql("select id from recouvrement.bank_entry where debtor_id = ? order by id").param(debtorId)
                .query(Long.class).list();
    }

    /** The credit is undone: no payment and no credit left of it. */
    void markReversed(long id) {
        jdbc.sql("update recouvrement.bank_entry set status = 'REVERSED', unapplied = 0 where id = ?").param(id)
                .update();
    }

    /** What the debtor paid beyond its invoices, from the statements: a credit to refund or to impute. */
    public BigDecimal creditOf(long debtorId) {
        return jdbc.sql("""
                select coalesce(sum(unapplied), 0) from recouvrement.bank_entry
                where debtor_id = ? and status in ('MATCHED', 'PARTLY_MATCHED')""")
                .param(debtorId).query(BigDecimal.class).single().setScale(2);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Écriture bancaire impossible à écrire en JSON", e);
        }
    }

    private List<Allocated> read(String allocations) {
        return List.of(readAs(allocations, Allocated[].class));
    }

    private <T> T readAs(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Écriture bancaire illisible : " + text, e);
        }
    }
}
