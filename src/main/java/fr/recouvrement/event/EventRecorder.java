package fr.recouvrement.event;

import fr.recouvrement.api.ConflictException;
import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.dossier.DossierMessages;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.engine.EngineTransaction;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Service;

/**
 * Records an event about an invoice, applies it to the ledger, and tells the dossier's process through the message
 * {@code EvenementSignale}, all in one {@link EngineTransaction}.
 */
@Service
public class EventRecorder {

    /** Events the dossier's process is not told of. */
    private static final Set<EventType> QUIET = EnumSet.of(EventType.NOTE, EventType.CALL, EventType.PLAN_SIGNED);

    private final EventRepository events;
    private final InvoiceRepository invoices;
    private final DossierRepository dossiers;
    private final DossierMessages messages;
    private final EngineTransaction transaction;
    private final Clock clock;

    public EventRecorder(EventRepository events, InvoiceRepository invoices, DossierRepository dossiers,
            DossierMessages messages, EngineTransaction transaction, Clock clock) {
        this.events = events;
        this.invoices = invoices;
        this.dossiers = dossiers;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
    }

    public EventView record(String invoiceNumber, EventRequest request, String user) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        ValidEvent event = EventValidator.validate(request, now);
        long id = transaction.execute(status -> recordOnce(invoiceNumber, event, user, today, true));
        return events.findById(id).orElseThrow();
    }

    /**
     * Records an event decided inside the dossier's own process (a dispute resolved in its task): the ledger changes,
     * the process needs no message about its own decision. Runs in the caller's (the job's) transaction.
     */
    public EventView recordFromDossier(String invoiceNumber, EventRequest request, String user) {
        LocalDateTime now = LocalDateTime.now(clock);
        long id = recordOnce(invoiceNumber, EventValidator.validate(request, now), user, now.toLocalDate(), false);
        return events.findById(id).orElseThrow();
    }

    private long recordOnce(String invoiceNumber, ValidEvent event, String user, LocalDate today, boolean notify) {
        EventRepository.InvoiceState invoice = events.lockInvoice(invoiceNumber)
                .orElseThrow(() -> NotFoundException.invoice(invoiceNumber));
        if (event.type().needsDossier() && !invoice.inOpenDossier()) {
            throw new ConflictException("La facture " + invoiceNumber + " n'est dans aucun dossier de recouvrement en"
                    + " cours : un événement " + event.type() + " porte sur un dossier.");
        }
        // A plan covers the dossier's open invoices: read before the plan moves them out of OPEN. A signature
        // returned later covers the invoices under the plan the dossier follows.
        List<Long> covered = switch (event.type()) {
            case PAYMENT_PLAN -> events.openInvoiceIds(invoice.dossierId());
            case PLAN_SIGNED -> events.plannedInvoiceIds(invoice.dossierId());
            default -> List.of();
        };
        if (event.type() == EventType.PLAN_SIGNED && covered.isEmpty()) {
            throw new ConflictException("Le dossier " + invoice.dossierNumber() + " ne suit aucun échéancier :"
                    + " rien à signer. Un échéancier signé dès sa saisie s'enregistre avec signed et signedOn.");
        }
        apply(invoice, event, today);
        EventPayload payload = EventPayload.of(event);
        long id = events.insert(invoice, payload, user);
        if (event.signedOn() != null) {
            // The debtor's signature acknowledges each covered debt on that day (Code civil 2240); a typed plan does not.
            events.acknowledge(covered, id, event.signedOn());
        }
        // A signature changes prescription, not the course of the dossier's process.
        if (notify && invoice.inOpenDossier() && !QUIET.contains(event.type())) {
            correlate(invoice, payload);
        }
        return id;
    }

    private void apply(EventRepository.InvoiceState invoice, ValidEvent event, LocalDate today) {
        switch (event.type()) {
            case DISPUTE -> {
                if (invoice.status() == InvoiceStatus.PAID || invoice.status() == InvoiceStatus.CANCELLED) {
                    throw new ConflictException("La facture " + invoice.number() + " est soldée : rien à contester.");
                }
                if (invoice.status() == InvoiceStatus.DISPUTED) {
                    throw new ConflictException("La facture " + invoice.number() + " est déjà en litige.");
                }
                invoices.setStatus(invoice.id(), InvoiceStatus.DISPUTED);
            }
            case DISPUTE_RESOLVED -> {
                if (invoice.status() != InvoiceStatus.DISPUTED) {
                    throw new ConflictException("La facture " + invoice.number() + " n'est pas en litige.");
                }
                invoices.setStatus(invoice.id(), event.action() == ValidEvent.ResolutionAction.CANCEL
                        ? InvoiceStatus.CANCELLED : InvoiceStatus.OPEN);
            }
            case PROMISE -> dossiers.promise(invoice.dossierId(), event.date(), event.amount());
            case PAYMENT_PLAN -> startPlan(invoice, event);
            case HOLD -> {
                if (invoice.onHold()) {
                    throw new ConflictException("Le dossier " + invoice.dossierNumber() + " est déjà suspendu.");
                }
                dossiers.hold(invoice.dossierId(), today);
            }
            case RELEASE -> {
                if (!invoice.onHold()) {
                    throw new ConflictException("Le dossier " + invoice.dossierNumber() + " n'est pas suspendu.");
                }
                // The hold's length moves the dossier's remaining steps.
                dossiers.release(invoice.dossierId(), today);
            }
            case CALL, NOTE, PLAN_SIGNED -> {
                // Kept as a record only; a signature's acknowledgements are recorded with the event.
            }
        }
    }

    /** A plan covers exactly what the dossier's open invoices still owe; they then follow the plan. */
    private void startPlan(EventRepository.InvoiceState invoice, ValidEvent event) {
        BigDecimal due = invoices.openBalanceOfDossier(invoice.dossierId());
        if (event.planTotal().compareTo(due) != 0) {
            throw new InvalidInputException("instalments", "Le total de l'échéancier ("
                    + event.planTotal().toPlainString() + " EUR) doit égaler le montant dû du dossier ("
                    + due.toPlainString() + " EUR).");
        }
        invoices.changeStatusInDossier(invoice.dossierId(), Set.of(InvoiceStatus.OPEN), InvoiceStatus.PAYMENT_PLAN);
    }

    /** Tells the dossier's process, if one waits for the message; the ledger is already up to date either way. */
    private void correlate(EventRepository.InvoiceState invoice, EventPayload payload) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("eventType", payload.type().name());
        variables.put("invoiceNumber", invoice.number());
        // A dispute's reason is shown by "Résoudre le litige"; a hold's is free text no form of the dossier shows, kept
        // in the ledger only (docs/architecture.md §1, «Personal data in process variables»).
        if (payload.type() == EventType.DISPUTE) {
            putIfSet(variables, "reason", payload.reason());
        }
        putIfSet(variables, "justified", payload.justified());
        putIfSet(variables, "action", payload.action());
        putIfSet(variables, "promiseDate", payload.date() == null ? null : payload.date().toString());
        // A JSON variable, so that a Camunda Form can show the plan as a table.
        putIfSet(variables, "instalments", payload.instalments() == null ? null : Spin.JSON(payload.instalments()));
        messages.send(invoice.dossierNumber(), DossierMessages.EVENT_REPORTED, variables);
    }

    private static void putIfSet(Map<String, Object> variables, String name, Object value) {
        if (value != null) {
            variables.put(name, value);
        }
    }

    public List<EventView> forInvoice(String invoiceNumber) {
        if (!events.invoiceExists(invoiceNumber)) {
            throw NotFoundException.invoice(invoiceNumber);
        }
        return events.forInvoice(invoiceNumber);
    }
}
