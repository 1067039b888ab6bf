package fr.recouvrement.communication;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One message to a debtor, as evidence: what, how, to whom, when (docs/architecture.md §5 and docs/api.md). */
public record CommunicationView(
        long id,
        @Schema(example = "RELANCE_1") String step,
        @Schema(allowableValues = {"EMAIL", "LETTER", "LRAR", "SMS"}) String channel,
        CommunicationStatus status,
        OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime sentAt,
        @Schema(nullable = true) String recipient,
        @Schema(nullable = true) String subject,
        @Schema(nullable = true, description = "Numéro de suivi de la LRAR") String trackingNumber,
        @Schema(description = "Une lettre ou une pièce jointe PDF est conservée (…/communications/{id}/pdf)")
        boolean pdf) {
}
