package fr.recouvrement.penalties;

import fr.recouvrement.debtor.DebtorType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * docs/droit-francais.md §1, §3, §5 and §10 applied to one invoice: penalties or legal interest, the 40 EUR indemnity,
 * prescription.
 *
 * <ul>
 *   <li>B2B: penalties from the day after the due date at the half-year's rate (contractual, else ECB + 10), on the
 *       balance left by payments and credit notes; 40 EUR once when the invoice was not settled on its due date.
 *   <li>B2C: never a penalty, an indemnity or a fee; legal interest ("autres cas") from the day after the debtor
 *       received the mise en demeure.
 *   <li>An invoice performed before a judgment opening a collective procedure (L622-7) may no longer be paid: its
 *       penalties or interest stop on the judgment's day, the last day that bears them is the day before (L622-28),
 *       and the 40 EUR is owed only if it was already late then (L441-10 II: no late payment can arise once payment
 *       is forbidden). An invoice performed on or after that day (L622-17) bears both as usual.
 *   <li>A cancelled invoice (fully credited, or cancelled after a justified dispute) owes nothing more.
 *   <li>Prescription: 5 years (B2B) or 2 years (B2C) after the performance date, or 31 December of the fourth year
 *       after the year of performance (PUBLIC, loi 68-1250), restarted by each acknowledgement of
 *       the debt by the debtor (a payment; a payment plan the debtor signed, from its signature date; never a plan an
 *       agent merely typed, a credit note or a mise en demeure) made on or before the prescription date it would
 *       extend: once prescribed, an invoice is not revived by a later payment. A 29 February start ends on 28
 *       February.
 * </ul>
 */
@Component
public class LatePaymentLaw {

    static final BigDecimal INDEMNITY = new BigDecimal("40.00");
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    public static final int PRESCRIPTION_YEARS_B2B = 5;
    public static final int PRESCRIPTION_YEARS_B2C = 2;
    /** Loi 68-1250, art. 1: four years from 1 January of the year after the debt arose. */
    public static final int PRESCRIPTION_YEARS_PUBLIC = 4;
    /**
     * The length of the period in whole years, by debtor type, for an SQL query over {@code deb}: the shortest a
     * period can run from its start, so a lower bound of every prescription date.
     */
    public static final String PRESCRIPTION_YEARS_SQL = "case deb.type when 'B2B' then %d when 'PUBLIC' then %d else %d end"
            .formatted(PRESCRIPTION_YEARS_B2B, PRESCRIPTION_YEARS_PUBLIC, PRESCRIPTION_YEARS_B2C);

    private final RateTable rates;

    public LatePaymentLaw(RateTable rates) {
        this.rates = rates;
    }

    public LegalAmounts apply(InvoiceFacts invoice, LocalDate today) {
        if (invoice.cancelled()) {
            return new LegalAmounts(ZERO, ZERO, prescriptionDate(invoice), InsolvencyClaim.of(invoice), List.of(),
                    List.of());
        }
        List<Reduction> reductions = Stream.concat(invoice.payments().stream(), invoice.creditNotes().stream()).toList();
        InsolvencyClaim insolvencyClaim = InsolvencyClaim.of(invoice);
        // A claim born before the judgment runs no more from the judgment's day on.
        LocalDate runsUntil = insolvencyClaim == InsolvencyClaim.ANTERIEURE
                && !invoice.insolvencyOpenedOn().isAfter(today) ? invoice.insolvencyOpenedOn() : today.plusDays(1);
        LocalDate lastDay = runsUntil.minusDays(1);
        List<String> warnings = new ArrayList<>();
        BigDecimal penalties;
        BigDecimal indemnity;
        List<InterestPeriod> periods = List.of();
        if (invoice.debtorType() == DebtorType.B2B) {
            SimpleInterest.Result interest = SimpleInterest.compute(invoice.amount(), invoice.dueDate().plusDays(1),
                    lastDay, reductions, rates::penaltyRate);
            penalties = interest.amount();
            periods = interest.periods();
            missingRates(interest, "le taux BCE", warnings);
            indemnity = unpaidAfterDueDate(invoice, reductions, lastDay) ? INDEMNITY : ZERO;
        } else if (invoice.debtorType() == DebtorType.PUBLIC) {
            // R2192-31: one rate, that of the half-year in which interest began to run, for the whole period.
            HalfYear started = HalfYear.of(invoice.dueDate().plusDays(1));
            Optional<BigDecimal> rate = rates.publicProcurementRate(started);
            SimpleInterest.Result interest = SimpleInterest.compute(invoice.amount(), invoice.dueDate().plusDays(1),
                    lastDay, reductions, halfYear -> rate);
            penalties = interest.amount();
            periods = interest.periods();
            if (!interest.missingRates().isEmpty()) {
                missingRates(new SimpleInterest.Result(null, List.of(), List.of(started)), "le taux BCE", warnings);
            }
            indemnity = unpaidAfterDueDate(invoice, reductions, lastDay) ? INDEMNITY : ZERO;
        } else {
            indemnity = ZERO;
            if (invoice.noticeReceivedOn() == null) {
                penalties = ZERO;
            } else {
                SimpleInterest.Result interest = SimpleInterest.compute(invoice.amount(),
                        invoice.noticeReceivedOn().plusDays(1), lastDay, reductions, rates::legalRate);
                penalties = interest.amount();
                periods = interest.periods();
                missingRates(interest, "le taux d'intérêt légal", warnings);
            }
        }
        return new LegalAmounts(penalties, indemnity, prescriptionDate(invoice), insolvencyClaim,
                List.copyOf(warnings), periods);
    }

    /**
     * {@link #prescriptionDate} in SQL, for an invoice {@code i} of a debtor {@code deb}, counting the acknowledgements
     * dated on or before {@code :asOf}: so that a portfolio's prescription dates are read in one query. Change both
     * together; KpiPrescriptionTest checks that they agree. PostgreSQL also turns 29 February into 28 February.
     *
     * <p>The chain of restarts, without a loop: among the performance date and the later acknowledgements, the first
     * whose period holds no further acknowledgement ends it, and the invoice is prescribed at the end of that period.
     */
    public static final String PRESCRIPTION_DATE_SQL = """
            (with start(d) as (select coalesce(i.performance_date, i.issue_date)),
             interruption(d) as (
                 select s.d from start s
                 union
                 select p.paid_on from recouvrement.payment p, start s
                 where p.invoice_id = i.id and p.type = 'PAYMENT' and p.paid_on > s.d
                   and p.paid_on <= cast(:asOf as date)
                 union
                 select a.acknowledged_on from recouvrement.debt_acknowledgement a, start s
                 where a.invoice_id = i.id and a.acknowledged_on > s.d
                   and a.acknowledged_on <= cast(:asOf as date)),
             period(d, ends) as (
                 select d, case when deb.type = 'PUBLIC'
                                then make_date(cast(extract(year from d) as int) + %d, 12, 31)
                                else cast(d + make_interval(years => %s) as date) end
                 from interruption)
             select min(a.ends) from period a
             where not exists (select 1 from interruption b where b.d > a.d and b.d <= a.ends))"""
            .formatted(PRESCRIPTION_YEARS_PUBLIC, PRESCRIPTION_YEARS_SQL);

    static LocalDate prescriptionDate(InvoiceFacts invoice) {
        LocalDate prescribedOn = periodEnd(invoice.debtorType(), invoice.performedOn());
        List<LocalDate> acknowledgements = Stream.concat(invoice.payments().stream().map(Reduction::date),
                invoice.acknowledgements().stream()).sorted().toList();
        for (LocalDate acknowledged : acknowledgements) {
            // Code civil 2240 interrupts a running period only: after its last day there is nothing left to restart.
            if (acknowledged.isAfter(prescribedOn)) {
                break;
            }
            LocalDate restarted = periodEnd(invoice.debtorType(), acknowledged);
            if (restarted.isAfter(prescribedOn)) {
                prescribedOn = restarted;
            }
        }
        return prescribedOn;
    }

    /**
     * The last day of a period that starts on {@code start}: 5 years (B2B) or 2 years (B2C) later, LocalDate.plusYears
     * turning 29 February into 28 February as CPC 641 does; for a public debtor, 31 December of the fourth year after
     * the year of {@code start} (loi 68-1250, art. 1 and 2: the period runs from the following 1 January).
     */
    private static LocalDate periodEnd(DebtorType type, LocalDate start) {
        return switch (type) {
            case B2B -> start.plusYears(PRESCRIPTION_YEARS_B2B);
            case B2C -> start.plusYears(PRESCRIPTION_YEARS_B2C);
            case PUBLIC -> LocalDate.of(start.getYear() + PRESCRIPTION_YEARS_PUBLIC, 12, 31);
        };
    }

    /** Late: still unpaid at the end of its due date, and that date is before {@code lastDay}, the last day run. */
    private static boolean unpaidAfterDueDate(InvoiceFacts invoice, List<Reduction> reductions, LocalDate lastDay) {
        if (!lastDay.isAfter(invoice.dueDate())) {
            return false;
        }
        BigDecimal settledByDueDate = reductions.stream().filter(r -> !r.date().isAfter(invoice.dueDate()))
                .map(Reduction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return settledByDueDate.compareTo(invoice.amount()) < 0;
    }

    private static void missingRates(SimpleInterest.Result interest, String rateName, List<String> warnings) {
        if (!interest.missingRates().isEmpty()) {
            warnings.add("Pénalités non calculées : " + rateName + " manque pour "
                    + interest.missingRates().stream().map(HalfYear::toString).collect(Collectors.joining(", "))
                    + " (configuration recouvrement.penalties.half-years).");
        }
    }
}
