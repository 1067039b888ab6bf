package fr.recouvrement.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Payments and credit notes of an invoice (docs/api.md). */
@RestController
@RequestMapping("/api/invoices/{number}/payments")
@Tag(name = "Paiements")
public class PaymentController {

    private final PaymentRecorder recorder;

    public PaymentController(PaymentRecorder recorder) {
        this.recorder = recorder;
    }

    @PostMapping
    @Operation(summary = "Enregistre un paiement ou un avoir",
            description = "201 pour un nouveau paiement ; 200 si la même référence est renvoyée à l'identique (rien"
                    + " n'est créé) ; 409 si la référence existe avec d'autres valeurs. Sur une facture déjà soldée :"
                    + " enregistré, 201 avec un avertissement. Transmis au dossier par le message PaiementRecu.")
    public ResponseEntity<PaymentView> record(@PathVariable String number, @RequestBody PaymentRequest request,
            UriComponentsBuilder uri) {
        PaymentRecorder.Outcome outcome = recorder.record(number, request);
        if (!outcome.created()) {
            return ResponseEntity.ok(outcome.payment());
        }
        URI location = uri.path("/api/invoices/{number}/payments/{reference}")
                .buildAndExpand(number, outcome.payment().reference()).encode().toUri();
        return ResponseEntity.created(location).body(outcome.payment());
    }

    @GetMapping
    @Operation(summary = "Les paiements et avoirs de la facture, par date")
    public List<PaymentView> list(@PathVariable String number) {
        return recorder.list(number);
    }

    @GetMapping("/{reference}")
    @Operation(summary = "Un paiement ou un avoir")
    public PaymentView get(@PathVariable String number, @PathVariable String reference) {
        return recorder.get(number, reference);
    }
}
