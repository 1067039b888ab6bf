package fr.recouvrement.invoice;

import fr.recouvrement.api.ConflictException;
import fr.recouvrement.api.FieldProblem;
import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.debtor.SegmentCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Invoices: register one, read one, list them (docs/api.md). */
@RestController
@RequestMapping("/api/invoices")
@Tag(name = "Factures")
public class InvoiceController {

    private static final int MAX_PAGE_SIZE = 200;

    private final InvoiceRegistration registration;
    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;
    private final SegmentCatalogue segments;
    /** Today's date bounds the performance dates (simulated time included). */
    private final Clock clock;

    public InvoiceController(InvoiceRegistration registration, InvoiceRepository invoices,
            InvoiceLegalAmounts legalAmounts, SegmentCatalogue segments, Clock clock) {
        this.registration = registration;
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
        this.segments = segments;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Enregistre une facture et son débiteur, et démarre son suivi",
            description = "201 pour une nouvelle facture ; 200 si la même facture est déjà enregistrée (rien n'est"
                    + " créé) ; 409 si le numéro est déjà pris par une facture différente ; 400 avec chaque erreur.")
    public ResponseEntity<InvoiceView> register(@RequestBody InvoiceRequest request) {
        InvoiceValidator.Result checked = InvoiceValidator.validate(request.toRaw(), InputFormat.API,
                segments.current(), LocalDate.now(clock));
        if (!checked.isValid()) {
            List<FieldProblem> problems = checked.problems().stream()
                    .map(problem -> new FieldProblem(problem.field().jsonPath(), problem.message())).toList();
            if (request.debtor() == null) {
                problems = missingObject(problems, "debtor", "Le débiteur est obligatoire.");
            } else if (request.debtor().address() == null) {
                problems = missingObject(problems, "debtor.address", "L'adresse du débiteur est obligatoire.");
            }
            throw new InvalidInputException(problems);
        }
        InvoiceRegistration.Outcome outcome;
        try {
            outcome = registration.register(checked.invoice());
        } catch (InvoiceConflictException e) {
            throw new ConflictException(e.getMessage(), e.differences().stream()
                    .map(field -> new FieldProblem(field.jsonPath(), "Diffère de la facture déjà enregistrée."))
                    .toList());
        }
        InvoiceView body = legalAmounts.complete(outcome.invoice()).withWarnings(checked.warnings());
        if (!outcome.created()) {
            return ResponseEntity.ok(body);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{number}")
                .buildAndExpand(body.number()).toUri();
        return ResponseEntity.created(location).body(body);
    }

    @GetMapping("/{number}")
    @Operation(summary = "Une facture, ses montants, son statut et son étape")
    public InvoiceView get(@PathVariable String number) {
        return invoices.findByNumber(number).map(legalAmounts::complete)
                .orElseThrow(() -> NotFoundException.invoice(number));
    }

    /** One page of a list. */
    public record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
    }

    @GetMapping
    @Operation(summary = "Les factures, les plus récentes d'abord",
            description = "Filtres : status, debtor (SIREN du débiteur), dossier (numéro de dossier).")
    public PageView<InvoiceView> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String debtor, @RequestParam(required = false) String dossier,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        InvoiceStatus statusFilter = null;
        if (status != null && !status.isBlank()) {
            try {
                statusFilter = InvoiceStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "Statut inconnu ; valeurs : "
                        + java.util.Arrays.toString(InvoiceStatus.values()) + "."));
            }
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "La page commence à 0."));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "La taille de page va de 1 à " + MAX_PAGE_SIZE + "."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        InvoiceRepository.Page result = invoices.list(new InvoiceRepository.Filter(statusFilter,
                blankToNull(debtor), blankToNull(dossier)), page, size);
        return new PageView<>(legalAmounts.complete(result.items()), page, size, result.totalItems(),
                (result.totalItems() + size - 1) / size);
    }

    /** One problem for a missing object rather than one per field inside it. */
    private static List<FieldProblem> missingObject(List<FieldProblem> problems, String path, String message) {
        List<FieldProblem> collapsed = new java.util.ArrayList<>(problems.stream()
                .filter(problem -> !problem.field().startsWith(path + ".")).toList());
        collapsed.add(new FieldProblem(path, message));
        return collapsed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
