package fr.recouvrement.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** A promise to pay and a hold, and what they do to the dossier's dates (docs/architecture.md §3 "At any time"). */
class InterruptionsProcessTest extends LedgerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    String invoice;
    ProcessInstance dossier;

    /** PME, 800 EUR due Friday 20 November (J): relance 1 waits for J+7, Friday 27 November at 09:00. */
    void openDossier() {
        openDossier("2026-11-20", "PME");
        assertThat(driver.timerDue(dossier.getId(), "DateRelance1")).isEqualTo(at9(11, 27));
    }

    void openDossier(String dueDate, String segment) {
        invoice = LedgerFixtures.newNumber("INT");
        fixtures.registerB2b(invoice, siren, dueDate, "800.00", segment);
        driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult().getId());
        dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey("D-" + siren + "-001").singleResult();
        driver.runDueJobs(dossier.getId());
    }

    void report(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("agent", "agent").postForEntity("/api/invoices/" + invoice + "/events",
                new HttpEntity<>(json, headers), String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        driver.runDueJobs(dossier.getId());
    }

    /** The ladder's steps stored for the dossier; a promise's written confirmation is not one. */
    List<String> steps() {
        return jdbc.queryForList("""
                select c.step from recouvrement.communication c join recouvrement.dossier d on d.id = c.dossier_id
                where d.number = ? and c.step <> 'CONFIRMATION_PROMESSE' order by c.id""", String.class,
                "D-" + siren + "-001");
    }

    String stage() {
        return http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + invoice, com.fasterxml.jackson.databind.JsonNode.class)
                .get("stage").asText();
    }

    static java.time.Instant at9(int month, int day) {
        return LocalDateTime.of(2026, month, day, 9, 0).atZone(PARIS).toInstant();
    }

    @Test
    void aBrokenPromiseDelaysTheNextStepUntilItsDatePlusGrace() {
        openDossier();
        report("{\"type\": \"PROMISE\", \"date\": \"2026-12-04\"}");
        assertThat(stage()).isEqualTo("PROMESSE");

        driver.at(LocalDateTime.of(2026, 11, 27, 9, 0), dossier.getId());

        // Promised 4 December + 5 days of grace (PME) = Wednesday 9 December: relance 1 waits until then.
        assertThat(steps()).isEmpty();
        assertThat(dossier).hasPassed("ReporteeRelance1");
        assertThat(driver.timerDue(dossier.getId(), "DateRelance1")).isEqualTo(at9(12, 9));

        driver.at(LocalDateTime.of(2026, 12, 9, 9, 0), dossier.getId());
        assertThat(steps()).containsExactly("RELANCE_1");
        assertThat(stage()).isEqualTo("RELANCE_1");
    }

    @Test
    void aPromiseAfterTheFirstRelanceThenAHoldBeforeTheNoticeMoveEachStep() {
        openDossier();
        driver.at(LocalDateTime.of(2026, 11, 27, 9, 0), dossier.getId());
        report("{\"type\": \"PROMISE\", \"date\": \"2026-12-10\"}");

        // Relance 2 was due J+15 (Saturday 5 December, so Monday 7); promised 10 December + 5 days: Tuesday 15.
        driver.at(LocalDateTime.of(2026, 12, 7, 9, 0), dossier.getId());
        assertThat(dossier).hasPassed("ReporteeRelance2");
        assertThat(driver.timerDue(dossier.getId(), "DateRelance2")).isEqualTo(at9(12, 15));
        driver.at(LocalDateTime.of(2026, 12, 15, 9, 0), dossier.getId());
        assertThat(steps()).containsExactly("RELANCE_1", "RELANCE_2");

        // The notice (J+30, Sunday 20 December, so Monday 21) meets a hold reported on Friday 18.
        clock.set(LocalDateTime.of(2026, 12, 18, 10, 0).atZone(PARIS).toInstant());
        report("{\"type\": \"HOLD\", \"reason\": \"Médiation\"}");
        driver.at(LocalDateTime.of(2026, 12, 21, 9, 0), dossier.getId());
        assertThat(dossier).hasPassed("ReporteeMiseEnDemeure").hasNotPassed("PosterLRAR");

        // Released Monday 28 December after 10 days: the notice moves to J+40, Wednesday 30 December.
        clock.set(LocalDateTime.of(2026, 12, 28, 10, 0).atZone(PARIS).toInstant());
        report("{\"type\": \"RELEASE\"}");
        assertThat(driver.timerDue(dossier.getId(), "DateMiseEnDemeure")).isEqualTo(at9(12, 30));
        driver.at(LocalDateTime.of(2026, 12, 30, 9, 0), dossier.getId());
        assertThat(dossier).isWaitingAt("PosterLRAR");
    }

    @Test
    void aPromiseBeforeTheThirdRelanceOfALargeAccountMovesIt() {
        // Grand compte due Monday 16 November: relance 1 now, relance 2 on 1 December, relance 3 at J+30 (16 December).
        openDossier("2026-11-16", "GRAND_COMPTE");
        driver.at(LocalDateTime.of(2026, 12, 1, 9, 0), dossier.getId());
        report("{\"type\": \"PROMISE\", \"date\": \"2026-12-20\"}");

        driver.at(LocalDateTime.of(2026, 12, 16, 9, 0), dossier.getId());

        // Promised 20 December + 5 days = Christmas, a holiday: Monday 28 December.
        assertThat(dossier).hasPassed("ReporteeRelance3");
        assertThat(driver.timerDue(dossier.getId(), "DateRelance3")).isEqualTo(at9(12, 28));
        assertThat(steps()).containsExactly("RELANCE_1", "RELANCE_2");
    }

    @Test
    void aPaymentPlanHoldsTheLadderWhileItIsKeptAndAMissedInstalmentResumesIt() {
        openDossier();
        report("""
                {"type": "PAYMENT_PLAN", "instalments": [{"date": "2026-12-10", "amount": "400.00"},
                                                         {"date": "2027-01-11", "amount": "400.00"}]}""");
        assertThat(stage()).isEqualTo("ECHEANCIER");

        // Relance 1's date comes: the plan is on track, the step waits for the first instalment + 5 days of grace.
        driver.at(LocalDateTime.of(2026, 11, 27, 9, 0), dossier.getId());
        assertThat(steps()).isEmpty();
        assertThat(driver.timerDue(dossier.getId(), "DateRelance1")).isEqualTo(at9(12, 16));

        clock.setToday(java.time.LocalDate.of(2026, 12, 9));
        fixtures.pay(invoice, "ECH-1", "400.00", clock.today());
        driver.runDueJobs(dossier.getId());
        driver.at(LocalDateTime.of(2026, 12, 16, 9, 0), dossier.getId());
        // First instalment paid: wait for the second (11 January + 5 days + 1 = Sunday 17, so Monday 18).
        assertThat(steps()).isEmpty();
        assertThat(driver.timerDue(dossier.getId(), "DateRelance1"))
                .isEqualTo(LocalDateTime.of(2027, 1, 18, 9, 0).atZone(PARIS).toInstant());

        // The second instalment never comes: the plan is broken, relance 1 goes out.
        driver.at(LocalDateTime.of(2027, 1, 18, 9, 0), dossier.getId());
        assertThat(steps()).containsExactly("RELANCE_1");
        assertThat(jdbc.queryForObject("select status from recouvrement.invoice where number = ?", String.class, invoice))
                .isEqualTo("OPEN");
    }

    @Test
    void aKeptPromiseEndsTheDossierWithoutAnotherRelance() {
        openDossier();
        report("{\"type\": \"PROMISE\", \"date\": \"2026-12-04\"}");

        clock.setToday(java.time.LocalDate.of(2026, 12, 3));
        fixtures.pay(invoice, "VIR-PROMESSE", "800.00", clock.today());
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded().hasPassed("Solde");
        assertThat(steps()).isEmpty();
    }

    @Test
    void aHoldStopsTheLadderAndItsReleaseMovesTheRemainingDatesByItsLength() {
        openDossier();
        report("{\"type\": \"HOLD\", \"reason\": \"Rachat de la société en cours\"}");
        assertThat(stage()).isEqualTo("SUSPENDU");

        driver.at(LocalDateTime.of(2026, 11, 27, 9, 0), dossier.getId());
        assertThat(steps()).isEmpty();

        // Released on Friday 4 December, after 10 days on hold: relance 1 moves from J+7 to J+17, Monday 7 December.
        clock.set(LocalDateTime.of(2026, 12, 4, 10, 0).atZone(PARIS).toInstant());
        report("{\"type\": \"RELEASE\"}");
        assertThat(dossier).hasPassed("ReprendreApresSuspension");
        assertThat(driver.timerDue(dossier.getId(), "DateRelance1")).isEqualTo(at9(12, 7));

        driver.at(LocalDateTime.of(2026, 12, 7, 9, 0), dossier.getId());
        assertThat(steps()).containsExactly("RELANCE_1");
        // Relance 2 moves by 10 days too: J+15+10 = Tuesday 15 December.
        assertThat(driver.timerDue(dossier.getId(), "DateRelance2")).isEqualTo(at9(12, 15));
    }
}
