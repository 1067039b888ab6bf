package fr.recouvrement.event;

import fr.recouvrement.api.ForbiddenException;
import fr.recouvrement.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What agents and integrations report about an invoice: disputes, promises, plans, holds, notes (docs/api.md). */
@RestController
@RequestMapping("/api/invoices/{number}/events")
@Tag(name = "Événements")
public class EventController {

    private final EventRecorder recorder;

    public EventController(EventRecorder recorder) {
        this.recorder = recorder;
    }

    @PostMapping
    @Operation(summary = "Signale un événement sur une facture ou son dossier",
            description = "DISPUTE {reason}, DISPUTE_RESOLVED {justified, action: CREDIT_NOTE | CANCEL | RESUME},"
                    + " PROMISE {date}, PAYMENT_PLAN {instalments: [{date, amount}], signed, signedOn},"
                    + " PLAN_SIGNED {signedOn}, HOLD {reason}, RELEASE,"
                    + " NOTE {text}. Transmis au dossier par le message EvenementSignale. 409 quand l'événement porte"
                    + " sur un dossier et que la facture n'est dans aucun dossier en cours, ou qu'il contredit l'état"
                    + " de la facture (litige déjà ouvert, dossier déjà suspendu...). 403 pour DISPUTE_RESOLVED hors"
                    + " responsables recouvrement et administrateurs.")
    public ResponseEntity<EventView> record(@PathVariable String number, @RequestBody EventRequest request,
            Authentication user) {
        EventType type = EventType.parse(request.type());
        if (type != null && !EventRules.mayReport(type, user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList())) {
            throw new ForbiddenException(EventRules.refusal(type));
        }
        EventView event = recorder.record(number, request, user.getName());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(event.id()).toUri();
        return ResponseEntity.created(location).body(event);
    }

    @GetMapping
    @Operation(summary = "Les événements de la facture, du plus ancien au plus récent")
    public List<EventView> list(@PathVariable String number) {
        return recorder.forInvoice(number);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Un événement")
    public EventView get(@PathVariable String number, @PathVariable long id) {
        return recorder.forInvoice(number).stream().filter(event -> event.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Aucun événement " + id + " sur la facture " + number + "."));
    }
}
