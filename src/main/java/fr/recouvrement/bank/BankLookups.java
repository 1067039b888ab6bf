package fr.recouvrement.bank;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What matching a bank transaction reads of the ledger: dossiers named, debtors by name, likely candidates. */
@Repository
class BankLookups {

    /** Accented letters the bank may have dropped: names are compared without them. */
    private static final String ACCENTED = "àâäáãéèêëíìîïóòôöõúùûüçñÀÂÄÁÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇÑ";
    private static final String PLAIN = "aaaaaeeeeiiiiooooouuuucnAAAAAEEEEIIIIOOOOOUUUUCN";
    private static final String REDUCED_NAME =
            "upper(regexp_replace(translate(%s, '" + ACCENTED + "', '" + PLAIN + "'), '[^A-Za-z0-9]', '', 'g'))";

    private final JdbcClient jdbc;

    BankLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A dossier named in a remittance. */
    record NamedDossier(String number, long debtorId, String reduced) {
    }

    List<NamedDossier> dossiersByReducedNumbers(Collection<String> reduced) {
        if (reduced.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select number, debtor_id, upper(regexp_replace(number, '[^A-Za-z0-9]', '', 'g')) as reduced
                from recouvrement.dossier where upper(regexp_replace(number, '[^A-Za-z0-9]', '', 'g')) in (:reduced)""")
                .param("reduced", reduced)
                .query((rs, row) -> new NamedDossier(rs.getString("number"), rs.getLong("debtor_id"),
                        rs.getString("reduced")))
                .list();
    }

    /** The debtors whose name is the payer's, case, accents, spaces and punctuation aside. */
    List<Long> debtorsNamed(String payerName) {
        return jdbc.sql("select id from recouvrement.debtor where " + REDUCED_NAME.formatted("name") + " = ?")
                .param(reduceName(payerName)).query(Long.class).list();
    }

    /**
     * The debtors an agent names: by SIREN (spaces aside) or by name, case, accents, spaces and punctuation aside.
     */
    List<Long> debtorsNamedBy(String sirenOrName) {
        String siren = sirenOrName.replaceAll("[\\s\u00A0]", "");
        return jdbc.sql("select id from recouvrement.debtor where siren = ? or " + REDUCED_NAME.formatted("name")
                        + " = ? order by id")
                .params(siren, reduceName(sirenOrName)).query(Long.class).list();
    }

    Optional<String> debtorName(long debtorId) {
        return jdbc.sql("select name from recouvrement.debtor where id = ?").param(debtorId).query(String.class)
                .optional();
    }

    /**
     * The three most likely debtors or invoices of a transaction nothing matched: invoices whose balance is the
     * amount, then debtors whose name holds the longest word of the payer's name.
     */
    List<BankEntryRepository.Candidate> candidates(BigDecimal amount, String payerName) {
        List<BankEntryRepository.Candidate> found = new ArrayList<>(jdbc.sql("""
                select i.number, deb.name from recouvrement.invoice i join recouvrement.debtor deb on deb.id = i.debtor_id
                where i.status in ('OPEN', 'PAYMENT_PLAN', 'JUDICIAL', 'DISPUTED')
                  and i.amount - (select coalesce(sum(p.amount), 0) from recouvrement.payment p
                                  where p.invoice_id = i.id) = ?
                order by i.due_date, i.number limit 3""")
                .param(amount)
                .query((rs, row) -> new BankEntryRepository.Candidate(rs.getString("name"), rs.getString("number"),
                        "Solde de la facture égal au montant reçu (" + amount.toPlainString() + ")."))
                .list());
        Optional<String> word = payerName == null ? Optional.empty() : Arrays.stream(plain(payerName).split("[^A-Za-z0-9]+"))
                .filter(w -> w.length() >= 4).max(Comparator.comparingInt(String::length));
        if (found.size() < 3 && word.isPresent()) {
            found.addAll(jdbc.sql("select name from recouvrement.debtor where " + REDUCED_NAME.formatted("name")
                            + " like ? order by name limit ?")
                    .params("%" + word.get().toUpperCase(Locale.ROOT) + "%", 3 - found.size())
                    .query((rs, row) -> new BankEntryRepository.Candidate(rs.getString("name"), null,
                            "Nom proche de celui du payeur (« " + payerName + " »)."))
                    .list());
        }
        return found;
    }

    static String reduceName(String name) {
        return plain(name).replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
