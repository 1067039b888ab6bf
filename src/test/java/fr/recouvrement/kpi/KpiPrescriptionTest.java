package fr.recouvrement.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.RecouvrementSpringTest;
import fr.recouvrement.penalties.LatePaymentLaw;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The prescription date in SQL (LatePaymentLaw.PRESCRIPTION_DATE_SQL, which the KPIs read a portfolio with) and in Java
 * (what GET /api/invoices answers) agree; and the invoices prescribed within 90 days.
 */
@RecouvrementSpringTest
class KpiPrescriptionTest extends KpiSpringTest {

    @Autowired
    JdbcClient jdbcClient;


    @Test
    void theSqlFormAndTheJavaRuleGiveTheSameDatesAndTheKpisListThoseWithin90Days() {
        // Today is 2026-11-24: prescribed within 90 days means a prescription date from 2026-11-24 to 2027-02-22.
        String company = LedgerFixtures.newSiren();
        String b2bOld = portfolio.b2b(company, "2021-12-20", "500.00");        // 5 years: 2026-12-20, in the list
        String b2cDue = portfolio.b2c(KpiPortfolio.newConsumer(), "2024-12-15", "300.00"); // 2 years: 2026-12-15
        String b2cPaid = portfolio.b2c(KpiPortfolio.newConsumer(), "2024-10-01", "400.00");
        portfolio.pay(b2cPaid, "100.00", "2025-01-10");                        // restarts it: 2027-01-10, 300.00 owed
        String b2cLater = portfolio.b2c(KpiPortfolio.newConsumer(), "2024-06-01", "200.00");
        portfolio.pay(b2cLater, "50.00", "2025-06-01");                        // 2027-06-01: beyond 90 days
        String b2cGone = portfolio.b2c(KpiPortfolio.newConsumer(), "2024-11-01", "150.00"); // 2026-11-01: already past
        String b2cCredited = portfolio.b2c(KpiPortfolio.newConsumer(), "2024-12-20", "250.00");
        portfolio.credit(b2cCredited, "50.00", "2025-01-05");                  // a credit note does not restart it
        String b2cLeap = portfolio.b2c(KpiPortfolio.newConsumer(), "2024-01-31", "80.00");
        portfolio.pay(b2cLeap, "10.00", "2024-02-29");                         // 29 February + 2 years: 2026-02-28
        String b2bLeap = portfolio.b2b(LedgerFixtures.newSiren(), "2024-03-30", "2024-02-29", "90.00"); // 2029-02-28
        String notYetDue = portfolio.b2b(LedgerFixtures.newSiren(), "2028-02-29", "90.00"); // issued 2028-01-30: 2033-01-30
        String b2bPerformed = portfolio.b2b(LedgerFixtures.newSiren(), "2023-07-31", "2023-06-15", "120.00"); // 2028-06-15
        String b2cPerformed = portfolio.b2c(KpiPortfolio.newConsumer(), "2025-04-30", "2025-03-20", "60.00"); // 2027-03-20
        String b2cLate = portfolio.b2c(KpiPortfolio.newConsumer(), "2024-04-14", "2024-03-15", "110.00"); // 2026-03-15
        portfolio.pay(b2cLate, "10.00", "2026-11-10");                         // after 2026-03-15: revives nothing
        String b2cIssued = portfolio.b2c(KpiPortfolio.newConsumer(), "2025-05-31", null, "70.00"); // 2025-05-01 + 2
        String planned = portfolio.b2b(LedgerFixtures.newSiren(), "2021-12-10", "600.00");
        portfolio.dossier(planned);
        portfolio.event(planned, """
                {"type": "PAYMENT_PLAN", "instalments": [{"date": "2026-12-24", "amount": "300.00"},
                                                         {"date": "2027-01-24", "amount": "300.00"}]}""");
        // Typed by an agent, not signed by the debtor: no acknowledgement, still 2021-12-10 + 5 years = 2026-12-10.
        String signed = portfolio.b2b(LedgerFixtures.newSiren(), "2021-12-12", "400.00");
        portfolio.dossier(signed);
        portfolio.event(signed, """
                {"type": "PAYMENT_PLAN", "instalments": [{"date": "2026-12-24", "amount": "400.00"}],
                 "signed": true, "signedOn": "2026-11-02"}""");
        // Signed by the debtor on 2026-11-02, before 2026-12-12: 2026-11-02 + 5 years = 2031-11-02.
        String signedTooLate = portfolio.b2c(KpiPortfolio.newConsumer(), "2024-10-20", "2024-10-20", "90.00");
        portfolio.dossier(signedTooLate);
        portfolio.event(signedTooLate, """
                {"type": "PAYMENT_PLAN", "instalments": [{"date": "2026-12-24", "amount": "90.00"}],
                 "signed": true, "signedOn": "2026-11-02"}""");
        // Prescribed on 2024-10-20 + 2 years = 2026-10-20: a signature of 2026-11-02 revives nothing.
        // Public debtors, loi 68-1250: four years from 1 January after the year of performance, last day 31 December.
        String publicPerformed = portfolio.publicBody(LedgerFixtures.newSiren(), "2023-05-10", "2023-05-10", "80.00");
        // 2023 -> from 2024-01-01 to 2027-12-31.
        String publicPaid = portfolio.publicBody(LedgerFixtures.newSiren(), "2022-08-01", "2022-08-01", "90.00");
        portfolio.pay(publicPaid, "10.00", "2025-03-03");                      // 2026-12-31, restarted: 2029-12-31
        String publicSigned = portfolio.publicBody(LedgerFixtures.newSiren(), "2022-01-20", "2022-01-20", "100.00");
        portfolio.dossier(publicSigned);
        portfolio.event(publicSigned, """
                {"type": "PAYMENT_PLAN", "instalments": [{"date": "2026-12-24", "amount": "100.00"}],
                 "signed": true, "signedOn": "2026-11-02"}""");
        // 2026-12-31, signed 2026-11-02: from 2027-01-01, 2030-12-31.
        String publicLate = portfolio.publicBody(LedgerFixtures.newSiren(), "2020-06-30", "2020-06-30", "60.00");
        portfolio.pay(publicLate, "10.00", "2025-02-03");                      // after 2024-12-31: revives nothing
        String settled = portfolio.b2b(company, "2021-12-01", "70.00");
        portfolio.pay(settled, "70.00", "2026-11-20");                         // not owed

        List<String> all = List.of(b2bOld, b2cDue, b2cPaid, b2cLater, b2cGone, b2cCredited, b2cLeap, b2bLeap, notYetDue,
                b2bPerformed, b2cPerformed, b2cLate, b2cIssued, planned, signed, signedTooLate, publicPerformed, publicPaid, publicSigned, publicLate, settled);
        Map<String, LocalDate> java = new HashMap<>();
        for (String invoice : all) {
            java.put(invoice, LocalDate.parse(http.withBasicAuth("agent", "agent")
                    .getForObject("/api/invoices/" + invoice, JsonNode.class).get("prescriptionDate").asText()));
        }
        Map<String, LocalDate> sql = new HashMap<>();
        jdbcClient.sql("select i.number, " + LatePaymentLaw.PRESCRIPTION_DATE_SQL + " as prescription_date"
                        + " from recouvrement.invoice i join recouvrement.debtor deb on deb.id = i.debtor_id"
                        + " where i.number in (:numbers)")
                .param("asOf", clock.today()).param("numbers", all)
                .query(rs -> {
                    sql.put(rs.getString("number"), rs.getObject("prescription_date", LocalDate.class));
                });
        assertThat(sql).isEqualTo(java);
        assertThat(java.get(b2cPaid)).isEqualTo("2027-01-10");
        assertThat(java.get(b2cLeap)).isEqualTo("2026-02-28");
        assertThat(java.get(b2bLeap)).isEqualTo("2029-02-28");
        assertThat(java.get(notYetDue)).isEqualTo("2033-01-30");
        assertThat(java.get(b2bPerformed)).isEqualTo("2028-06-15");
        assertThat(java.get(b2cPerformed)).isEqualTo("2027-03-20");
        assertThat(java.get(b2cLate)).isEqualTo("2026-03-15");
        assertThat(java.get(b2cIssued)).isEqualTo("2027-05-01");
        assertThat(java.get(planned)).isEqualTo("2026-12-10");
        assertThat(java.get(signed)).isEqualTo("2031-11-02");
        assertThat(java.get(signedTooLate)).isEqualTo("2026-10-20");
        assertThat(java.get(publicPerformed)).isEqualTo("2027-12-31");
        assertThat(java.get(publicPaid)).isEqualTo("2029-12-31");
        assertThat(java.get(publicSigned)).isEqualTo("2030-12-31");
        assertThat(java.get(publicLate)).isEqualTo("2024-12-31");

        JsonNode soon = portfolio.kpis("&asOf=2026-11-24").at("/ledger/prescriptionSoon");

        assertThat(soon.get("withinDays").asInt()).isEqualTo(90);
        assertThat(soon.get("until").asText()).isEqualTo("2027-02-22");
        // 300.00 + 600.00 + 500.00 + 200.00 + 300.00, earliest first: the typed plan left 2026-12-10 in the list.
        assertThat(soon.get("amount").asText()).isEqualTo("1900.00");
        assertThat(soon.get("invoices").asInt()).isEqualTo(5);
        List<String> items = new ArrayList<>();
        soon.get("items").forEach(item -> items.add(item.get("prescriptionDate").asText() + " "
                + item.get("invoice").asText() + " " + item.get("balance").asText()));
        assertThat(items).hasSize(5);
        assertThat(items.get(0)).isEqualTo("2026-12-10 " + planned + " 600.00");
        assertThat(items.get(1)).isEqualTo("2026-12-15 " + b2cDue + " 300.00");
        assertThat(items.subList(2, 4)).containsExactlyInAnyOrder("2026-12-20 " + b2bOld + " 500.00",
                "2026-12-20 " + b2cCredited + " 200.00");
        assertThat(items.get(4)).isEqualTo("2027-01-10 " + b2cPaid + " 300.00");
        // As of 2025-12-01 (until 2026-03-01), only the consumer's invoice due 2024-01-31 was (2026-02-28): the
        // payment of 2026-11-20 had not happened.
        JsonNode earlier = portfolio.kpis("&asOf=2025-12-01").at("/ledger/prescriptionSoon/items");
        assertThat(earlier.findValuesAsText("invoice")).containsExactly(b2cLeap);
    }
}
