package fr.recouvrement.debtor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Debtors: a company found by SIREN, a consumer by name, e-mail and postal code; the only writer of the {@code debtor}
 * table.
 */
@Repository
public class DebtorRepository {

    private static final String COLUMNS = "id, type, siren, name, segment, email, phone, address_line1, "
            + "address_line2, postal_code, city, country";

    private final JdbcClient jdbc;

    public DebtorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Finds the debtor or creates it (an anonymised consumer is nobody: the same person gets a new row), in one statement so that two concurrent requests for a new debtor get one row;
     * a known company's contact details are replaced by these (the latest win).
     */
    public long upsert(DebtorDetails debtor) {
        String conflict = debtor.type().professional()
                ? "(siren) where type <> 'B2C'"
                : "(lower(name), lower(email), postal_code) where type = 'B2C' and anonymised_at is null";
        return jdbc.sql("""
                insert into recouvrement.debtor (type, siren, name, segment, email, phone,
                    address_line1, address_line2, postal_code, city, country)
                values (:type, :siren, :name, :segment, :email, :phone, :line1, :line2, :postalCode, :city, :country)
                on conflict %s do update set
                    name = excluded.name, segment = excluded.segment, email = excluded.email, phone = excluded.phone,
                    address_line1 = excluded.address_line1, address_line2 = excluded.address_line2,
                    postal_code = excluded.postal_code, city = excluded.city, country = excluded.country,
                    anonymised_at = null, updated_at = now()
                returning id
                """.formatted(conflict))
                .param("type", debtor.type().name())
                .param("siren", debtor.siren())
                .param("name", debtor.name())
                .param("segment", debtor.segment())
                .param("email", debtor.email())
                .param("phone", debtor.phone())
                .param("line1", debtor.address().line1())
                .param("line2", debtor.address().line2())
                .param("postalCode", debtor.address().postalCode())
                .param("city", debtor.address().city())
                .param("country", debtor.address().country())
                .query(Long.class).single();
    }

    /** Locks the debtor's row until the end of the transaction: its dossiers open one at a time. */
    public void lock(long debtorId) {
        jdbc.sql("select id from recouvrement.debtor where id = ? for update").param(debtorId).query(Long.class).single();
    }

    public Optional<Debtor> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from recouvrement.debtor where id = ?")
                .param(id).query(DebtorRepository::map).optional();
    }

    static Debtor map(ResultSet rs, int row) throws SQLException {
        return new Debtor(rs.getLong("id"), new DebtorDetails(
                DebtorType.valueOf(rs.getString("type")), rs.getString("siren"), rs.getString("name"),
                rs.getString("segment"), rs.getString("email"), rs.getString("phone"),
                new Address(rs.getString("address_line1"), rs.getString("address_line2"),
                        rs.getString("postal_code"), rs.getString("city"), rs.getString("country"))));
    }

    /**
     * The registered office the company registry gave (docs/droit-francais.md §4: where the notice goes), if it was
     * consulted.
     */
    public Optional<Address> findRegisteredOffice(long debtorId) {
        return jdbc.sql("""
                select registered_office_line1, registered_office_postal_code, registered_office_city
                from recouvrement.debtor where id = ? and registered_office_line1 is not null""")
                .param(debtorId)
                .query((rs, row) -> new Address(rs.getString(1), null, rs.getString(2), rs.getString(3), "FR"))
                .optional();
    }

    /** The SIREN of the debtor when it is a company; empty for a consumer. */
    public Optional<String> findCompanySiren(long debtorId) {
        return jdbc.sql("select siren from recouvrement.debtor where id = ? and type = 'B2B'").param(debtorId)
                .query(String.class).optional();
    }

    /**
     * What the company registry says of a company's identity (docs/droit-francais.md §6): its catégorie juridique
     * (INSEE code) and its first legal representative, each null when the registry does not name it.
     */
    public record RegisteredIdentity(String legalFormCode, String representativeName, String representativeTitle) {
    }

    /**
     * What the company registry said: active or closed (since when), with its registered office, legal form and
     * representative when it gave them (what it did not give keeps the last one known).
     */
    public void recordRegistryAnswer(long debtorId, String status, OffsetDateTime checkedAt, LocalDate closedOn,
            Address office, RegisteredIdentity identity) {
        jdbc.sql("""
                update recouvrement.debtor set registry_status = :status, registry_checked_at = :checkedAt,
                    closed_on = :closedOn,
                    registered_office_line1 = coalesce(:line1, registered_office_line1),
                    registered_office_postal_code = coalesce(:postalCode, registered_office_postal_code),
                    registered_office_city = coalesce(:city, registered_office_city),
                    legal_form_code = coalesce(:legalForm, legal_form_code),
                    representative_title = case when cast(:representative as varchar) is null then representative_title
                        else :title end,
                    representative_name = coalesce(:representative, representative_name)
                where id = :id""")
                .param("status", status).param("checkedAt", checkedAt).param("closedOn", closedOn)
                .param("line1", office.line1()).param("postalCode", office.postalCode()).param("city", office.city())
                .param("legalForm", identity.legalFormCode())
                .param("representative", identity.representativeName())
                .param("title", identity.representativeTitle())
                .param("id", debtorId)
                .update();
    }

    /** The legal form and representative the company registry gave, if it was consulted and gave one of them. */
    public Optional<RegisteredIdentity> findRegisteredIdentity(long debtorId) {
        return jdbc.sql("""
                select legal_form_code, representative_name, representative_title from recouvrement.debtor
                where id = ? and (legal_form_code is not null or representative_name is not null)""")
                .param(debtorId)
                .query((rs, row) -> new RegisteredIdentity(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The registry was not asked, or knew nothing of the company. */
    public void recordRegistryStatus(long debtorId, String status, OffsetDateTime checkedAt) {
        jdbc.sql("update recouvrement.debtor set registry_status = ?, registry_checked_at = ? where id = ?")
                .params(status, checkedAt, debtorId).update();
    }

    /** The opening judgment of a collective procedure published at BODACC: penalties stop on its date. */
    public void recordInsolvency(long debtorId, LocalDate judgmentDate, LocalDate publishedOn, String kind,
            String court) {
        jdbc.sql("""
                update recouvrement.debtor set insolvency_opened_on = ?, insolvency_published_on = ?,
                    insolvency_kind = ?, insolvency_court = ? where id = ?""")
                .params(judgmentDate, publishedOn, kind, court, debtorId).update();
    }

    /**
     * Replaces what identifies a person by {@code marker} (docs/droit-francais.md §12): a consumer's name, e-mail,
     * phone and address; a company's or public body's contact e-mail and phone and its representative's name (a
     * person, which the registry gives again at the next check), since its name, SIREN and address are not personal
     * data. Running it again changes nothing more.
     */
    public void anonymise(long debtorId, String marker, OffsetDateTime at) {
        jdbc.sql("""
                update recouvrement.debtor set
                    name = case when type = 'B2C' then :marker else name end,
                    email = :marker, phone = null, representative_name = null, representative_title = null,
                    address_line1 = case when type = 'B2C' then :marker else address_line1 end,
                    address_line2 = case when type = 'B2C' then null else address_line2 end,
                    postal_code = case when type = 'B2C' then :marker else postal_code end,
                    city = case when type = 'B2C' then :marker else city end,
                    anonymised_at = coalesce(anonymised_at, :at), updated_at = :at
                where id = :id""")
                .param("marker", marker).param("at", at).param("id", debtorId).update();
    }

    /** An administrator applied the person's request for erasure (RGPD art. 17): who, and when. */
    public void recordErasureRequest(long debtorId, String requestedBy, OffsetDateTime at) {
        jdbc.sql("update recouvrement.debtor set erasure_requested_by = ?, erasure_requested_at = ? where id = ?")
                .params(requestedBy, at, debtorId).update();
    }
}
