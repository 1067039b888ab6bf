package fr.recouvrement.dunning;

import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.MutableClock;
import fr.recouvrement.RecouvrementSpringTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every scenario test needs: the ledger through its API, a company of its own (a fresh SIREN), the jobs run by
 * hand on the movable clock, and the clock put back afterwards.
 */
@RecouvrementSpringTest
abstract class ScenarioTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    MutableClock clock;
    LedgerFixtures fixtures;
    ProcessDriver driver;
    String siren;

    @BeforeEach
    void setUpScenario() {
        fixtures = new LedgerFixtures(http, jdbc);
        driver = new ProcessDriver(management, clock);
        siren = LedgerFixtures.newSiren();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
