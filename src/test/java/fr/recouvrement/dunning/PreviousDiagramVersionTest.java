package fr.recouvrement.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import fr.recouvrement.scenario.BeforeTheGuard;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A dossier keeps the diagram version it started with. The versions deployed before the service tasks moved to one
 * bean per business area call {@code ${dossierCollection.…}}: those delegates must still run them, from the first
 * relance to the judicial handoff. The diagrams of that version are kept in {@code
 * src/test/resources/previous-diagrams}.
 */
class PreviousDiagramVersionTest extends LedgerTest {

    private static final List<String> PREVIOUS = List.of("recouvrement-amiable.bpmn", "verification-debiteur.bpmn");

    private String deployment;

    @Autowired
    ProcessEngine engine;

    /**
     * That version was deployed before the deployment guard, which would refuse it today (its dispute task's listener
     * calls {@code task.execution.setVariableLocal}). Then the engine forgets what it parsed, as at a restart: the
     * dossier below makes it parse that version again from the database, and the guard, which checks new
     * deployments only, must let it run.
     */
    @BeforeEach
    void deployThePreviousVersion() {
        deployment = BeforeTheGuard.deploy(engine, () -> {
            DeploymentBuilder builder = repository.createDeployment().name("previous-diagrams");
            PREVIOUS.forEach(file -> builder.addClasspathResource("previous-diagrams/" + file));
            return builder.deploy().getId();
        });
        BeforeTheGuard.forgetParsedDefinitions(engine);
    }

    @AfterEach
    void removeIt() {
        repository.deleteDeployment(deployment, true);
    }

    @Test
    void aDossierStartedOnThePreviousVersionRunsToTheJudicialHandoff() {
        String invoice = LedgerFixtures.newNumber("OLD");
        String number = "D-%s-001".formatted(siren);
        fixtures.registerB2b(invoice, siren, "2026-11-16", "1500.00", "PME");
        driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult().getId());
        ProcessInstance dossier = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        assertThat(repository.getProcessDefinition(dossier.getProcessDefinitionId()).getDeploymentId())
                .isEqualTo(deployment);
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isWaitingAt("AppelConciliation", "DateRelance2", "AlertePrescription");
        driver.at(LocalDateTime.of(2026, 12, 1, 9, 0), dossier.getId());
        driver.at(LocalDateTime.of(2026, 12, 16, 9, 0), dossier.getId());
        assertThat(dossier).isWaitingAt("PosterLRAR");
        // The latest forms, which that version opens too, send the dates as typed: its steps read them all the same.
        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A 123 456 789 01",
                "postedOn", "16/12/2026"));
        driver.runDueJobs(dossier.getId());
        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "AR", "receivedOn", "18/12/2026"));
        driver.runDueJobs(dossier.getId());
        driver.at(LocalDateTime.of(2026, 12, 28, 9, 0), dossier.getId());
        complete(task("TransmettreJuridique", dossier), withVariables("routeConfirmed", true));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded().hasPassed("EnvoyerRelance1", "EnvoyerRelance2", "PreparerMiseEnDemeure",
                "EnregistrerEnvoi", "EnregistrerReception", "PreparerContentieux", "TransmisAuJuridique");
        // The test delivers no e-mail: the closing dossier cancels the two relances still pending.
        assertThat(jdbc.queryForList("""
                select c.step || '/' || c.status from recouvrement.communication c
                join recouvrement.dossier d on d.id = c.dossier_id where d.number = ? order by c.id""", String.class,
                number)).containsExactly("RELANCE_1/CANCELLED", "RELANCE_2/CANCELLED", "MISE_EN_DEMEURE/SENT");
        assertThat(jdbc.queryForMap("select status, closing_reason, notice_received_on::text as received"
                + " from recouvrement.dossier where number = ?", number))
                .containsEntry("status", "CLOSED").containsEntry("closing_reason", "PETITES_CREANCES")
                .containsEntry("received", "2026-12-18");
    }
}
