package fr.recouvrement.bank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one received amount is imputed on a debtor's invoices, Code civil art. 1342-10 (docs/droit-francais.md,
 * «Imputation des paiements»): first the invoices the remittance names, in the order named; the rest on the debts due,
 * those the debtor has the most interest in paying first (bearing late-payment penalties before those that do not),
 * between equals the oldest, and between debts equal in all the pro rata of their balances; then the debts not yet
 * due, in the same order. Never on a prescribed invoice. What is left is a credit on the debtor.
 */
final class Allocation {

    /**
     * An invoice of the debtor with a balance.
     *
     * @param bearsPenalties late-payment penalties (or interest) run on it: the debtor has more interest in paying it
     * @param frozen born before the debtor's opening judgment: declared, never paid (Code de commerce L622-7)
     * @param disputed contested by the debtor: paid only if the remittance names it
     */
    record Debt(String number, BigDecimal balance, LocalDate dueDate, boolean bearsPenalties, boolean prescribed,
            boolean frozen, boolean disputed) {
    }

    /** What one invoice receives. */
    record Share(String invoice, BigDecimal amount) {
    }

    /** The shares in the order they were imputed, what is left, and why a named invoice took nothing. */
    record Result(List<Share> shares, BigDecimal unapplied, List<String> notes) {
    }

    private Allocation() {
    }

    static Result impute(BigDecimal amount, List<String> named, List<Debt> debts, LocalDate paymentDate) {
        Map<String, BigDecimal> left = new LinkedHashMap<>();
        debts.forEach(debt -> left.put(debt.number(), debt.balance()));
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        BigDecimal remaining = amount;
        for (String number : named) {
            Optional<Debt> debt = debts.stream().filter(d -> d.number().equals(number)).findFirst();
            if (debt.isEmpty()) {
                notes.add("La facture " + number + " n'a plus de solde à payer.");
                continue;
            }
            if (debt.get().prescribed()) {
                notes.add("La facture " + number + " est prescrite : rien n'y est imputé.");
                continue;
            }
            if (debt.get().frozen()) {
                notes.add("La facture " + number + " est antérieure au jugement d'ouverture (L622-7) : rien n'y est"
                        + " imputé.");
                continue;
            }
            BigDecimal take = remaining.min(left.get(number));
            if (take.signum() > 0) {
                add(shares, left, number, take);
                remaining = remaining.subtract(take);
            }
        }
        Comparator<Debt> interest = Comparator
                .comparing((Debt d) -> d.dueDate().isAfter(paymentDate))
                .thenComparing(d -> !d.bearsPenalties())
                .thenComparing(Debt::dueDate);
        List<Debt> open = debts.stream()
                .filter(d -> !d.prescribed() && !d.frozen() && !d.disputed())
                .sorted(interest).toList();
        int i = 0;
        while (remaining.signum() > 0 && i < open.size()) {
            List<Debt> equals = new ArrayList<>();
            Debt first = open.get(i);
            while (i < open.size() && interest.compare(first, open.get(i)) == 0) {
                if (left.get(open.get(i).number()).signum() > 0) {
                    equals.add(open.get(i));
                }
                i++;
            }
            BigDecimal total = equals.stream().map(d -> left.get(d.number())).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.signum() == 0) {
                continue;
            }
            if (remaining.compareTo(total) >= 0) {
                for (Debt debt : equals) {
                    add(shares, left, debt.number(), left.get(debt.number()));
                }
                remaining = remaining.subtract(total);
            } else {
                proRata(remaining, equals, left, shares, total);
                remaining = BigDecimal.ZERO.setScale(2);
            }
        }
        List<Share> result = new ArrayList<>();
        shares.forEach((number, share) -> result.add(new Share(number, share)));
        return new Result(result, remaining.setScale(2, RoundingMode.UNNECESSARY), notes);
    }

    /**
     * Shares in proportion to the balances, each rounded down to the cent; the cents this leaves go one each to the
     * debts in order, so that the shares add up to the amount exactly.
     */
    private static void proRata(BigDecimal amount, List<Debt> equals, Map<String, BigDecimal> left,
            Map<String, BigDecimal> shares, BigDecimal total) {
        List<BigDecimal> parts = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (Debt debt : equals) {
            BigDecimal part = amount.multiply(left.get(debt.number())).divide(total, 2, RoundingMode.DOWN);
            parts.add(part);
            given = given.add(part);
        }
        BigDecimal cent = new BigDecimal("0.01");
        for (int k = 0; given.compareTo(amount) < 0; k = (k + 1) % parts.size()) {
            parts.set(k, parts.get(k).add(cent));
            given = given.add(cent);
        }
        for (int k = 0; k < equals.size(); k++) {
            if (parts.get(k).signum() > 0) {
                add(shares, left, equals.get(k).number(), parts.get(k));
            }
        }
    }

    private static void add(Map<String, BigDecimal> shares, Map<String, BigDecimal> left, String number,
            BigDecimal amount) {
        shares.merge(number, amount, BigDecimal::add);
        left.put(number, left.get(number).subtract(amount));
    }
}
