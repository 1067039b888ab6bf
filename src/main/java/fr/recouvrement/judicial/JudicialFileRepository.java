package fr.recouvrement.judicial;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The judicial files handed to the legal team, one per dossier; the only writer of the {@code judicial_file} table. */
@Repository
public class JudicialFileRepository {

    private final JdbcClient jdbc;

    JudicialFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the dossier's file, or replaces it when the step runs again. */
    void save(long dossierId, String route, byte[] pdf, String content, OffsetDateTime createdAt) {
        jdbc.sql("""
                insert into recouvrement.judicial_file (dossier_id, route, pdf, content, created_at)
                values (?, ?, ?, cast(? as jsonb), ?)
                on conflict (dossier_id) do update set route = excluded.route, pdf = excluded.pdf,
                    content = excluded.content, created_at = excluded.created_at""")
                .params(dossierId, route, pdf, content, createdAt).update();
    }

    /** The file's content as JSON; empty for a file built before the JSON was kept (rebuilt when its step runs). */
    Optional<String> contentOf(String dossierNumber) {
        return jdbc.sql("""
                select f.content::text from recouvrement.judicial_file f join recouvrement.dossier d on d.id = f.dossier_id
                where d.number = ? and f.content is not null""").param(dossierNumber).query(String.class).optional();
    }

    Optional<byte[]> pdfOf(String dossierNumber) {
        return jdbc.sql("""
                select f.pdf from recouvrement.judicial_file f join recouvrement.dossier d on d.id = f.dossier_id
                where d.number = ? and f.pdf is not null""").param(dossierNumber).query(byte[].class).optional();
    }

    /**
     * Deletes the PDF and the JSON of these dossiers' judicial files at the end of the evidence period; the route and
     * the date stay.
     */
    public void deleteContents(List<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update recouvrement.judicial_file set pdf = null, content = null
                where dossier_id in (:ids) and (pdf is not null or content is not null)""")
                .param("ids", dossierIds).update();
    }
}
