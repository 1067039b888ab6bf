package fr.recouvrement;

import fr.recouvrement.dunning.ProcessDriver;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a test of the ledger or the scenario needs: the application over real HTTP, a company of its own (a fresh
 * SIREN), jobs run by hand on the movable clock, and the clock put back afterwards.
 */
@RecouvrementSpringTest
public abstract class LedgerTest {

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected RepositoryService repository;
    protected LedgerFixtures fixtures;
    protected ProcessDriver driver;
    protected String siren;

    @BeforeEach
    void setUpLedger() {
        fixtures = new LedgerFixtures(http, jdbc);
        driver = new ProcessDriver(management, runtime, clock);
        siren = LedgerFixtures.newSiren();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Deploys a stand-in for a dossier's process that waits for {@code message} (the real one is tested on its own),
     * so a test can see what the message carries. Returns the deployment id, to delete (cascade) after the test.
     */
    protected String deployProcessWaitingFor(String processKey, String message) {
        return repository.createDeployment().name(processKey)
                .addModelInstance(processKey + ".bpmn", Bpmn.createExecutableProcess(processKey)
                        .camundaHistoryTimeToLive(1)
                        .startEvent().receiveTask("Attendre").message(message)
                        .userTask("Suite").endEvent().done())
                .deploy().getId();
    }
}
