package fr.recouvrement.bank;

import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who paid, and for what, in this order (docs/api.md, «Relevés bancaires»): an invoice or dossier number in the
 * remittance; else the debtor whose payments already came from the payer's IBAN; else the debtor of the payer's name
 * with one open invoice, or an open dossier, of exactly the amount; else nobody, with the three likeliest candidates.
 */
@Component
class TransactionMatcher {

    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;
    private final BankLookups lookups;
    private final BankEntryRepository entries;

    TransactionMatcher(InvoiceRepository invoices, InvoiceLegalAmounts legalAmounts, BankLookups lookups,
            BankEntryRepository entries) {
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
        this.lookups = lookups;
        this.entries = entries;
    }

    /**
     * What matching found.
     *
     * @param debtorId null when unmatched
     * @param named the invoices the remittance names, in the order named (the debtor's only)
     * @param dossier the dossier the remittance names, or whose total the amount is; its invoices come first
     * @param notes what the agent should know: invoices named of another debtor
     */
    record Match(Long debtorId, List<String> named, String dossier, String explanation, List<String> notes,
            List<BankEntryRepository.Candidate> candidates) {

        boolean found() {
            return debtorId != null;
        }
    }

    Match match(CamtEntry.Transaction tx, BigDecimal amount, LocalDate paidOn) {
        List<String> texts = new ArrayList<>(tx.references());
        texts.addAll(tx.unstructured());
        List<String> refs = RemittanceReferences.candidates(texts);
        List<InvoiceView> namedInvoices = invoices.findByReducedNumbers(refs).stream()
                .sorted(Comparator.comparingInt(i -> refs.indexOf(RemittanceReferences.reduce(i.number()))))
                .toList();
        if (!namedInvoices.isEmpty()) {
            long debtorId = namedInvoices.get(0).debtor().id();
            List<String> named = namedInvoices.stream().filter(i -> i.debtor().id() == debtorId)
                    .map(InvoiceView::number).toList();
            List<String> notes = namedInvoices.stream().filter(i -> i.debtor().id() != debtorId)
                    .map(i -> "La facture " + i.number() + ", citée aussi, est celle d'un autre débiteur ("
                            + i.debtor().name() + ") : rien n'y est imputé.")
                    .toList();
            return new Match(debtorId, named, null, (named.size() == 1 ? "Facture " : "Factures ")
                    + String.join(", ", named) + " citée" + (named.size() == 1 ? "" : "s") + " dans le libellé du"
                    + " virement.", notes, List.of());
        }
        List<BankLookups.NamedDossier> dossiers = lookups.dossiersByReducedNumbers(refs);
        if (!dossiers.isEmpty()) {
            BankLookups.NamedDossier dossier = dossiers.stream()
                    .min(Comparator.comparingInt(d -> refs.indexOf(d.reduced()))).orElseThrow();
            return new Match(dossier.debtorId(), List.of(), dossier.number(), "Dossier " + dossier.number()
                    + " cité dans le libellé du virement.", List.of(), List.of());
        }
        if (tx.payerIban() != null && !tx.payerIban().isEmpty()) {
            Optional<Long> debtor = entries.debtorOfPayerIban(tx.payerIban());
            if (debtor.isPresent()) {
                return new Match(debtor.get(), List.of(), null, "Aucune référence dans le libellé ; l'IBAN du payeur ("
                        + tx.payerIban() + ") a déjà payé pour ce débiteur.", List.of(), List.of());
            }
        }
        if (tx.payerName() != null && !tx.payerName().isBlank()) {
            List<Match> byName = new ArrayList<>();
            for (long debtorId : lookups.debtorsNamed(tx.payerName())) {
                List<InvoiceView> open = legalAmounts.complete(invoices.findUnsettledByDebtor(debtorId)).stream()
                        .filter(i -> i.claimableOn(paidOn)).toList();
                open.stream().filter(i -> i.balance().compareTo(amount) == 0).forEach(i -> byName.add(new Match(
                        debtorId, List.of(i.number()), null, "Le nom du payeur (« " + tx.payerName() + " ») est celui"
                        + " du débiteur, et le montant le solde exact de sa facture " + i.number() + ".", List.of(),
                        List.of())));
                open.stream().filter(i -> i.dossier() != null)
                        .collect(Collectors.groupingBy(InvoiceView::dossier,
                                Collectors.reducing(BigDecimal.ZERO, InvoiceView::balance, BigDecimal::add)))
                        .forEach((dossier, total) -> {
                            if (total.compareTo(amount) == 0 && open.stream()
                                    .filter(i -> dossier.equals(i.dossier())).count() > 1) {
                                byName.add(new Match(debtorId, List.of(), dossier, "Le nom du payeur (« "
                                        + tx.payerName() + " ») est celui du débiteur, et le montant le total dû du"
                                        + " dossier " + dossier + ".", List.of(), List.of()));
                            }
                        });
            }
            if (byName.size() == 1) {
                return byName.get(0);
            }
        }
        return new Match(null, List.of(), null, "Ni facture ni dossier cités dans le libellé, ni payeur connu par son"
                + " IBAN, ni débiteur de ce nom avec une facture ou un dossier de ce montant.", List.of(),
                lookups.candidates(amount, tx.payerName()));
    }
}
