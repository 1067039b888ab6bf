package fr.recouvrement.communication;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One message to a debtor, as evidence: what, how, to whom, when (DESIGN §5 and §6). */
public record CommunicationView(
        long id,
        @Schema(example = "RELANCE_1") String step,
        @Schema(allowableValues = {"EMAIL", "LETTER", "LRAR", "SMS"}) String channel,
        @Schema(allowableValues = {"PENDING", "SENDING", "SENT", "FAILED", "UNKNOWN", "SKIPPED", "CANCELLED"})
        String status,
        OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime sentAt,
        @Schema(nullable = true) String recipient,
        @Schema(nullable = true) String subject,
        @Schema(nullable = true, description = "Numéro de suivi de la LRAR") String trackingNumber) {
}
