package fr.recouvrement.communication;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores the communications of the scenario under their unique key (dossier or invoice, step, occurrence), in the
 * caller's transaction: a retried job finds the row already there and stores nothing more (DESIGN §6). Rendering and
 * sending come with the communications issue; until then a row records what is to be sent.
 */
@Component
public class CommunicationOutbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    public CommunicationOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What to store: for an invoice's own step (pre-due reminder) or for its dossier's. */
    public record Message(Long dossierId, Long invoiceId, String step, int occurrence, String channel, String status,
            String recipient, String subject) {
    }

    /** @return true when stored, false when the same step and occurrence was already there */
    public boolean store(Message message) {
        String conflict = message.dossierId() != null
                ? "(dossier_id, step, occurrence) where dossier_id is not null"
                : "(invoice_id, step, occurrence) where dossier_id is null";
        return jdbc.sql("""
                insert into recouvrement.communication (dossier_id, invoice_id, step, occurrence, channel, status,
                    recipient, subject, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict %s do nothing""".formatted(conflict))
                .params(message.dossierId(), message.invoiceId(), message.step(), message.occurrence(),
                        message.channel(), message.status(), message.recipient(), message.subject(),
                        // The application's clock, not the database's: the spacing of messages is computed from it.
                        OffsetDateTime.ofInstant(clock.instant(), clock.getZone()))
                .update() == 1;
    }
}
