package fr.recouvrement.kpi;

import fr.recouvrement.MutableClock;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the Spring tests of the KPIs share (each is a {@code @RecouvrementSpringTest}): a portfolio of its own segment
 * per test, and today back to {@link MutableClock#DEFAULT_TODAY} before and after, since they move it.
 */
abstract class KpiSpringTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DossierRepository dossiers;
    @Autowired
    InvoiceRepository invoices;
    @Autowired
    MutableClock clock;
    KpiPortfolio portfolio;

    @BeforeEach
    void newPortfolio() {
        clock.reset();
        portfolio = new KpiPortfolio(http, jdbc, dossiers, invoices, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
