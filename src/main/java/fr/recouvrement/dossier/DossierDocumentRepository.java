package fr.recouvrement.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The documents of the dossiers, content included, in table {@code dossier_document}. */
@Repository
public class DossierDocumentRepository {

    private static final String COLUMNS = "id, file_name, media_type, size_bytes, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public DossierDocumentRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A document with its content. */
    public record Stored(DossierDocument document, byte[] content) {
    }

    long insert(long dossierId, String fileName, String mediaType, byte[] content, String user) {
        return jdbc.sql("""
                insert into recouvrement.dossier_document
                    (dossier_id, file_name, media_type, size_bytes, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(dossierId, fileName, mediaType, content.length, content, user, OffsetDateTime.now(clock))
                .query(Long.class).single();
    }

    /** The dossier's documents, the oldest first. */
    public List<DossierDocument> forDossier(long dossierId) {
        return jdbc.sql("select " + COLUMNS + " from recouvrement.dossier_document where dossier_id = ?"
                        + " order by uploaded_at, id")
                .param(dossierId).query(DossierDocumentRepository::map).list();
    }

    Optional<Stored> find(long dossierId, long id) {
        return jdbc.sql("select " + COLUMNS + ", content from recouvrement.dossier_document"
                        + " where dossier_id = ? and id = ? and content is not null")
                .params(dossierId, id)
                .query((rs, n) -> new Stored(map(rs, n), rs.getBytes("content"))).optional();
    }

    private static DossierDocument map(ResultSet rs, int n) throws SQLException {
        return new DossierDocument(rs.getLong("id"), rs.getString("file_name"), rs.getString("media_type"),
                rs.getInt("size_bytes"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class));
    }

    /**
     * Deletes the content of the documents of these dossiers and replaces their file names (which may name a person)
     * by {@code marker}, at the end of the evidence period; the row stays as the trace of the document.
     */
    public void deleteContents(List<Long> dossierIds, String marker) {
        if (dossierIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update recouvrement.dossier_document set content = null, file_name = :marker
                where dossier_id in (:ids) and content is not null""")
                .param("marker", marker).param("ids", dossierIds).update();
    }
}
