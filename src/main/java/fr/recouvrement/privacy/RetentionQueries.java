package fr.recouvrement.privacy;

import fr.recouvrement.penalties.LatePaymentLaw;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What has passed its retention period, and what still holds a debtor's data (docs/droit-francais.md §12). Reads only:
 * the changes go through each table's owner. The rules that keep a person's data are written once, as SQL over a
 * debtor {@code deb}: the retention job selects the debtors none of them holds, the erasure names those that hold.
 */
@Repository
class RetentionQueries {

    private static final String PRESCRIBED_ON = LatePaymentLaw.PRESCRIPTION_DATE_SQL;
    /** A dossier still running: the claim is being pursued. */
    private static final String OPEN_DOSSIERS = """
            select dos.number from recouvrement.dossier dos where dos.debtor_id = deb.id and dos.status <> 'CLOSED'""";
    /** An invoice still owed, not prescribed (:asOf is today): the claim may still be pursued. */
    private static final String CLAIMS_ALIVE = """
            select i.number, %s as prescribed_on from recouvrement.invoice i
            where i.debtor_id = deb.id and i.status in ('OPEN', 'DISPUTED', 'PAYMENT_PLAN', 'JUDICIAL')
              and %s >= cast(:asOf as date)""".formatted(PRESCRIBED_ON, PRESCRIBED_ON);
    /**
     * An invoice a message went out about, whose prescription is later than :evidenceCutoff (today minus the evidence
     * period): the message is the evidence of the dunning until then.
     */
    private static final String EVIDENCE_KEPT = """
            select i.number, %s as prescribed_on from recouvrement.invoice i
            where i.debtor_id = deb.id
              and exists (select 1 from recouvrement.communication c
                          where (c.invoice_id = i.id or c.dossier_id = i.dossier_id)
                            and c.status not in ('CANCELLED', 'SKIPPED'))
              and %s > cast(:evidenceCutoff as date)""".formatted(PRESCRIBED_ON, PRESCRIBED_ON);
    /** A dossier closed less than the notes period ago (:closedAfter): its notes, and who they are about, stay. */
    private static final String NOTES_KEPT = """
            select 1 from recouvrement.dossier dos
            where dos.debtor_id = deb.id and dos.status = 'CLOSED' and dos.closed_at > :closedAfter""";

    private final JdbcClient jdbc;

    RetentionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Closed dossiers whose notes are still there although they closed on or before {@code closedBefore}. */
    List<Long> dossiersWithNotesExpired(OffsetDateTime closedBefore, int limit) {
        return jdbc.sql("""
                select id from recouvrement.dossier
                where status = 'CLOSED' and notes_erased_at is null and closed_at <= :closedBefore
                order by closed_at, id limit :limit""")
                .param("closedBefore", closedBefore).param("limit", limit).query(Long.class).list();
    }

    /**
     * Closed dossiers whose evidence is still there although the latest prescription of their invoices is on or before
     * {@code evidenceCutoff} (today minus the evidence period).
     */
    List<Long> dossiersWithEvidenceExpired(LocalDate today, LocalDate evidenceCutoff, int limit) {
        return jdbc.sql("""
                select dos.id from recouvrement.dossier dos
                join recouvrement.debtor deb on deb.id = dos.debtor_id
                where dos.status = 'CLOSED' and dos.evidence_erased_at is null
                  and (select max(%s) from recouvrement.invoice i where i.dossier_id = dos.id)
                      <= cast(:evidenceCutoff as date)
                order by dos.closed_at, dos.id limit :limit""".formatted(PRESCRIBED_ON))
                .param("asOf", today).param("evidenceCutoff", evidenceCutoff).param("limit", limit)
                .query(Long.class).list();
    }

    /** Debtors not anonymised yet that nothing keeps any more: no claim, no evidence, no recent notes. */
    List<Long> debtorsWithNothingKept(LocalDate today, LocalDate evidenceCutoff, OffsetDateTime closedAfter,
            int limit) {
        return jdbc.sql("""
                select deb.id from recouvrement.debtor deb
                where deb.anonymised_at is null
                  and not exists (%s) and not exists (%s) and not exists (%s) and not exists (%s)
                order by deb.id limit :limit""".formatted(OPEN_DOSSIERS, CLAIMS_ALIVE, EVIDENCE_KEPT, NOTES_KEPT))
                .param("asOf", today).param("evidenceCutoff", evidenceCutoff).param("closedAfter", closedAfter)
                .param("limit", limit).query(Long.class).list();
    }

    /** The debtor's dossiers not closed, by number. */
    List<String> openDossiers(long debtorId) {
        return jdbc.sql("select * from (%s) o order by number".formatted(debtorScope(OPEN_DOSSIERS)))
                .param("debtor", debtorId).query(String.class).list();
    }

    /** An invoice and the day it is prescribed. */
    record Prescription(String invoice, LocalDate prescribedOn) {
    }

    /** The debtor's invoices still owed and not prescribed on {@code today}, the latest prescribed first. */
    List<Prescription> claimsAlive(long debtorId, LocalDate today) {
        return jdbc.sql("select * from (%s) alive order by prescribed_on desc, number".formatted(
                        debtorScope(CLAIMS_ALIVE)))
                .param("debtor", debtorId).param("asOf", today)
                .query((rs, row) -> new Prescription(rs.getString("number"),
                        rs.getObject("prescribed_on", LocalDate.class)))
                .list();
    }

    /** The latest prescription among the debtor's invoices a message is evidence for, when later than the cutoff. */
    Optional<Prescription> evidenceKept(long debtorId, LocalDate today, LocalDate evidenceCutoff) {
        return jdbc.sql("select * from (%s) kept order by prescribed_on desc, number limit 1".formatted(
                        debtorScope(EVIDENCE_KEPT)))
                .param("debtor", debtorId).param("asOf", today).param("evidenceCutoff", evidenceCutoff)
                .query((rs, row) -> new Prescription(rs.getString("number"),
                        rs.getObject("prescribed_on", LocalDate.class)))
                .optional();
    }

    /** The latest prescription date of the dossier's invoices, as of {@code today}. */
    LocalDate latestPrescription(long dossierId, LocalDate today) {
        return jdbc.sql("""
                select max(%s) from recouvrement.invoice i join recouvrement.debtor deb on deb.id = i.debtor_id
                where i.dossier_id = :dossier""".formatted(PRESCRIBED_ON))
                .param("dossier", dossierId).param("asOf", today).query(LocalDate.class).single();
    }

    /** The debtor's dossiers, by id. */
    List<Long> dossierIdsOf(long debtorId) {
        return jdbc.sql("select id from recouvrement.dossier where debtor_id = ? order by id").param(debtorId)
                .query(Long.class).list();
    }

    /** The numbers of the debtor's dossiers and invoices: the business keys of their processes. */
    List<String> dossierNumbersOf(long debtorId) {
        return jdbc.sql("select number from recouvrement.dossier where debtor_id = ? order by id").param(debtorId)
                .query(String.class).list();
    }

    List<String> invoiceNumbersOfDossier(long dossierId) {
        return jdbc.sql("select number from recouvrement.invoice where dossier_id = ? order by id").param(dossierId)
                .query(String.class).list();
    }

    List<String> invoiceNumbersOfDebtor(long debtorId) {
        return jdbc.sql("select number from recouvrement.invoice where debtor_id = ? order by id").param(debtorId)
                .query(String.class).list();
    }

    /** One debtor's rows of a rule: the rule's {@code deb} is that debtor. */
    private static String debtorScope(String rule) {
        return "select r.* from recouvrement.debtor deb, lateral (%s) r where deb.id = :debtor".formatted(rule);
    }
}
