package fr.recouvrement.payment;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A payment or credit note as the API returns it. */
public record PaymentView(
        @Schema(example = "VIR-2026-11-0042") String reference,
        PaymentType type,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "500.00") BigDecimal amount,
        LocalDate date,
        OffsetDateTime createdAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    PaymentView withWarnings(List<String> newWarnings) {
        return new PaymentView(reference, type, amount, date, createdAt, List.copyOf(newWarnings));
    }
}
