package fr.recouvrement.penalties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.FastTest;
import fr.recouvrement.debtor.DebtorType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/droit-francais.md §1, §3, §5, each case with its hand computation beside it. */
@FastTest
class LatePaymentLawTest {

    /**
     * The rate table of docs/droit-francais.md §1 as shipped in application.yaml: 2023-H1 to 2026-H1, nothing for
     * 2026-H2.
     */
    static PenaltyProperties shippedRates(BigDecimal contractRate) {
        return new PenaltyProperties(contractRate, Map.of(
                "2023-H1", rates("2.50", "2.06"), "2023-H2", rates("4.00", "4.22"),
                "2024-H1", rates("4.50", "5.07"), "2024-H2", rates("4.25", "4.92"),
                "2025-H1", rates("3.15", "3.71"), "2025-H2", rates("2.15", "2.76"),
                "2026-H1", rates("2.15", "2.62")));
    }

    private static PenaltyProperties.Rates rates(String ecb, String legal) {
        return new PenaltyProperties.Rates(new BigDecimal(ecb), new BigDecimal(legal));
    }

    private final LatePaymentLaw law = new LatePaymentLaw(new RateTable(shippedRates(null)));

    private static InvoiceFacts b2b(String amount, String dueDate, List<Reduction> payments) {
        // Performed on its due date, so that the prescription cases of the penalty tests read from one date.
        return new InvoiceFacts(DebtorType.B2B, new BigDecimal(amount), LocalDate.parse(dueDate),
                LocalDate.parse(dueDate), payments, List.of(), List.of(), null, null, false);
    }

    private static Reduction on(String date, String amount) {
        return new Reduction(LocalDate.parse(date), new BigDecimal(amount));
    }

    @Test
    void acrossThreeHalfYearsWithTwoPartialPayments() {
        // 10,000.00 due 2025-05-15; 3,000.00 paid 2025-08-20, 2,000.00 paid 2026-02-10; as of 2026-03-31.
        //   2025-05-16..06-30   46 d × 10,000 × 13.15 =  6,049,000   (2025-H1: ECB 3.15 + 10)
        // 2025-07-01..08-20   51 d × 10,000 × 12.15 =  6,196,500   (2025-H2: ECB 2.15 + 10; paid on 08-20, still late
        // that day)
        //   2025-08-21..12-31  133 d ×  7,000 × 12.15 = 11,311,650
        //   2026-01-01..02-10   41 d ×  7,000 × 12.15 =  3,487,050   (2026-H1: ECB 2.15 + 10)
        //   2026-02-11..03-31   49 d ×  5,000 × 12.15 =  2,976,750
        //   30,020,950 / (365 × 100) = 822.4917... -> 822.49
        LegalAmounts amounts = law.apply(b2b("10000.00", "2025-05-15",
                List.of(on("2025-08-20", "3000.00"), on("2026-02-10", "2000.00"))), LocalDate.parse("2026-03-31"));

        assertThat(amounts.penalties()).isEqualByComparingTo("822.49");
        assertThat(amounts.penalties().scale()).isEqualTo(2);
        assertThat(amounts.indemnity()).isEqualByComparingTo("40.00");
        assertThat(amounts.warnings()).isEmpty();
    }

    @Test
    void theNoticeDetailsOneLinePerRateAndBalanceEachRoundedAsTheTotalIs() {
        // The case above, line by line (docs/droit-francais.md §4): a line at each half-year and the day after each
        // payment. Each line rounded half-up to the cent:
        //    6,049,000 / 36,500 = 165.7260... -> 165.73
        //    6,196,500 / 36,500 = 169.7671... -> 169.77
        //   11,311,650 / 36,500 = 309.9082... -> 309.91
        //    3,487,050 / 36,500 =  95.5356... ->  95.54
        //    2,976,750 / 36,500 =  81.5548... ->  81.55
        // The rounded lines add up to 822.50, one cent above the total, which rounds the exact sum once: 822.49.
        LegalAmounts amounts = law.apply(b2b("10000.00", "2025-05-15",
                List.of(on("2025-08-20", "3000.00"), on("2026-02-10", "2000.00"))), LocalDate.parse("2026-03-31"));

        assertThat(amounts.periods()).extracting(p -> p.firstDay() + ".." + p.lastDay() + " " + p.days() + " d × "
                        + p.balance().toPlainString() + " × " + p.ratePercent().toPlainString() + " = "
                        + p.amount().toPlainString())
                .containsExactly(
                        "2025-05-16..2025-06-30 46 d × 10000.00 × 13.15 = 165.73",
                        "2025-07-01..2025-08-20 51 d × 10000.00 × 12.15 = 169.77",
                        "2025-08-21..2025-12-31 133 d × 7000.00 × 12.15 = 309.91",
                        "2026-01-01..2026-02-10 41 d × 7000.00 × 12.15 = 95.54",
                        "2026-02-11..2026-03-31 49 d × 5000.00 × 12.15 = 81.55");
        assertThat(amounts.periods().stream().map(InterestPeriod::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("822.50");
        assertThat(amounts.penalties()).isEqualByComparingTo("822.49");
    }

    @Test
    void paidOnTheDueDateOwesNothing() {
        LegalAmounts amounts = law.apply(b2b("1000.00", "2026-03-31", List.of(on("2026-03-31", "1000.00"))),
                LocalDate.parse("2026-05-01"));

        assertThat(amounts.penalties()).isEqualByComparingTo("0.00");
        assertThat(amounts.indemnity()).isEqualByComparingTo("0.00");
    }

    @Test
    void notYetDueOwesNothing() {
        LegalAmounts amounts = law.apply(b2b("1000.00", "2026-03-31", List.of()), LocalDate.parse("2026-03-31"));

        assertThat(amounts.penalties()).isEqualByComparingTo("0.00");
        assertThat(amounts.indemnity()).isEqualByComparingTo("0.00");
    }

    @Test
    void paidOneDayLate() {
        // 1 d × 1,000 × 12.15 / 36,500 = 0.3328... -> 0.33; the 40 EUR are due once the invoice is late.
        LegalAmounts amounts = law.apply(b2b("1000.00", "2026-03-31", List.of(on("2026-04-01", "1000.00"))),
                LocalDate.parse("2026-05-01"));

        assertThat(amounts.penalties()).isEqualByComparingTo("0.33");
        assertThat(amounts.indemnity()).isEqualByComparingTo("40.00");
    }

    @Test
    void aContractualRateReplacesEcbPlusTen() {
        // 2,000.00 due 2025-12-31, as of 2026-01-30: 30 d × 2,000 × 16 / 36,500 = 26.3013... -> 26.30
        LatePaymentLaw contractual = new LatePaymentLaw(new RateTable(shippedRates(new BigDecimal("16.00"))));

        LegalAmounts amounts = contractual.apply(b2b("2000.00", "2025-12-31", List.of()), LocalDate.parse("2026-01-30"));

        assertThat(amounts.penalties()).isEqualByComparingTo("26.30");
    }

    @Test
    void aContractualRateBelowThreeTimesTheLegalRateIsRefused() {
        // 2024-H1: 3 × 5.07 = 15.21 > 15.00
        assertThatThrownBy(() -> new RateTable(shippedRates(new BigDecimal("15.00"))))
                .hasMessageContaining("2024-H1").hasMessageContaining("15.21");
    }

    @Test
    void aMissingHalfYearGivesNoAmountAndAWarningNeverAGuess() {
        LegalAmounts amounts = law.apply(b2b("1000.00", "2026-06-01", List.of()), LocalDate.parse("2026-11-24"));

        assertThat(amounts.penalties()).isNull();
        assertThat(amounts.warnings()).singleElement().asString().contains("2026-H2");
        // Nor a partial detail of the configured half-year, which would read as the whole.
        assertThat(amounts.periods()).isEmpty();
        assertThat(amounts.indemnity()).isEqualByComparingTo("40.00");
    }

    @Test
    void consumersOweLegalInterestFromTheNoticeAndNeverTheIndemnity() {
        // 1,200.00 due 2025-09-30, notice received 2026-01-15, as of 2026-03-01:
        // 2026-01-16..03-01 = 45 d × 1,200 × 2.62 (legal rate 2026-H1, "autres cas") / 36,500 = 3.876... -> 3.88
        InvoiceFacts consumer = new InvoiceFacts(DebtorType.B2C, new BigDecimal("1200.00"), LocalDate.parse("2025-09-30"),
                LocalDate.parse("2025-09-30"), List.of(),
                List.of(), List.of(), null, LocalDate.parse("2026-01-15"), false);

        LegalAmounts amounts = law.apply(consumer, LocalDate.parse("2026-03-01"));

        assertThat(amounts.penalties()).isEqualByComparingTo("3.88");
        assertThat(amounts.indemnity()).isEqualByComparingTo("0.00");
    }

    @Test
    void consumersOweNothingBeforeTheNotice() {
        InvoiceFacts consumer = new InvoiceFacts(DebtorType.B2C, new BigDecimal("1200.00"), LocalDate.parse("2025-09-30"),
                LocalDate.parse("2025-09-30"), List.of(), List.of(), List.of(), null, null, false);

        LegalAmounts amounts = law.apply(consumer, LocalDate.parse("2026-03-01"));

        assertThat(amounts.penalties()).isEqualByComparingTo("0.00");
        assertThat(amounts.indemnity()).isEqualByComparingTo("0.00");
    }

    /** One invoice against its debtor's opening judgment, with the hand computation in {@code why}. */
    record Insolvency(String why, String performedOn, String dueDate, InsolvencyClaim claim, String penalties,
            String indemnity) {
    }

    static Stream<Insolvency> insolvencies() {
        // 5,000.00, B2B, judgment 2025-12-01, as of 2026-03-01; ECB 2.15 + 10 = 12.15 in 2025-H2 and 2026-H1.
        return Stream.of(
                new Insolvency("performed before, late before: 2025-11-01..11-30 = 30 d × 5,000 × 12.15 / 36,500 = "
                        + "49.93, and the 40 EUR (late on 2025-11-01)", "2025-10-01", "2025-10-31",
                        InsolvencyClaim.ANTERIEURE, "49.93", "40.00"),
                new Insolvency("performed before, due after the judgment: never late before payment was forbidden "
                        + "(L622-7, L441-10 II): 0.00 and no 40 EUR", "2025-11-15", "2025-12-15",
                        InsolvencyClaim.ANTERIEURE, "0.00", "0.00"),
                new Insolvency("performed before, due the day before the judgment: its first late day is the "
                        + "judgment's, 0.00 and no 40 EUR", "2025-10-30", "2025-11-30", InsolvencyClaim.ANTERIEURE,
                        "0.00", "0.00"),
                new Insolvency("performed on the judgment's day (L622-17): as usual, 2026-01-01..03-01 = 60 d × "
                        + "5,000 × 12.15 / 36,500 = 99.86, and the 40 EUR", "2025-12-01", "2025-12-31",
                        InsolvencyClaim.POSTERIEURE, "99.86", "40.00"),
                new Insolvency("performed after: as usual, 2026-01-21..03-01 = 40 d × 5,000 × 12.15 / 36,500 = "
                        + "66.575... = 66.58, and the 40 EUR", "2026-01-10", "2026-01-20",
                        InsolvencyClaim.POSTERIEURE, "66.58", "40.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insolvencies")
    void anInvoicePerformedBeforeTheOpeningJudgmentStopsThereOnePerformedAfterRunsAsUsual(Insolvency c) {
        InvoiceFacts invoice = new InvoiceFacts(DebtorType.B2B, new BigDecimal("5000.00"), LocalDate.parse(c.dueDate()),
                LocalDate.parse(c.performedOn()), List.of(), List.of(), List.of(), LocalDate.parse("2025-12-01"), null,
                false);

        LegalAmounts amounts = law.apply(invoice, LocalDate.parse("2026-03-01"));

        assertThat(amounts.insolvencyClaim()).as(c.why()).isEqualTo(c.claim());
        assertThat(amounts.penalties()).as(c.why()).isEqualByComparingTo(c.penalties());
        assertThat(amounts.indemnity()).as(c.why()).isEqualByComparingTo(c.indemnity());
    }

    @Test
    void withoutAProcedureAnInvoiceIsNeitherBeforeNorAfter() {
        assertThat(law.apply(b2b("1000.00", "2026-01-31", List.of()), LocalDate.parse("2026-03-01")).insolvencyClaim())
                .isNull();
    }

    @Test
    void aCreditNoteReducesTheBalanceButDoesNotRestartPrescription() {
        // 1,000.00 due 2026-01-31, credit note 400.00 on 2026-02-10, as of 2026-03-02:
        //   02-01..02-10 10 d × 1,000 × 12.15 = 121,500 ; 02-11..03-02 20 d × 600 × 12.15 = 145,800
        //   267,300 / 36,500 = 7.3232... -> 7.32
        InvoiceFacts invoice = new InvoiceFacts(DebtorType.B2B, new BigDecimal("1000.00"), LocalDate.parse("2026-01-31"),
                LocalDate.parse("2026-01-31"), List.of(),
                List.of(on("2026-02-10", "400.00")), List.of(), null, null, false);

        LegalAmounts amounts = law.apply(invoice, LocalDate.parse("2026-03-02"));

        assertThat(amounts.penalties()).isEqualByComparingTo("7.32");
        assertThat(amounts.prescriptionDate()).isEqualTo("2031-01-31");
    }

    @Test
    void aCancelledInvoiceOwesNothing() {
        InvoiceFacts cancelled = new InvoiceFacts(DebtorType.B2B, new BigDecimal("350.00"), LocalDate.parse("2026-10-31"),
                LocalDate.parse("2026-10-31"), List.of(),
                List.of(on("2026-11-21", "350.00")), List.of(), null, null, true);

        LegalAmounts amounts = law.apply(cancelled, LocalDate.parse("2026-11-24"));

        assertThat(amounts.penalties()).isEqualByComparingTo("0.00");
        assertThat(amounts.indemnity()).isEqualByComparingTo("0.00");
    }

    private static InvoiceFacts publicBody(String amount, String dueDate, List<Reduction> payments) {
        return new InvoiceFacts(DebtorType.PUBLIC, new BigDecimal(amount), LocalDate.parse(dueDate),
                LocalDate.parse(dueDate), payments, List.of(), List.of(), null, null, false);
    }

    @Test
    void aPublicDebtorOwesInterestAtTheRateOfTheHalfYearItStartedPlusEightPointsForTheWholePeriod() {
        // 10,000.00 due 2025-05-15; 4,000.00 paid 2025-08-20; as of 2025-10-31. Interest runs from 2025-05-16, in
        // 2025-H1: ECB 3.15 + 8 = 11.15 % for the whole period, 2025-H2 (ECB 2.15) included (R2192-31).
        //   2025-05-16..08-20   97 d × 10,000 × 11.15 = 10,815,500
        //   2025-08-21..10-31   72 d ×  6,000 × 11.15 =  4,816,800
        //   15,632,300 / (365 × 100) = 428.2821... -> 428.28
        // (Split by half-year at ECB + 10 as between companies it would be
        //   46 d × 10,000 × 13.15 + 51 d × 10,000 × 12.15 + 72 d × 6,000 × 12.15 = 17,494,300 -> 479.30.)
        LegalAmounts amounts = law.apply(publicBody("10000.00", "2025-05-15", List.of(on("2025-08-20", "4000.00"))),
                LocalDate.parse("2025-10-31"));

        assertThat(amounts.penalties()).isEqualByComparingTo("428.28");
        // D2192-35: 40 EUR, not paid by the due date.
        assertThat(amounts.indemnity()).isEqualByComparingTo("40.00");
        assertThat(amounts.warnings()).isEmpty();
    }

    @Test
    void aPublicDebtorsInterestNeedsOnlyTheRateOfTheHalfYearItStarted() {
        // Due 2025-12-31: interest from 2026-01-01, 2026-H1 (ECB 2.15 + 8 = 10.15 %), into 2026-H2 whose rate is not
        // configured: no matter. 1,000.00 × 10.15 × 212 d (2026-01-01..07-31) / 36,500 = 58.95.
        LegalAmounts started = law.apply(publicBody("1000.00", "2025-12-31", List.of()), LocalDate.parse("2026-07-31"));
        assertThat(started.penalties()).isEqualByComparingTo("58.95");
        assertThat(started.warnings()).isEmpty();

        // Due 2026-06-30: interest from 2026-07-01, in 2026-H2, whose rate is missing: no figure, a warning naming it.
        LegalAmounts missing = law.apply(publicBody("1000.00", "2026-06-30", List.of()), LocalDate.parse("2026-08-31"));
        assertThat(missing.penalties()).isNull();
        assertThat(missing.warnings()).containsExactly("Pénalités non calculées : le taux BCE manque pour 2026-H2"
                + " (configuration recouvrement.penalties.half-years).");
    }

    @Test
    void aContractualRateDoesNotApplyToAPublicDebtor() {
        // A contract rate of 16 % for companies; a public body owes the rate of R2192-31, ECB 3.15 + 8 = 11.15 %:
        // 1,000.00 × 11.15 × 30 d (2025-04-01..04-30) / 36,500 = 9.16.
        LatePaymentLaw contractual = new LatePaymentLaw(new RateTable(shippedRates(new BigDecimal("16"))));
        assertThat(contractual.apply(publicBody("1000.00", "2025-03-31", List.of()), LocalDate.parse("2025-04-30"))
                .penalties()).isEqualByComparingTo("9.16");
    }

    /** One prescription case: the facts, the expected date, and the hand computation in {@code why}. */
    record Prescription(String why, DebtorType type, String performedOn, List<String> payments,
            List<String> plans, String expected) {
    }

    static Stream<Prescription> prescriptions() {
        return Stream.of(
                new Prescription("trader, performed 2024-03-15: + 5 years (L110-4)", DebtorType.B2B, "2024-03-15",
                        List.of(), List.of(), "2029-03-15"),
                new Prescription("consumer, performed 2024-03-15: + 2 years (L218-2)", DebtorType.B2C, "2024-03-15",
                        List.of(), List.of(), "2026-03-15"),
                new Prescription("trader, 29 February + 5 years ends on 28 February (CPC 641)", DebtorType.B2B,
                        "2024-02-29", List.of(), List.of(), "2029-02-28"),
                new Prescription("consumer, 29 February + 2 years ends on 28 February", DebtorType.B2C, "2024-02-29",
                        List.of(), List.of(), "2026-02-28"),
                new Prescription("trader, payment 2025-06-10 before 2029-02-28 restarts: 2025-06-10 + 5",
                        DebtorType.B2B, "2024-02-29", List.of("2025-06-10"), List.of(), "2030-06-10"),
                new Prescription("consumer, signed plan 2026-01-05 before 2027-09-30 restarts: 2026-01-05 + 2",
                        DebtorType.B2C, "2025-09-30", List.of(), List.of("2026-01-05"), "2028-01-05"),
                new Prescription("consumer, payment 2026-03-16 after 2026-03-15: prescribed, not revived",
                        DebtorType.B2C, "2024-03-15", List.of("2026-03-16"), List.of(), "2026-03-15"),
                new Prescription("consumer, payment on the last day 2026-03-15 still restarts: 2026-03-15 + 2",
                        DebtorType.B2C, "2024-03-15", List.of("2026-03-15"), List.of(), "2028-03-15"),
                new Prescription("consumer, 2025-01-10 restarts to 2027-01-10; 2027-02-01 comes too late",
                        DebtorType.B2C, "2024-03-15", List.of("2027-02-01", "2025-01-10"), List.of(), "2027-01-10"),
                new Prescription("trader, a plan after the prescription date revives nothing either", DebtorType.B2B,
                        "2020-01-10", List.of(), List.of("2025-01-11"), "2025-01-10"),
                new Prescription("trader, a payment before performance (a deposit) does not move the start",
                        DebtorType.B2B, "2024-03-15", List.of("2024-01-02"), List.of(), "2029-03-15"),
                new Prescription("public, performed 2022-03-15: from 2023-01-01, four years, last day 2026-12-31"
                        + " (loi 68-1250 art. 1)", DebtorType.PUBLIC, "2022-03-15", List.of(), List.of(), "2026-12-31"),
                new Prescription("public, performed 2022-12-31, the last day of its year: still 2026-12-31",
                        DebtorType.PUBLIC, "2022-12-31", List.of(), List.of(), "2026-12-31"),
                new Prescription("public, performed 2023-01-01: one more year, 2027-12-31", DebtorType.PUBLIC,
                        "2023-01-01", List.of(), List.of(), "2027-12-31"),
                new Prescription("public, payment 2024-05-02 restarts from 2025-01-01 (art. 2): 2028-12-31",
                        DebtorType.PUBLIC, "2022-03-15", List.of("2024-05-02"), List.of(), "2028-12-31"),
                new Prescription("public, signed plan 2026-12-31, the last day, restarts: 2030-12-31",
                        DebtorType.PUBLIC, "2022-03-15", List.of(), List.of("2026-12-31"), "2030-12-31"),
                new Prescription("public, payment 2027-01-04 after 2026-12-31 revives nothing", DebtorType.PUBLIC,
                        "2022-03-15", List.of("2027-01-04"), List.of(), "2026-12-31"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prescriptions")
    void prescriptionRunsFromPerformanceAndOnlyAnAcknowledgementBeforeItsEndRestartsIt(Prescription c) {
        InvoiceFacts invoice = new InvoiceFacts(c.type(), new BigDecimal("100.00"), LocalDate.parse("2026-06-30"),
                LocalDate.parse(c.performedOn()), c.payments().stream().map(date -> on(date, "10.00")).toList(),
                List.of(), c.plans().stream().map(LocalDate::parse).toList(), null, null, false);

        assertThat(LatePaymentLaw.prescriptionDate(invoice)).as(c.why()).isEqualTo(c.expected());
    }
}
