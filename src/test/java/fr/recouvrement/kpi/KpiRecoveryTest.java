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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The recovery by stage of GET /api/kpis: dossiers move through their stages on the days the clock is set to, as the
 * scenario moves them, and each payment counts at the stage of its date.
 */
@RecouvrementSpringTest
class KpiRecoveryTest extends KpiSpringTest {



    @Test
    void eachPaymentCountsOnceAtTheStageOfItsDateAndEachStageItsSettledDossiers() {
        // The period: 2026-10-01 to 2026-11-30.
        // P, due 10-20, paid before its due date: pre-due.
        String p = portfolio.b2b(LedgerFixtures.newSiren(), "2026-10-20", "100.00");
        // W, due 08-01, notice 09-20, paid 50.00 on 09-25 (before the period), judicial 10-10, handed off 10-12,
        // then pays 250.00 on 11-05: after the handoff.
        String w = portfolio.b2b(LedgerFixtures.newSiren(), "2026-08-01", "800.00");
        String dossierW = stages(w, "2026-08-02", "CONCILIATION", "2026-09-20", "MISE_EN_DEMEURE", "2026-10-10",
                "JUDICIAIRE");
        portfolio.on("2026-10-12");
        invoices.changeStatusInDossier(portfolio.dossierId(dossierW), Set.of(InvoiceStatus.OPEN), InvoiceStatus.JUDICIAL);
        dossiers.close(portfolio.dossierId(dossierW), "INJONCTION_DE_PAYER");
        // Z, due 09-20: conciliation 09-21 and relance 1 09-28 before the period, relance 2 10-06, notice 10-21,
        // settled by 2000.00 on 10-30: at the notice.
        String z = portfolio.b2b(LedgerFixtures.newSiren(), "2026-09-20", "2000.00");
        String dossierZ = stages(z, "2026-09-21", "CONCILIATION", "2026-09-28", "RELANCE_1", "2026-10-06", "RELANCE_2",
                "2026-10-21", "MISE_EN_DEMEURE");
        settle(dossierZ, "2026-10-30");
        // X, due 10-05, conciliation 10-06, settled by 300.00 on 10-08: at the conciliation.
        String x = portfolio.b2b(LedgerFixtures.newSiren(), "2026-10-05", "300.00");
        String dossierX = stages(x, "2026-10-06", "CONCILIATION");
        settle(dossierX, "2026-10-08");
        // Y, due 10-05: conciliation 10-06, relance 1 10-12 then 400.00 paid on 10-15; relance 2 10-20 then a credit
        // note of 100.00 on 10-21 and 500.00 paid on 10-25: settled at relance 2. Its relance 2 is recorded twice, as
        // a retried job would: one entry.
        String y = portfolio.b2b(LedgerFixtures.newSiren(), "2026-10-05", "1000.00");
        String dossierY = stages(y, "2026-10-06", "CONCILIATION", "2026-10-12", "RELANCE_1", "2026-10-20", "RELANCE_2");
        dossiers.enterStep(portfolio.dossierId(dossierY), "RELANCE_2");
        settle(dossierY, "2026-10-25");
        // V, due 10-10: conciliation 10-11, relance 1 10-17, nothing paid.
        String v = portfolio.b2b(LedgerFixtures.newSiren(), "2026-10-10", "600.00");
        stages(v, "2026-10-11", "CONCILIATION", "2026-10-17", "RELANCE_1");
        portfolio.on("2026-11-24");
        portfolio.pay(p, "100.00", "2026-10-15");
        portfolio.pay(w, "50.00", "2026-09-25");
        portfolio.pay(w, "250.00", "2026-11-05");
        portfolio.pay(z, "2000.00", "2026-10-30");
        portfolio.pay(x, "300.00", "2026-10-08");
        portfolio.pay(y, "400.00", "2026-10-15");
        portfolio.credit(y, "100.00", "2026-10-21");
        portfolio.pay(y, "500.00", "2026-10-25");

        JsonNode recovery = portfolio.kpis("&from=2026-10-01&to=2026-11-30").get("recovery");

        assertThat(recovery.get("from").asText()).isEqualTo("2026-10-01");
        assertThat(recovery.get("to").asText()).isEqualTo("2026-11-30");
        assertThat(recovery.get("method").asText()).startsWith("Un paiement, ou un avoir");
        // stage, paid, credited, reached, settled, rate. Pre-due counts invoices: P, X, Y and V fall due in the
        // period (Z and W before), P alone was settled without a dossier. Conciliation: X, Y, V entered it in the
        // period, X settled there. Relance 1: Y and V, none settled. Relance 2: Z and Y, Y settled. Notice: Z,
        // settled. Judicial: W, handed off. The credit note counts once, as credited; W's 50.00 is before the period.
        assertThat(stages(recovery)).containsExactly(
                "PRE_ECHEANCE 100.00 0.00 4 1 0.2500",
                "CONCILIATION 300.00 0.00 3 1 0.3333",
                "RELANCE_1 400.00 0.00 2 0 0.0000",
                "RELANCE_2 500.00 100.00 2 1 0.5000",
                "RELANCE_3 0.00 0.00 0 0 null",
                "MISE_EN_DEMEURE 2000.00 0.00 1 1 1.0000",
                "JUDICIAIRE 250.00 0.00 1 0 0.0000");
        assertThat(jdbc.queryForList("""
                select s.stage from recouvrement.dossier_stage s join recouvrement.dossier d on d.id = s.dossier_id
                where d.number = ? order by s.entered_at, s.id""", String.class, dossierY))
                .containsExactly("CONCILIATION", "RELANCE_1", "RELANCE_2", "TERMINE");

        // October alone: W still entered the judicial stage in it (10-10), but its 250.00 of November falls out.
        JsonNode october = portfolio.kpis("&from=2026-10-01&to=2026-10-31").get("recovery");
        assertThat(stages(october).get(6)).isEqualTo("JUDICIAIRE 0.00 0.00 1 0 0.0000");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIs400() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("manager", "manager")
                .getForEntity("/api/kpis?from=2026-11-01&to=2026-10-01", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("from");
        assertThat(response.getBody().at("/errors/0/message").asText())
                .isEqualTo("La période commence le 2026-11-01, après sa fin (to) le 2026-10-01.");
    }

    @Test
    void theDefaultPeriodIsTheTwelveMonthsUpToAsOf() {
        JsonNode recovery = portfolio.kpis("&asOf=2026-11-24").get("recovery");

        assertThat(recovery.get("from").asText()).isEqualTo("2025-11-25");
        assertThat(recovery.get("to").asText()).isEqualTo("2026-11-24");
    }

    /** Opens the invoice's dossier on the first day and moves it through the stages on the days given. */
    private String stages(String invoice, String... daysAndStages) {
        portfolio.on(daysAndStages[0]);
        String dossier = portfolio.dossier(invoice);
        for (int i = 0; i < daysAndStages.length; i += 2) {
            portfolio.on(daysAndStages[i]);
            String stage = daysAndStages[i + 1];
            if (stage.startsWith("RELANCE") || stage.equals("MISE_EN_DEMEURE")) {
                dossiers.enterStep(portfolio.dossierId(dossier), stage);
            } else {
                dossiers.moveToStage(dossier, stage);
            }
        }
        return dossier;
    }

    private void settle(String dossier, String day) {
        portfolio.on(day);
        dossiers.close(portfolio.dossierId(dossier), "SOLDE");
    }

    /** Each stage as "stage paid credited reached settled rate". */
    private static List<String> stages(JsonNode recovery) {
        List<String> stages = new ArrayList<>();
        recovery.get("stages").forEach(s -> stages.add(String.join(" ", s.get("stage").asText(),
                s.get("paid").asText(), s.get("credited").asText(), s.get("reached").asText(),
                s.get("settled").asText(), s.get("recoveryRate").asText())));
        return stages;
    }
}
