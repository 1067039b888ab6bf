package fr.recouvrement.debtor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Public debtors (docs/droit-francais.md §10), registered through the API and the CSV import, read back through
 * GET /api/invoices/{number}. Today is 2026-11-24; the tests' ECB rates: 2026-H1 2.15, 2026-H2 2.00.
 */
class PublicDebtorTest extends LedgerTest {

    private static String publicBody(String siren) {
        return """
                {"name": "Centre hospitalier de Villeneuve", "siren": "%s", "type": "PUBLIC", "segment": "PME",
                 "email": "ordonnateur@ch-villeneuve.fr",
                 "address": {"line1": "1 avenue de l'Hôpital", "postalCode": "47300", "city": "Villeneuve-sur-Lot",
                             "country": "FR"}}""".formatted(siren);
    }

    /** An invoice of the test's public body, then what the API says of it. */
    record Case(String why, String dueDate, String amount, String paid, String paidOn, String penalties,
            String indemnity, String prescriptionDate) {
    }

    @Test
    void interestAtOneRatePlusEightPointsThe40EurAndFourYearsFromTheFirstOfJanuary() {
        List<Case> cases = List.of(
                // Interest from 2026-06-01, in 2026-H1: ECB 2.15 + 8 = 10.15 % to the end, 2026-H2 included.
                //   2026-06-01..09-15  107 d × 12,000 × 10.15 = 13,032,600
                //   2026-09-16..11-24   70 d × 10,000 × 10.15 =  7,105,000
                //   20,137,600 / 36,500 = 551.715... -> 551.72
                // Performed 2026: from 2027-01-01, four years: 2030-12-31; the payment of 2026 restarts to the same.
                new Case("two half-years at one rate", "2026-05-31", "12000.00", "2000.00", "2026-09-15", "551.72",
                        "40.00", "2030-12-31"),
                // From 2026-11-01, in 2026-H2: 2.00 + 8 = 10 %; 24 d × 1,000 × 10 / 36,500 = 6.575... -> 6.58.
                new Case("started in the second half-year", "2026-10-31", "1000.00", null, null, "6.58", "40.00",
                        "2030-12-31"),
                // Not yet due: nothing. Performed 2026-12-15 cannot be given (future): the issue date 2026-11-15,
                // year 2026, stands for it: 2030-12-31.
                new Case("not yet due", "2026-12-15", "700.00", null, null, "0.00", "0.00", "2030-12-31"));

        for (Case c : cases) {
            String number = LedgerFixtures.newNumber("PUB");
            fixtures.register(number, c.dueDate(), c.amount(), publicBody(siren));
            if (c.paid() != null) {
                fixtures.pay(number, LedgerFixtures.newNumber("R"), c.paid(), LocalDate.parse(c.paidOn()));
            }
            JsonNode invoice = read(number);

            assertThat(invoice.at("/debtor/type").asText()).as(c.why()).isEqualTo("PUBLIC");
            assertThat(invoice.get("penalties").asText()).as(c.why()).isEqualTo(c.penalties());
            assertThat(invoice.get("indemnity").asText()).as(c.why()).isEqualTo(c.indemnity());
            assertThat(invoice.get("prescriptionDate").asText()).as(c.why()).isEqualTo(c.prescriptionDate());
        }
    }

    @Test
    void theCsvImportTakesPublicDebtorsOnePerSirenAndASirenIsRequired() {
        String first = LedgerFixtures.newNumber("PUB");
        String second = LedgerFixtures.newNumber("PUB");
        String noSiren = LedgerFixtures.newNumber("PUB");
        String csv = """
                number;issueDate;dueDate;performanceDate;amount;currency;description;debtorName;siren;type;segment;email;phone;line1;line2;postalCode;city;country
                %s;2021-05-01;2021-05-31;2021-04-20;500,00;EUR;;Commune de Montval;%s;PUBLIC;PME;mairie@montval.fr;;1 place de la Mairie;;47000;Agen;FR
                %s;2026-10-01;2026-10-31;;1 000,00;EUR;;Commune de Montval;%s;public;PME;mairie@montval.fr;;1 place de la Mairie;;47000;Agen;FR
                %s;2026-10-01;2026-10-31;;100,00;EUR;;Commune sans SIREN;;PUBLIC;PME;mairie@sans.fr;;1 place;;47000;Agen;FR
                """.formatted(first, siren, second, siren, noSiren);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> report = http.withBasicAuth("agent", "agent").postForEntity("/api/invoices/import",
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody().get("imported").asInt()).isEqualTo(2);
        assertThat(report.getBody().at("/rejected/0/line").asInt()).isEqualTo(4);
        assertThat(report.getBody().at("/rejected/0/message").asText())
                .isEqualTo("Le SIREN est obligatoire pour une entreprise (B2B) ou une personne publique (PUBLIC).");
        // One debtor for the SIREN.
        assertThat(jdbc.queryForObject("select count(*) from recouvrement.debtor where siren = ?", Integer.class,
                siren)).isOne();
        // Performed 2021-04-20: from 2022-01-01, four years, 2025-12-31: prescribed since 2026-01-01.
        JsonNode prescribed = read(first);
        assertThat(prescribed.get("prescriptionDate").asText()).isEqualTo("2025-12-31");
        assertThat(prescribed.get("warnings").toString()).contains("Prescrite");
        // From 2026-11-01 at 2.00 + 8 = 10 %: 24 d × 1,000 × 10 / 36,500 = 6.58; the 40 EUR (D2192-35).
        assertThat(read(second).get("penalties").asText()).isEqualTo("6.58");
        assertThat(read(second).get("indemnity").asText()).isEqualTo("40.00");
    }

    private JsonNode read(String invoice) {
        return http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + invoice, JsonNode.class);
    }
}
