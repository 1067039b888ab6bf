package fr.recouvrement.bank;

import fr.recouvrement.api.TasklistRefusal;
import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.money.Euros;
import fr.recouvrement.payment.PaymentRecorder;
import fr.recouvrement.penalties.InsolvencyClaim;
import fr.recouvrement.scenario.ScenarioStep;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code rapprochement-encaissement}: what the task «Rapprocher un encaissement» shows of a transaction
 * the import could not match (or only in part, or set aside for review), and the agent's decision applied on
 * completion, through the same path as the import ({@link PaymentRecorder#recordReceived}, a reference derived from
 * the transaction).
 *
 * <p>A decision that cannot be applied (more than the amount left, an unknown invoice, another debtor's, a prescribed
 * one) is refused whole by {@link #allocate}, synchronous after the task: the completion rolls back, the task stays
 * open and Tasklist shows the French reason; nothing is written. The REST guard only knows the form's keys, not the
 * ledger: the refusal is made where the ledger is read, under the transaction's lock, in the transaction that writes.
 */
@Component("bankReconciliation")
public class BankReconciliation {

    /** The form's choice and its fields (forms/rapprocher-encaissement.form). */
    static final String CHOICE = "reconciliation";
    static final String INVOICE_LINES = "invoiceAllocations";
    static final String PAYING_DEBTOR = "payingDebtor";
    static final String NOT_CUSTOMER_REASON = "notCustomerReason";
    static final String TO_INVOICES = "FACTURES";
    static final String TO_DEBTOR = "DEBITEUR";
    static final String NOT_CUSTOMER = "PAS_CLIENT";
    /** The task's due date (the diagram's {@code camunda:dueDate}), {@link #DUE_IN} business days after its start. */
    static final String DUE_AT = "reconciliationDueAt";
    /** Money received but not imputed keeps the dossier's reminders running: the agents match it within two days. */
    static final int DUE_IN = 2;

    /** «F-2026-0001 150,00», «F-2026-0001 : 1 234,56 €», «F-2026-0001;150.00». */
    private static final Pattern LINE = Pattern.compile(
            "^(\\S+?)\\s*[;:=]?\\s+([0-9][0-9 \\u00A0\\u202F]*(?:[.,][0-9]+)?)\\s*(?:€|EUR)?$|^(\\S+?)[;:=]([0-9.,]+)$");

    private final BankEntryRepository entries;
    private final BankLookups lookups;
    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;
    private final PaymentRecorder payments;
    private final BusinessCalendar calendar;
    private final Clock clock;

    BankReconciliation(BankEntryRepository entries, BankLookups lookups, InvoiceRepository invoices,
            InvoiceLegalAmounts legalAmounts, PaymentRecorder payments, BusinessCalendar calendar, Clock clock) {
        this.entries = entries;
        this.lookups = lookups;
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
        this.payments = payments;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * «Présenter l'encaissement»: the transaction as the form shows it, in French, and the task's due date: 09:00 Paris
     * {@link #DUE_IN} business days from today.
     */
    @ScenarioStep
    public void present(DelegateExecution execution) {
        BankEntryRepository.Stored entry = entry(execution);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("entryPaidOn", FormDates.french(entry.paidOn()));
        shown.put("entryAmount", Euros.format(entry.amount()));
        shown.put("payerName", orDash(entry.payerName()));
        shown.put("payerIban", orDash(entry.payerIban()));
        shown.put("remittance", orDash(entry.remittance()));
        shown.put("matchExplanation", entry.explanation());
        shown.put("amountToAllocate", Euros.format(entry.unapplied()));
        shown.put(DUE_AT, calendar.at9(calendar.addBusinessDays(LocalDate.now(clock), DUE_IN)));
        List<Map<String, String>> candidates = new ArrayList<>();
        for (BankEntryRepository.Candidate candidate : entry.candidates()) {
            candidates.add(Map.of("debtor", orDash(candidate.debtor()), "invoice", orDash(candidate.invoice()),
                    "reason", candidate.reason()));
        }
        shown.put("candidates", Spin.JSON(candidates));
        if (entry.debtorId() != null) {
            // The shared filters' debtor column, and the task's name after it.
            lookups.debtorName(entry.debtorId()).ifPresent(name -> shown.put("debtorName", name));
        }
        execution.setVariables(shown);
    }

    /** «Imputer l'encaissement»: the agent's decision, applied whole or refused whole. */
    @ScenarioStep
    public void allocate(DelegateExecution execution) {
        long id = id(execution);
        BankEntryRepository.Stored entry = entries.lock(id)
                .orElseThrow(() -> new TasklistRefusal("L'écriture bancaire " + id + " n'existe plus."));
        if (!entry.status().toReconcile()) {
            // Reversed by a later statement, or matched meanwhile: the task has nothing left to do.
            return;
        }
        String choice = text(execution, CHOICE);
        String by = " Rapproché par " + author(execution) + " le " + FormDates.french(LocalDate.now(clock)) + " : ";
        if (TO_INVOICES.equals(choice)) {
            toInvoices(entry, text(execution, INVOICE_LINES), by);
        } else if (TO_DEBTOR.equals(choice)) {
            toDebtor(entry, text(execution, PAYING_DEBTOR), by);
        } else if (NOT_CUSTOMER.equals(choice)) {
            notCustomer(entry, text(execution, NOT_CUSTOMER_REASON), by);
        } else {
            throw new TasklistRefusal("Choisissez ce que devient l'encaissement : imputer sur des factures, sur un"
                    + " débiteur, ou pas un paiement client.");
        }
    }

    private void toInvoices(BankEntryRepository.Stored entry, String lines, String by) {
        Map<String, BigDecimal> asked = parse(lines);
        // Nothing to name only when the transaction's debtor is known and nothing is left: the agent confirms it.
        if (asked.isEmpty() && (entry.unapplied().signum() > 0 || entry.debtorId() == null)) {
            throw new TasklistRefusal("Indiquez au moins une facture et son montant, une par ligne, par exemple"
                    + " « F-2026-0001 150,00 ».");
        }
        Long debtorId = entry.debtorId();
        List<Allocation.Share> shares = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> line : asked.entrySet()) {
            InvoiceView invoice = invoices.findByNumber(line.getKey()).map(legalAmounts::complete)
                    .orElseThrow(() -> new TasklistRefusal("La facture « " + line.getKey() + " » n'existe pas."));
            if (debtorId == null) {
                debtorId = invoice.debtor().id();
            } else if (invoice.debtor().id() != debtorId) {
                throw new TasklistRefusal("La facture " + invoice.number() + " est celle d'un autre débiteur ("
                        + invoice.debtor().name() + ") que " + (entry.debtorId() != null ? "celui de l'encaissement"
                        : "celui de la première facture") + " (" + lookups.debtorName(debtorId).orElse("") + ") : un"
                        + " encaissement va à un seul débiteur.");
            }
            refuseUnpayable(invoice, entry.paidOn());
            if (line.getValue().compareTo(invoice.balance()) > 0) {
                throw new TasklistRefusal("La facture " + invoice.number() + " ne doit plus que "
                        + Euros.format(invoice.balance()) + " : " + Euros.format(line.getValue())
                        + " ne peuvent pas y être imputés.");
            }
            shares.add(new Allocation.Share(invoice.number(), line.getValue()));
        }
        BigDecimal total = shares.stream().map(Allocation.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(entry.unapplied()) > 0) {
            throw new TasklistRefusal("Les imputations (" + Euros.format(total) + ") dépassent le montant restant à"
                    + " imputer (" + Euros.format(entry.unapplied()) + ") : réduisez-les.");
        }
        apply(entry, debtorId, shares, entry.unapplied().subtract(total),
                by + "imputé, à la demande de l'agent, sur les factures désignées", List.of());
    }

    private void toDebtor(BankEntryRepository.Stored entry, String named, String by) {
        if (named.isBlank()) {
            throw new TasklistRefusal("Indiquez le débiteur qui a payé : son SIREN ou son nom.");
        }
        List<Long> found = lookups.debtorsNamedBy(named);
        if (found.isEmpty()) {
            throw new TasklistRefusal("Aucun débiteur n'a le SIREN ou le nom « " + named + " ».");
        }
        if (found.size() > 1) {
            throw new TasklistRefusal("Plusieurs débiteurs répondent à « " + named + " » : donnez le SIREN.");
        }
        long debtorId = found.get(0);
        if (entry.debtorId() != null && entry.debtorId() != debtorId) {
            throw new TasklistRefusal("Cet encaissement est déjà imputé en partie sur "
                    + lookups.debtorName(entry.debtorId()).orElse("un autre débiteur") + " : le reste va au même"
                    + " débiteur.");
        }
        List<InvoiceView> unsettled = legalAmounts.complete(invoices.findUnsettledByDebtor(debtorId));
        Allocation.Result result = Allocation.impute(entry.unapplied(), List.of(),
                StatementImport.debts(unsettled, invoice -> true, entry.paidOn()), entry.paidOn());
        apply(entry, debtorId, result.shares(), result.unapplied(), by + "imputé sur le débiteur "
                + lookups.debtorName(debtorId).orElse("") + " (C. civ. art. 1342-10)", result.notes());
    }

    private void notCustomer(BankEntryRepository.Stored entry, String reason, String by) {
        if (reason.isBlank()) {
            throw new TasklistRefusal("Dites pourquoi ce n'est pas un paiement client (remboursement d'un fournisseur,"
                    + " virement entre nos comptes...).");
        }
        if (!entry.allocations().isEmpty()) {
            throw new TasklistRefusal("Cet encaissement a déjà payé des factures ("
                    + String.join(", ", entry.allocations().stream().map(BankEntryRepository.Allocated::invoice)
                            .toList()) + ") : c'est un paiement client ; imputez le reste sur ce débiteur.");
        }
        entries.recordReconciliation(entry.id(), BankEntryRepository.Status.NOT_CUSTOMER, null,
                BigDecimal.ZERO.setScale(2), entry.explanation() + by + "pas un paiement client. "
                        + reason.strip(), List.of());
    }

    /** Never on a prescribed invoice, nor on one born before the debtor's opening judgment (§13). */
    private static void refuseUnpayable(InvoiceView invoice, LocalDate paidOn) {
        if (invoice.prescribedOn(paidOn)) {
            throw new TasklistRefusal("La facture " + invoice.number() + " est prescrite : rien n'y est imputé"
                    + " (C. civ. 2219 ; docs/droit-francais.md §13).");
        }
        if (invoice.insolvencyClaim() == InsolvencyClaim.ANTERIEURE) {
            throw new TasklistRefusal("La facture " + invoice.number() + " est antérieure au jugement d'ouverture du"
                    + " débiteur : elle est déclarée, jamais payée (C. com. L622-7).");
        }
        if (invoice.status() == InvoiceStatus.CANCELLED) {
            throw new TasklistRefusal("La facture " + invoice.number() + " est annulée : rien n'y est imputé.");
        }
    }

    private void apply(BankEntryRepository.Stored entry, Long debtorId, List<Allocation.Share> shares,
            BigDecimal unapplied, String what, List<String> notes) {
        String reference = StatementImport.paymentReference(entry.account(), entry.entryKey() + "/rapprochement",
                entry.lineNo());
        List<BankEntryRepository.Allocated> allocations = new ArrayList<>(entry.allocations());
        for (Allocation.Share share : shares) {
            payments.recordReceived(share.invoice(), reference, share.amount(), entry.paidOn());
            allocations.add(new BankEntryRepository.Allocated(share.invoice(), reference, share.amount()));
        }
        StringBuilder explanation = new StringBuilder(entry.explanation()).append(what)
                .append(shares.isEmpty() ? ", aucune facture à payer." : ", " + String.join(", ", shares.stream()
                        .map(s -> s.invoice() + " " + s.amount().toPlainString()).toList()) + ".");
        notes.forEach(note -> explanation.append(' ').append(note));
        if (unapplied.signum() > 0) {
            explanation.append(" Avoir du débiteur : ").append(unapplied.toPlainString())
                    .append(" EUR non imputés, à rembourser ou à imputer.");
        }
        entries.recordReconciliation(entry.id(), BankEntryRepository.Status.MATCHED, debtorId, unapplied,
                explanation.toString(), allocations);
    }

    /** One invoice and its amount per line; the same invoice twice is refused rather than guessed. */
    static Map<String, BigDecimal> parse(String lines) {
        Map<String, BigDecimal> asked = new LinkedHashMap<>();
        for (String raw : lines.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher parts = LINE.matcher(line);
            if (!parts.matches()) {
                throw new TasklistRefusal("Ligne « " + line + " » : écrivez le numéro de la facture puis le montant,"
                        + " par exemple « F-2026-0001 150,00 ».");
            }
            String number = parts.group(1) != null ? parts.group(1) : parts.group(3);
            String amountText = (parts.group(2) != null ? parts.group(2) : parts.group(4))
                    .replaceAll("[ \\u00A0\\u202F]", "").replace(',', '.');
            BigDecimal amount;
            try {
                amount = new BigDecimal(amountText);
            } catch (NumberFormatException e) {
                throw new TasklistRefusal("Ligne « " + line + " » : le montant n'est pas un nombre.", e);
            }
            if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
                throw new TasklistRefusal("Ligne « " + line + " » : un montant positif en euros, à deux décimales au"
                        + " plus.");
            }
            if (asked.put(number, amount.setScale(2)) != null) {
                throw new TasklistRefusal("La facture " + number + " est citée deux fois : une ligne par facture.");
            }
        }
        return asked;
    }

    private BankEntryRepository.Stored entry(DelegateExecution execution) {
        long id = id(execution);
        return entries.find(id).orElseThrow(() -> new TasklistRefusal("L'écriture bancaire " + id + " n'existe plus."));
    }

    private static long id(DelegateExecution execution) {
        if (execution.getVariable(ReconciliationTasks.BANK_ENTRY_ID) instanceof Number id) {
            return id.longValue();
        }
        throw new IllegalStateException("Processus " + ReconciliationTasks.PROCESS + " sans bankEntryId");
    }

    private static String text(DelegateExecution execution, String name) {
        return execution.getVariable(name) instanceof String value ? value : "";
    }

    private static String author(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return current == null || current.getUserId() == null ? "un agent" : current.getUserId();
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
