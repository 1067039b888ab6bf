package fr.recouvrement.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The fields of an event, stored as JSON beside its type; only those of its type are set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventPayload(
        EventType type, String reason, Boolean justified, String action, LocalDate date,
        List<Instalment> instalments, String text, String amount, Call call, LocalDate signedOn) {

    /** One instalment; the amount as a decimal string ("500.00"). */
    public record Instalment(LocalDate date, String amount) {
    }

    /** A logged call; {@code calledAt} in Paris time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Call(LocalDateTime calledAt, String phone, String answeredBy, String answererRole,
            CallOutcome outcome, Integer attempt) {
    }

    static EventPayload of(ValidEvent event) {
        return new EventPayload(event.type(), event.reason(), event.justified(),
                event.action() == null ? null : event.action().name(), event.date(),
                event.instalments().isEmpty() ? null : event.instalments().stream()
                        .map(i -> new Instalment(i.date(), i.amount().toPlainString())).toList(),
                event.text(), event.amount() == null ? null : event.amount().toPlainString(), event.call(),
                event.signedOn());
    }
}
