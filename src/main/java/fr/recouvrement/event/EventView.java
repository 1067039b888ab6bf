package fr.recouvrement.event;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;

/** A recorded event as the API returns it: who reported what about which invoice, and when. */
public record EventView(
        long id, String invoiceNumber, String dossier, OffsetDateTime createdAt, String createdBy,
        @JsonUnwrapped EventPayload event) {
}
