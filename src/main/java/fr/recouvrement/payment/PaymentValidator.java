package fr.recouvrement.payment;

import fr.recouvrement.api.FieldProblem;
import fr.recouvrement.api.InvalidInputException;
import fr.recouvrement.calendar.Dates;
import fr.recouvrement.money.Amounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rules of a payment, every broken one reported at once. */
final class PaymentValidator {

    static final int MAX_REFERENCE = 100;

    private PaymentValidator() {
    }

    /**
     * @throws InvalidInputException listing every problem
     */
    static NewPayment validate(PaymentRequest request, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String reference = request.reference() == null ? null : request.reference().strip();
        if (reference == null || reference.isEmpty()) {
            problems.add(new FieldProblem("reference", "La référence du paiement est obligatoire."));
        } else if (reference.length() > MAX_REFERENCE) {
            problems.add(new FieldProblem("reference", "Au plus " + MAX_REFERENCE + " caractères."));
        }
        Amounts.Parsed amount = Amounts.parse(request.amount(), false);
        if (!amount.isValid()) {
            problems.add(new FieldProblem("amount", amount.problem()));
        }
        LocalDate date = null;
        if (request.date() == null || request.date().isBlank()) {
            problems.add(new FieldProblem("date", "La date du paiement est obligatoire."));
        } else {
            Optional<LocalDate> parsed = Dates.parseIso(request.date());
            if (parsed.isEmpty()) {
                problems.add(new FieldProblem("date", "La date « " + request.date() + " » n'est pas une date valide"
                        + " (AAAA-MM-JJ)."));
            } else if (parsed.get().isAfter(today)) {
                problems.add(new FieldProblem("date", "Un paiement ne peut pas être daté du futur (" + parsed.get()
                        + ", nous sommes le " + today + ")."));
            } else {
                date = parsed.get();
            }
        }
        PaymentType type = PaymentType.PAYMENT;
        if (request.type() != null && !request.type().isBlank()) {
            try {
                type = PaymentType.valueOf(request.type().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("type", "Le type doit valoir PAYMENT ou CREDIT_NOTE."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NewPayment(reference, amount.amount(), date, type);
    }
}
