package fr.recouvrement.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.MutableClock;
import fr.recouvrement.RecouvrementSpringTest;
import fr.recouvrement.invoice.InvoiceStatus;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The operational part of GET /api/kpis: what stands now, whatever asOf says. */
@RecouvrementSpringTest
class KpiOperationalTest extends KpiSpringTest {

    @Autowired
    TaskService tasks;


    @Test
    void promisesPlansDisputesLettersAndDeliveries() {
        // Consumers of any segment get 7 days of grace after a promise or an instalment (scenario-recouvrement).
        portfolio.on("2026-11-01");
        String behind = portfolio.b2c(KpiPortfolio.newConsumer(), "2026-10-15", "120.00");
        portfolio.dossier(behind);
        // Instalments of 60.00 on 11-05 and 11-20: the first is due after 11-12 and nothing was paid: missed.
        portfolio.event(behind, """
                {"type": "PAYMENT_PLAN", "instalments": [{"date": "2026-11-05", "amount": "60.00"},
                                                         {"date": "2026-11-20", "amount": "60.00"}]}""");
        portfolio.on("2026-11-02");
        String kept = portfolio.b2c(KpiPortfolio.newConsumer(), "2026-10-20", "120.00");
        portfolio.dossier(kept);
        portfolio.event(kept, "{\"type\": \"PROMISE\", \"date\": \"2026-11-10\"}"); // deadline 11-17
        String broken = portfolio.b2c(KpiPortfolio.newConsumer(), "2026-10-20", "90.00");
        portfolio.dossier(broken);
        portfolio.event(broken, "{\"type\": \"PROMISE\", \"date\": \"2026-11-10\"}"); // deadline 11-17
        portfolio.on("2026-11-03");
        String disputedEarlier = portfolio.b2c(KpiPortfolio.newConsumer(), "2026-10-10", "80.00");
        portfolio.event(disputedEarlier, "{\"type\": \"DISPUTE\", \"reason\": \"Jamais reçu\"}");
        portfolio.on("2026-11-24");
        portfolio.pay(kept, "120.00", "2026-11-16");   // after the promised date, within the grace: kept
        portfolio.pay(broken, "90.00", "2026-11-18");  // one day after the deadline: broken
        String open = portfolio.b2c(KpiPortfolio.newConsumer(), "2026-11-10", "75.00");
        portfolio.dossier(open);
        portfolio.event(open, "{\"type\": \"PROMISE\", \"date\": \"2026-11-30\"}");  // deadline 12-07: open
        String running = portfolio.b2c(KpiPortfolio.newConsumer(), "2026-11-01", "200.00");
        portfolio.dossier(running);
        portfolio.event(running, """
                {"type": "PAYMENT_PLAN", "instalments": [{"date": "2026-12-01", "amount": "100.00"},
                                                         {"date": "2026-12-15", "amount": "100.00"}]}""");
        String disputedToday = portfolio.b2c(KpiPortfolio.newConsumer(), "2026-11-05", "150.00");
        portfolio.event(disputedToday, "{\"type\": \"DISPUTE\", \"reason\": \"Montant contesté\"}");
        // Messages as the outbox stores them: a letter and a notice to post, a notice posted whose AR has not come,
        // an e-mail failed, one uncertain.
        long letters = portfolio.dossierId(portfolio.dossier(
                portfolio.b2c(KpiPortfolio.newConsumer(), "2026-09-01", "500.00")));
        long posted = portfolio.dossierId(portfolio.dossier(
                portfolio.b2c(KpiPortfolio.newConsumer(), "2026-09-01", "500.00")));
        communication(letters, "RELANCE_3", "LETTER", "PENDING");
        communication(letters, "MISE_EN_DEMEURE", "LRAR", "PENDING");
        communication(letters, "RELANCE_1", "EMAIL", "FAILED");
        communication(posted, "MISE_EN_DEMEURE", "LRAR", "SENT");
        communication(posted, "RELANCE_2", "EMAIL", "UNKNOWN");
        communication(posted, "RELANCE_1", "EMAIL", "SENT");

        JsonNode operational = portfolio.kpis("&asOf=2026-01-01").get("operational");

        assertThat(operational.get("current").asBoolean()).isTrue();
        assertThat(operational.at("/promises/open").asInt()).isEqualTo(1);
        assertThat(operational.at("/promises/kept").asInt()).isEqualTo(1);
        assertThat(operational.at("/promises/broken").asInt()).isEqualTo(1);
        assertThat(operational.at("/promises/deadlinesSince").asText()).isEqualTo("2026-08-26");
        assertThat(operational.at("/plans/running").asInt()).isEqualTo(1);
        assertThat(operational.at("/plans/runningAmount").asText()).isEqualTo("200.00");
        assertThat(operational.at("/plans/missed").asInt()).isEqualTo(1);
        assertThat(operational.at("/plans/missedAmount").asText()).isEqualTo("120.00");
        // 150.00 + 80.00; the older was raised on 11-03.
        assertThat(operational.at("/disputes/open").asInt()).isEqualTo(2);
        assertThat(operational.at("/disputes/amount").asText()).isEqualTo("230.00");
        assertThat(operational.at("/disputes/oldestSince").asText()).isEqualTo("2026-11-03");
        assertThat(operational.get("lettersToPost").asInt()).isEqualTo(2);
        assertThat(operational.get("registeredLettersAwaitingReceipt").asInt()).isEqualTo(1);
        assertThat(operational.at("/deliveries/failed").asInt()).isEqualTo(1);
        assertThat(operational.at("/deliveries/unknown").asInt()).isEqualTo(1);
        assertThat(operational.get("judicialHandoffs")).isEmpty();

        // Its AR recorded, the notice waits no more.
        dossiers.recordNoticeReceived(posted, LocalDate.parse("2026-11-20"));
        assertThat(portfolio.kpis("").at("/operational/registeredLettersAwaitingReceipt").asInt()).isZero();
    }

    @Test
    void aForeclosedClaimIsAHandoffOfItsOwnBesideTheDeclaredOnes() {
        // Two debtors in a collective procedure: one claim declared, one foreclosed (neither declared in time nor
        // relieved, L622-26). Both dossiers went to the legal team; the foreclosed one is what the procedure will not
        // pay, so it is counted apart rather than hidden or mixed with the declared claims.
        portfolio.on("2026-10-01");
        String declared = portfolio.b2b(LedgerFixtures.newSiren(), "2026-09-01", "1000.00");
        String foreclosed = portfolio.b2b(LedgerFixtures.newSiren(), "2026-09-01", "700.00");
        portfolio.pay(foreclosed, "200.00", "2026-09-20");
        for (String[] closing : new String[][] {{declared, "DECLARATION_CREANCE"}, {foreclosed, "FORCLUSION"}}) {
            String dossier = portfolio.dossier(closing[0]);
            long id = portfolio.dossierId(dossier);
            dossiers.moveToStage(dossier, "JUDICIAIRE");
            invoices.changeStatusInDossier(id, Set.of(InvoiceStatus.OPEN), InvoiceStatus.JUDICIAL);
            dossiers.close(id, closing[1]);
        }
        portfolio.on("2026-11-24");

        JsonNode handoffs = portfolio.kpis("").at("/operational/judicialHandoffs");

        // Declared: 1,000.00 owed; foreclosed: 700.00 − 200.00 paid before = 500.00, lost in the procedure.
        assertThat(handoffs).extracting(h -> h.get("route").asText() + " " + h.get("dossiers").asInt() + " "
                + h.get("amount").asText()).containsExactly("DECLARATION_CREANCE 1 1000.00", "FORCLUSION 1 500.00");
    }

    @Test
    void tasksPastTheirDueDateOrEscalatedAreCounted() {
        long before = tasksPastDue("");
        Task late = task(30, -1);
        Task escalated = task(80, 2);
        Task onTime = task(50, 2);
        try {
            // The late one and the escalated one; tasks outside the collection processes carry no segment.
            assertThat(tasksPastDue("")).isEqualTo(before + 2);
            assertThat(tasksPastDue("?segment=" + portfolio.segment)).isZero();
        } finally {
            List.of(late, escalated, onTime).forEach(task -> tasks.deleteTask(task.getId(), true));
        }
    }

    private long tasksPastDue(String query) {
        return http.withBasicAuth("manager", "manager").getForObject("/api/kpis" + query, JsonNode.class)
                .at("/operational/tasksPastDue").asLong();
    }

    private Task task(int priority, int dueInDays) {
        Task task = tasks.newTask();
        task.setName("Tâche d'essai des indicateurs");
        task.setPriority(priority);
        task.setDueDate(Date.from(ZonedDateTime.of(clock.today().plusDays(dueInDays), LocalTime.of(9, 0),
                MutableClock.PARIS).toInstant()));
        tasks.saveTask(task);
        return task;
    }

    private void communication(long dossierId, String step, String channel, String status) {
        jdbc.update("""
                insert into recouvrement.communication (dossier_id, step, channel, status, recipient, subject)
                values (?, ?, ?, ?, 'particulier@example.fr', 'Essai')""", dossierId, step, channel, status);
    }
}
