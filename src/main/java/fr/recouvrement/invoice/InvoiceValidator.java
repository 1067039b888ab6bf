package fr.recouvrement.invoice;

import static fr.recouvrement.invoice.InvoiceField.AMOUNT;
import static fr.recouvrement.invoice.InvoiceField.CITY;
import static fr.recouvrement.invoice.InvoiceField.COUNTRY;
import static fr.recouvrement.invoice.InvoiceField.CURRENCY;
import static fr.recouvrement.invoice.InvoiceField.DEBTOR_NAME;
import static fr.recouvrement.invoice.InvoiceField.DEBTOR_REFERENCE;
import static fr.recouvrement.invoice.InvoiceField.DESCRIPTION;
import static fr.recouvrement.invoice.InvoiceField.DUE_DATE;
import static fr.recouvrement.invoice.InvoiceField.EMAIL;
import static fr.recouvrement.invoice.InvoiceField.ISSUE_DATE;
import static fr.recouvrement.invoice.InvoiceField.LINE1;
import static fr.recouvrement.invoice.InvoiceField.LINE2;
import static fr.recouvrement.invoice.InvoiceField.NUMBER;
import static fr.recouvrement.invoice.InvoiceField.PERFORMANCE_DATE;
import static fr.recouvrement.invoice.InvoiceField.PHONE;
import static fr.recouvrement.invoice.InvoiceField.RETENTION_OF_TITLE;
import static fr.recouvrement.invoice.InvoiceField.POSTAL_CODE;
import static fr.recouvrement.invoice.InvoiceField.SEGMENT;
import static fr.recouvrement.invoice.InvoiceField.SIREN;
import static fr.recouvrement.invoice.InvoiceField.TYPE;
import static fr.recouvrement.invoice.InvoiceField.VAT_ON_RECEIPT;
import static fr.recouvrement.invoice.InvoiceField.VAT_RATE;

import fr.recouvrement.calendar.Dates;
import fr.recouvrement.debtor.Address;
import fr.recouvrement.debtor.DebtorDetails;
import fr.recouvrement.debtor.DebtorType;
import fr.recouvrement.debtor.KnownSegments;
import fr.recouvrement.debtor.Siren;
import fr.recouvrement.money.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules an invoice must meet before it is stored (issue: ledger), every broken rule reported at once. A payment
 * term beyond the legal caps (docs/droit-francais.md §2) is accepted with a warning.
 */
public final class InvoiceValidator {

    static final Pattern NUMBER_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,50}");
    /** Pragmatic e-mail syntax: one @, no blanks, a dot in the domain; the SMTP server has the last word. */
    private static final Pattern EMAIL_PATTERN =
            Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE_PATTERN = Pattern.compile("\\+?[0-9 .()-]{6,30}");
    private static final Pattern FRENCH_POSTAL_CODE = Pattern.compile("[0-9]{5}");
    private static final Pattern COUNTRY_PATTERN = Pattern.compile("[A-Z]{2}");
    /** L441-10 I: at most 60 days from the invoice date, or 45 days end of month when the contract says so. */
    private static final int MAX_TERM_DAYS = 60;
    private static final int MAX_TERM_DAYS_END_OF_MONTH = 45;
    /**
     * A performance date further back is far more likely a mistyped year than a live claim (docs/droit-francais.md §5):
     * refused rather than made the start of a prescription.
     */
    static final int MAX_PERFORMANCE_YEARS_BACK = 10;
    /** The normal VAT rate (CGI 278), for an invoice that does not give its own. */
    static final BigDecimal DEFAULT_VAT_RATE = new BigDecimal("20.00");

    private InvoiceValidator() {
    }

    /** One problem with one field. */
    public record Problem(InvoiceField field, String message) {
    }

    /** The checked invoice and its warnings, or the problems that prevent storing it. */
    public record Result(NewInvoice invoice, List<String> warnings, List<Problem> problems) {

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    /**
     * @param segments the segments the deployed scenario names (debtor/SegmentCatalogue)
     * @param today the application's day, which a performance date may not be after
     */
    public static Result validate(RawInvoice raw, InputFormat format, KnownSegments segments, LocalDate today) {
        List<Problem> problems = new ArrayList<>();

        String number = raw.get(NUMBER);
        if (number == null) {
            problems.add(new Problem(NUMBER, "Le numéro de facture est obligatoire."));
        } else if (!NUMBER_PATTERN.matcher(number).matches()) {
            problems.add(new Problem(NUMBER,
                    "Le numéro de facture doit compter 1 à 50 caractères parmi lettres, chiffres, point, tiret et souligné."));
        }
        LocalDate issueDate = date(raw, ISSUE_DATE, format, problems, "La date d'émission");
        LocalDate dueDate = date(raw, DUE_DATE, format, problems, "La date d'échéance");
        if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
            problems.add(new Problem(DUE_DATE, "La date d'échéance ne peut pas précéder la date d'émission ("
                    + issueDate + ")."));
        }
        LocalDate performanceDate = performanceDate(raw, format, today, problems);
        BigDecimal amount = amount(raw.get(AMOUNT), format, problems);
        String currency = raw.get(CURRENCY);
        if (currency == null) {
            problems.add(new Problem(CURRENCY, "La devise est obligatoire (EUR)."));
        } else if (!"EUR".equals(currency.toUpperCase(Locale.ROOT))) {
            problems.add(new Problem(CURRENCY, "Seul l'euro (EUR) est accepté."));
        }
        String description = raw.get(DESCRIPTION);
        maxLength(DESCRIPTION, description, 500, problems);
        String debtorReference = raw.get(DEBTOR_REFERENCE);
        maxLength(DEBTOR_REFERENCE, debtorReference, 100, problems);
        boolean retentionOfTitle = retentionOfTitle(raw.get(RETENTION_OF_TITLE), problems);
        BigDecimal vatRate = vatRate(raw.get(VAT_RATE), format, problems);
        boolean vatOnReceipt = vatOnReceipt(raw.get(VAT_ON_RECEIPT), problems);

        DebtorDetails debtor = debtor(raw, segments, problems);

        if (!problems.isEmpty()) {
            return new Result(null, List.of(), List.copyOf(problems));
        }
        NewInvoice invoice = new NewInvoice(number, issueDate, dueDate, performanceDate, amount, "EUR", description,
                debtorReference, retentionOfTitle, vatRate, vatOnReceipt, debtor);
        return new Result(invoice, warnings(invoice), List.of());
    }

    private static DebtorDetails debtor(RawInvoice raw, KnownSegments segments, List<Problem> problems) {
        String name = required(raw, DEBTOR_NAME, "Le nom du débiteur est obligatoire.", problems);
        maxLength(DEBTOR_NAME, name, 200, problems);
        DebtorType type = choice(raw, TYPE, DebtorType.class, "Le type de débiteur", problems);
        String segment = segment(raw, segments, problems);

        String siren = raw.get(SIREN);
        if (siren != null) {
            siren = siren.replace(" ", "");
        }
        if (siren == null && type != null && type.professional()) {
            problems.add(new Problem(SIREN, "Le SIREN est obligatoire pour une entreprise (B2B) ou une personne publique (PUBLIC)."));
        } else if (siren != null && !Siren.isValid(siren)) {
            problems.add(new Problem(SIREN, "Le SIREN doit compter 9 chiffres et respecter la clé de Luhn."));
        }

        String email = required(raw, EMAIL, "L'adresse e-mail du débiteur est obligatoire.", problems);
        if (email != null && (email.length() > 254 || !EMAIL_PATTERN.matcher(email).matches())) {
            problems.add(new Problem(EMAIL, "L'adresse e-mail n'est pas valide."));
        }
        String phone = raw.get(PHONE);
        if (phone != null && !PHONE_PATTERN.matcher(phone).matches()) {
            problems.add(new Problem(PHONE, "Le numéro de téléphone n'est pas valide."));
        }

        String line1 = required(raw, LINE1, "L'adresse (ligne 1) est obligatoire.", problems);
        maxLength(LINE1, line1, 200, problems);
        String line2 = raw.get(LINE2);
        maxLength(LINE2, line2, 200, problems);
        String city = required(raw, CITY, "La ville est obligatoire.", problems);
        maxLength(CITY, city, 100, problems);
        String country = required(raw, COUNTRY, "Le pays est obligatoire (code ISO à deux lettres, FR).", problems);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRY_PATTERN.matcher(country).matches()) {
                problems.add(new Problem(COUNTRY, "Le pays doit être un code ISO à deux lettres (FR, BE...)."));
            }
        }
        String postalCode = required(raw, POSTAL_CODE, "Le code postal est obligatoire.", problems);
        if (postalCode != null) {
            if ("FR".equals(country) && !FRENCH_POSTAL_CODE.matcher(postalCode).matches()) {
                problems.add(new Problem(POSTAL_CODE, "Un code postal français compte 5 chiffres."));
            } else {
                maxLength(POSTAL_CODE, postalCode, 20, problems);
            }
        }
        if (type == null || segment == null) {
            return null;
        }
        return new DebtorDetails(type, siren, name, segment, email, phone,
                new Address(line1, line2, postalCode, city, country));
    }

    private static List<String> warnings(NewInvoice invoice) {
        if (invoice.debtor().type() != DebtorType.B2B) {
            return List.of();
        }
        LocalDate sixtyDays = invoice.issueDate().plusDays(MAX_TERM_DAYS);
        LocalDate endOfMonth = invoice.issueDate().plusDays(MAX_TERM_DAYS_END_OF_MONTH)
                .with(TemporalAdjusters.lastDayOfMonth());
        LocalDate cap = sixtyDays.isAfter(endOfMonth) ? sixtyDays : endOfMonth;
        if (!invoice.dueDate().isAfter(cap)) {
            return List.of();
        }
        long term = ChronoUnit.DAYS.between(invoice.issueDate(), invoice.dueDate());
        return List.of("Facture " + invoice.number() + " : délai de paiement de " + term
                + " jours, au-delà des plafonds légaux entre professionnels (60 jours date de facture ou 45 jours fin de"
                + " mois, Code de commerce L441-10) ; facture enregistrée.");
    }

    private static String required(RawInvoice raw, InvoiceField field, String message, List<Problem> problems) {
        String value = raw.get(field);
        if (value == null) {
            problems.add(new Problem(field, message));
        }
        return value;
    }

    /** Absent: no clause. JSON sends a boolean, a CSV cell true or false (oui or non, as a French sheet writes it). */
    private static boolean retentionOfTitle(String value, List<Problem> problems) {
        if (value == null) {
            return false;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "oui" -> {
                return true;
            }
            case "false", "non" -> {
                return false;
            }
            default -> {
                problems.add(new Problem(RETENTION_OF_TITLE, "La réserve de propriété vaut true ou false (oui ou non), pas « "
                        + value + " »."));
                return false;
            }
        }
    }

    private static void maxLength(InvoiceField field, String value, int max, List<Problem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, "Au plus " + max + " caractères."));
        }
    }

    private static <E extends Enum<E>> E choice(RawInvoice raw, InvoiceField field, Class<E> type, String label,
            List<Problem> problems) {
        String value = raw.get(field);
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null) {
            problems.add(new Problem(field, label + " est obligatoire (" + allowed + ")."));
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(field, label + " doit valoir " + allowed + "."));
            return null;
        }
    }

    /**
     * A segment the deployed scenario DMN names, read in any case like the other choices and returned in the DMN's
     * spelling (the DMN compares strings exactly); the message lists the known ones.
     */
    private static String segment(RawInvoice raw, KnownSegments segments, List<Problem> problems) {
        String known = segments.values().isEmpty() ? "le scénario de recouvrement déployé n'en nomme aucun"
                : "segments connus du scénario de recouvrement déployé : " + segments.listed();
        String value = raw.get(SEGMENT);
        if (value == null) {
            problems.add(new Problem(SEGMENT, "Le segment est obligatoire (" + known + ")."));
            return null;
        }
        Optional<String> segment = segments.find(value);
        if (segment.isEmpty()) {
            problems.add(new Problem(SEGMENT, "Le segment « " + value + " » est inconnu ; " + known + "."));
        }
        return segment.orElse(null);
    }

    /**
     * Optional; before or after the issue date alike, since goods and services are invoiced in advance as well as after
     * the fact. Not in the future: a prescription cannot start on a day that has not come.
     */
    private static LocalDate performanceDate(RawInvoice raw, InputFormat format, LocalDate today,
            List<Problem> problems) {
        if (raw.get(PERFORMANCE_DATE) == null) {
            return null;
        }
        LocalDate date = date(raw, PERFORMANCE_DATE, format, problems, "La date d'exécution");
        if (date == null) {
            return null;
        }
        if (date.isAfter(today)) {
            problems.add(new Problem(PERFORMANCE_DATE, "La date d'exécution ne peut pas être postérieure à aujourd'hui ("
                    + today + ")."));
        } else if (date.isBefore(today.minusYears(MAX_PERFORMANCE_YEARS_BACK))) {
            problems.add(new Problem(PERFORMANCE_DATE, "La date d'exécution ne peut pas remonter à plus de "
                    + MAX_PERFORMANCE_YEARS_BACK + " ans (" + today.minusYears(MAX_PERFORMANCE_YEARS_BACK) + ")."));
        }
        return date;
    }

    private static LocalDate date(RawInvoice raw, InvoiceField field, InputFormat format, List<Problem> problems,
            String label) {
        String value = raw.get(field);
        if (value == null) {
            problems.add(new Problem(field, label + " est obligatoire."));
            return null;
        }
        Optional<LocalDate> date = format == InputFormat.CSV ? Dates.parseIsoOrFrench(value) : Dates.parseIso(value);
        if (date.isEmpty()) {
            problems.add(new Problem(field, label + " « " + value + " » n'est pas une date valide ("
                    + (format == InputFormat.CSV ? "AAAA-MM-JJ ou JJ/MM/AAAA" : "AAAA-MM-JJ") + ")."));
        }
        return date.orElse(null);
    }

    /** The VAT rate in percent, 20 % (the normal rate, CGI 278) when not given; from 0 to 100, two decimals at most. */
    private static BigDecimal vatRate(String value, InputFormat format, List<Problem> problems) {
        if (value == null) {
            return DEFAULT_VAT_RATE;
        }
        String text = format == InputFormat.CSV ? value.replace(',', '.') : value;
        try {
            BigDecimal rate = new BigDecimal(text.replace("%", "").strip());
            if (rate.signum() >= 0 && rate.compareTo(BigDecimal.valueOf(100)) <= 0 && rate.stripTrailingZeros().scale() <= 2) {
                return rate.setScale(2, RoundingMode.UNNECESSARY);
            }
        } catch (NumberFormatException | ArithmeticException notANumber) {
            // reported below, with the rule
        }
        problems.add(new Problem(VAT_RATE, "Le taux de TVA est un pourcentage de 0 à 100, deux décimales au plus"
                + " (20, 10, 5.5, 2.1)."));
        return null;
    }

    private static boolean vatOnReceipt(String value, List<Problem> problems) {
        if (value == null || "false".equalsIgnoreCase(value)) {
            return false;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        problems.add(new Problem(VAT_ON_RECEIPT, "vatOnReceipt vaut true (TVA exigible à l'encaissement) ou false."));
        return false;
    }

    private static BigDecimal amount(String value, InputFormat format, List<Problem> problems) {
        Amounts.Parsed parsed = Amounts.parse(value, format == InputFormat.CSV);
        if (!parsed.isValid()) {
            problems.add(new Problem(AMOUNT, parsed.problem()));
        }
        return parsed.amount();
    }
}
