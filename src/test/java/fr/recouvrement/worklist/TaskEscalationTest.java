package fr.recouvrement.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.recouvrement.communication.MailTest;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A task still open when its due date (the DMN's task SLA) passes is escalated to the managers: they see it in their
 * Tasklist, with a higher priority and a comment saying why. Today is Tuesday 24 November 2026.
 */
class TaskEscalationTest extends MailTest {

    @Test
    void aConciliationCallNotMadeInTimeGoesToTheManagersToo() {
        ProcessInstance dossier = openDossier(b2bDebtor("Appel En Retard", "PME"), "2026-11-16", newInvoice(), "900.00");
        Task call = task("AppelConciliation", dossier);
        assertThat(candidateGroups(call)).containsExactly("agents-recouvrement");

        passDueDate(call, dossier);

        Task late = task("AppelConciliation", dossier);
        assertThat(candidateGroups(late)).containsExactlyInAnyOrder("agents-recouvrement", "managers-recouvrement");
        assertThat(late.getPriority()).isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
        assertThat(tasks.getTaskComments(late.getId())).singleElement()
                .satisfies(c -> assertThat(c.getFullMessage()).contains("Tâche en retard"));
        assertThat(dossier).hasPassed("SignalerRetardAppelConciliation", "RetardSignaleAppelConciliation");
        // The call is still the agents' to make: escalating takes nothing away.
        complete(late, withVariables("callOutcome", "REFUS"));
        assertThat(dossier).hasPassed("ConciliationFaite");
    }

    @Test
    void aRegisteredLetterNotPostedInTimeGoesToTheManagersToo() {
        // A chronic late payer 30 days late: the notice is to be posted now.
        ProcessInstance dossier = openDossier(b2bDebtor("Notice En Retard", "MAUVAIS_PAYEUR"), "2026-10-25",
                newInvoice(), "900.00");
        Task post = task("PosterLRAR", dossier);

        passDueDate(post, dossier);

        assertThat(candidateGroups(task("PosterLRAR", dossier))).contains("managers-recouvrement");
        assertThat(dossier).hasPassed("RetardSignalePosterLRAR");
    }

    @Test
    void aPlanNotEnteredInTimeGoesToTheManagersToo() {
        ProcessInstance dossier = openDossier(b2bDebtor("Échéancier En Retard", "PME"), "2026-11-16", newInvoice(),
                "900.00");
        complete(task("AppelConciliation", dossier), withVariables("callOutcome", "ECHEANCIER"));
        Task plan = task("EtablirEcheancier", dossier);

        passDueDate(plan, dossier);

        assertThat(candidateGroups(task("EtablirEcheancier", dossier))).contains("managers-recouvrement");
        assertThat(dossier).hasPassed("RetardSignaleEtablirEcheancier");
    }

    @Test
    void aLetterNotPrintedInTimeGoesToTheManagersToo() {
        ProcessInstance dossier = openDossier(b2bDebtor("Courrier En Retard", "GRAND_COMPTE"), "2026-10-24",
                newInvoice(), "2400.00");
        ProcessInstance delivery = delivery(dossierNumber(dossier), "RELANCE_3");
        driver.runDueJobs(delivery.getId());
        Task post = task("PosterCourrier", delivery);

        passDueDate(post, delivery);

        assertThat(candidateGroups(task("PosterCourrier", delivery))).contains("managers-recouvrement");
        assertThat(delivery).hasPassed("RetardSignalePosterCourrier").isWaitingAt("PosterCourrier");
    }

    private void passDueDate(Task task, ProcessInstance instance) {
        Instant due = task.getDueDate().toInstant();
        clock.set(due.minusSeconds(60));
        driver.runDueJobs(instance.getId());
        assertThat(candidateGroups(task)).doesNotContain("managers-recouvrement");
        clock.set(due.plusSeconds(1));
        driver.runDueJobs(instance.getId());
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getGroupId).toList();
    }
}
