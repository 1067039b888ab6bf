package fr.recouvrement.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.RecouvrementSpringTest;
import fr.recouvrement.invoice.InvoiceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** GET /api/kpis over real HTTP and PostgreSQL, on portfolios whose figures are worked out by hand beside them. */
@RecouvrementSpringTest
class KpiApiTest extends KpiSpringTest {



    @Test
    void agedBalanceTotalsDsoAndTopDebtorsToTheCent() {
        // Today is Tuesday 2026-11-24. Each invoice is issued 30 days before its due date.
        String companyA = LedgerFixtures.newSiren();
        String companyB = LedgerFixtures.newSiren();
        // A5: 181 days late on 2026-11-24 (over 180), handed to the legal team on 2026-10-01 by the small-claims route.
        String a5 = portfolio.b2b(companyA, "2026-05-27", "800.00");
        portfolio.on("2026-06-05");
        String handedOff = portfolio.dossier(a5);
        portfolio.on("2026-10-01");
        long handedOffId = portfolio.dossierId(handedOff);
        dossiers.moveToStage(handedOff, "JUDICIAIRE");
        jdbc.update("insert into recouvrement.judicial_file (dossier_id, route, pdf, created_at) values (?, ?, ?, now())",
                handedOffId, "PETITES_CREANCES", new byte[] {1});
        invoices.changeStatusInDossier(handedOffId, Set.of(InvoiceStatus.OPEN), InvoiceStatus.JUDICIAL);
        dossiers.close(handedOffId, "PETITES_CREANCES");
        portfolio.on("2026-11-24");
        portfolio.b2b(companyA, "2026-12-10", "1000.00");             // due in 16 days: not due
        portfolio.b2b(companyA, "2026-11-24", "200.00");              // due today, 0 days late: not due
        String a3 = portfolio.b2b(companyA, "2026-11-23", "300.00");  // 1 day late, 100.00 paid on 11-20: 200.00
        String a4 = portfolio.b2b(companyA, "2026-10-25", "150.00");  // 30 days late
        String a6 = portfolio.b2b(companyA, "2026-10-01", "250.00");  // paid in full: not owed
        portfolio.b2b(companyA, "2027-01-31", "999.00");              // issued 2027-01-01, after asOf: not counted
        String b1 = portfolio.b2b(companyB, "2026-10-24", "400.00");  // 31 days late, credit note of 50.00: 350.00
        String b2 = portfolio.b2b(companyB, "2026-09-25", "500.00");  // 60 days late, disputed today
        portfolio.b2b(companyB, "2026-08-26", "600.00");              // 90 days late
        String consumer = KpiPortfolio.newConsumer();
        portfolio.b2c(consumer, "2026-05-28", "700.00");              // 180 days late
        portfolio.pay(a3, "100.00", "2026-11-20");
        portfolio.pay(a6, "250.00", "2026-10-15");
        portfolio.credit(b1, "50.00", "2026-11-01");
        portfolio.event(b2, "{\"type\": \"DISPUTE\", \"reason\": \"Livraison incomplète\"}");
        String open = portfolio.dossier(a3, a4);
        dossiers.enterStep(portfolio.dossierId(open), "RELANCE_1");

        JsonNode kpis = portfolio.kpis("&asOf=2026-11-24");

        assertThat(kpis.get("asOf").asText()).isEqualTo("2026-11-24");
        assertThat(kpis.get("currency").asText()).isEqualTo("EUR");
        JsonNode ledger = kpis.get("ledger");
        // not due: 1000.00 + 200.00; 1-30: 200.00 + 150.00; 31-60: 350.00 + 500.00; 61-90: 600.00; 91-180: 700.00;
        // over 180: 800.00. The partial payment and the credit note are each taken off once.
        assertThat(buckets(ledger)).containsExactly("NOT_DUE 1200.00 2", "DAYS_1_30 350.00 2",
                "DAYS_31_60 850.00 2", "DAYS_61_90 600.00 1", "DAYS_91_180 700.00 1", "OVER_180 800.00 1");
        // 1200 + 350 + 850 + 600 + 700 + 800 = 4500.00 over 9 invoices; overdue: all but the 1200.00 not due.
        assertThat(total(ledger.get("outstanding"))).isEqualTo("4500.00 9");
        assertThat(total(ledger.get("overdue"))).isEqualTo("3300.00 7");
        assertThat(total(ledger.get("disputed"))).isEqualTo("500.00 1");
        assertThat(total(ledger.get("judicial"))).isEqualTo("800.00 1");
        // Net invoiced by month of issue: Nov 1000 - 50 (credit note) = 950; Oct 200 + 300 = 500; Sep 150 + 250 + 400
        // = 800; Aug 500; Jul 600; Jun 0; May 0; Apr 800 + 700 = 1500. Counting 4500 back: Nov 24 days (3550 left),
        // Oct 31 (3050), Sep 30 (2250), Aug 31 (1750), Jul 31 (1150), Jun 30, May 31, then 1150 / 1500 of April's
        // 30 days = 23: 24 + 31 + 30 + 31 + 31 + 30 + 31 + 23 = 231.0 days, over 8 months.
        assertThat(ledger.at("/dso/days").asText()).isEqualTo("231.0");
        assertThat(ledger.at("/dso/monthsCounted").asInt()).isEqualTo(8);
        assertThat(ledger.at("/dso/capped").asBoolean()).isFalse();
        assertThat(ledger.at("/dso/method").asText()).startsWith("Décompte rétrograde");
        // A owes 1000 + 200 + 200 + 150 + 800 = 2350.00 (overdue 200 + 150 + 800), B 350 + 500 + 600, the consumer 700.
        JsonNode top = ledger.get("topDebtors");
        assertThat(top).hasSize(3);
        assertThat(top.get(0).get("siren").asText()).isEqualTo(companyA);
        assertThat(top.get(0).get("outstanding").asText()).isEqualTo("2350.00");
        assertThat(top.get(0).get("overdue").asText()).isEqualTo("1150.00");
        assertThat(top.get(0).get("invoices").asInt()).isEqualTo(5);
        assertThat(texts(top.get(0).get("dossiers"))).containsExactly(handedOff, open);
        assertThat(top.get(1).get("siren").asText()).isEqualTo(companyB);
        assertThat(top.get(1).get("outstanding").asText()).isEqualTo("1450.00");
        assertThat(top.get(2).get("name").asText()).isEqualTo(consumer);
        assertThat(top.get(2).get("outstanding").asText()).isEqualTo("700.00");
        assertThat(texts(top.get(2).get("dossiers"))).isEmpty();

        JsonNode operational = kpis.get("operational");
        assertThat(operational.get("current").asBoolean()).isTrue();
        // The open dossier stands at relance 1 with A3 (200.00 left) and A4; the handed-off one is closed.
        assertThat(operational.get("stages").findValuesAsText("stage")).startsWith("PRE_ECHEANCE", "CONCILIATION",
                "RELANCE_1", "RELANCE_2", "RELANCE_3", "MISE_EN_DEMEURE", "JUDICIAIRE");
        assertThat(operational.at("/stages/2/dossiers").asInt()).isEqualTo(1);
        assertThat(operational.at("/stages/2/amount").asText()).isEqualTo("350.00");
        assertThat(operational.at("/stages/1/dossiers").asInt()).isZero();
        assertThat(operational.get("judicialHandoffs")).hasSize(1);
        assertThat(operational.at("/judicialHandoffs/0/route").asText()).isEqualTo("PETITES_CREANCES");
        assertThat(operational.at("/judicialHandoffs/0/dossiers").asInt()).isEqualTo(1);
        assertThat(operational.at("/judicialHandoffs/0/amount").asText()).isEqualTo("800.00");

        // 2026-11-19: A3's payment of 11-20 is not made yet (300.00 owed) and B2 not yet disputed: 4600.00.
        JsonNode before = portfolio.kpis("&asOf=2026-11-19").get("ledger");
        assertThat(total(before.get("outstanding"))).isEqualTo("4600.00 9");
        assertThat(total(before.get("disputed"))).isEqualTo("0.00 0");
        assertThat(total(before.get("judicial"))).isEqualTo("800.00 1");
        // 2026-09-30: only what was issued by then (A4 150, A6 250 unpaid yet, B1 400 before its credit note, B2 500,
        // B3 600, the consumer's 700, A5 800 not yet handed off): 3400.00 over 7 invoices.
        JsonNode september = portfolio.kpis("&asOf=2026-09-30").get("ledger");
        assertThat(total(september.get("outstanding"))).isEqualTo("3400.00 7");
        assertThat(total(september.get("judicial"))).isEqualTo("0.00 0");
        // The filters combine: the consumer alone.
        assertThat(total(portfolio.kpis("&asOf=2026-11-24&debtorType=b2c").at("/ledger/outstanding")))
                .isEqualTo("700.00 1");
    }

    @Test
    void theDayDefaultsToTodayOnTheApplicationsClock() {
        portfolio.on("2026-12-03");

        assertThat(portfolio.kpis("").get("asOf").asText()).isEqualTo("2026-12-03");
    }

    @Test
    void managersAnalystsAndAdministratorsReadTheFiguresAgentsAndTheLegalTeamDoNot() {
        for (String user : List.of("manager", "analyste", "demo")) {
            assertThat(http.withBasicAuth(user, user).getForEntity("/api/kpis", String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.OK);
        }
        for (String user : List.of("agent", "juriste")) {
            ResponseEntity<String> refused = http.withBasicAuth(user, user).getForEntity("/api/kpis", String.class);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "asOf=2026-02-30 | asOf | La date « 2026-02-30 » n'est pas une date valide (AAAA-MM-JJ).",
            "asOf=24/11/2026 | asOf | La date « 24/11/2026 » n'est pas une date valide (AAAA-MM-JJ).",
            "from=2026-13-01 | from | La date « 2026-13-01 » n'est pas une date valide (AAAA-MM-JJ).",
            "to=demain       | to   | La date « demain » n'est pas une date valide (AAAA-MM-JJ).",
            "debtorType=B2X  | debtorType | Type de débiteur « B2X » inconnu ; valeurs : B2B, B2C, PUBLIC."})
    void badParametersAre400WithTheFieldAndWhy(String parameters, String field, String message) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("manager", "manager")
                .getForEntity("/api/kpis?" + parameters, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(response.getBody().at("/errors/0/message").asText()).isEqualTo(message);
    }

    /** Each bucket as "code amount invoices". */
    private static List<String> buckets(JsonNode ledger) {
        List<String> buckets = new ArrayList<>();
        ledger.get("agedBalance").forEach(b -> buckets.add(b.get("bucket").asText() + " " + total(b)));
        return buckets;
    }

    private static String total(JsonNode total) {
        return total.get("amount").asText() + " " + total.get("invoices").asLong();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
