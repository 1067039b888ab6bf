package fr.recouvrement.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.MutableClock;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import java.time.LocalDate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A portfolio of its own for a KPI test. The tests share one database, so each portfolio's debtors get a segment no
 * other test uses, and the test asks for that segment: the figures are then those of this portfolio alone. Invoices,
 * payments and events go through the API; dossiers move through {@link DossierRepository} as the scenario moves them,
 * at the days the clock is set to.
 */
final class KpiPortfolio {

    final String segment = "KPI-" + System.nanoTime();
    private final TestRestTemplate http;
    private final JdbcTemplate jdbc;
    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final MutableClock clock;
    private final LedgerFixtures fixtures;

    KpiPortfolio(TestRestTemplate http, JdbcTemplate jdbc, DossierRepository dossiers, InvoiceRepository invoices,
            MutableClock clock) {
        this.http = http;
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.clock = clock;
        this.fixtures = new LedgerFixtures(http, jdbc);
    }

    /** A company's invoice, issued 30 days before its due date; returns its number. */
    String b2b(String siren, String dueDate, String amount) {
        String number = LedgerFixtures.newNumber("K");
        fixtures.registerB2b(number, siren, dueDate, amount, "PME");
        intoSegment(number);
        return number;
    }

    /** A consumer's invoice, issued 30 days before its due date; the name makes the consumer. */
    String b2c(String name, String dueDate, String amount) {
        String number = LedgerFixtures.newNumber("K");
        fixtures.register(number, dueDate, amount, consumer(name));
        intoSegment(number);
        return number;
    }

    /** As {@link #b2c(String, String, String)}, performed on {@code performanceDate} (null: not given). */
    String b2c(String name, String dueDate, String performanceDate, String amount) {
        String number = LedgerFixtures.newNumber("K");
        fixtures.register(number, dueDate, performanceDate, amount, consumer(name));
        intoSegment(number);
        return number;
    }

    /** A company's invoice, issued 30 days before its due date and performed on {@code performanceDate}. */
    String b2b(String siren, String dueDate, String performanceDate, String amount) {
        String number = LedgerFixtures.newNumber("K");
        fixtures.register(number, dueDate, performanceDate, amount, LedgerFixtures.company(siren, "PME"));
        intoSegment(number);
        return number;
    }

    /** A public body's invoice (debtor type PUBLIC), issued 30 days before its due date, performed on that date. */
    String publicBody(String siren, String dueDate, String performanceDate, String amount) {
        String number = LedgerFixtures.newNumber("K");
        fixtures.register(number, dueDate, performanceDate, amount, LedgerFixtures.company(siren, "PME")
                .replace("\"type\": \"B2B\"", "\"type\": \"PUBLIC\""));
        intoSegment(number);
        return number;
    }

    private static String consumer(String name) {
        return """
                {"name": "%s", "type": "B2C", "segment": "PME", "email": "particulier@example.fr",
                 "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}}"""
                .formatted(name);
    }

    /** The registration checks segments against the scenario's; the test's own is set afterwards. */
    private void intoSegment(String invoice) {
        jdbc.update("update recouvrement.debtor set segment = ? where id = (select debtor_id from recouvrement.invoice"
                + " where number = ?)", segment, invoice);
    }

    void pay(String invoice, String amount, String date) {
        payment(invoice, amount, date, "PAYMENT");
    }

    void credit(String invoice, String amount, String date) {
        payment(invoice, amount, date, "CREDIT_NOTE");
    }

    private void payment(String invoice, String amount, String date, String type) {
        post("/api/invoices/" + invoice + "/payments", """
                {"reference": "%s", "amount": "%s", "date": "%s", "type": "%s"}"""
                .formatted(LedgerFixtures.newNumber("R"), amount, date, type));
    }

    /** An event through the API, on the day the clock shows. */
    void event(String invoice, String json) {
        post("/api/invoices/" + invoice + "/events", json);
    }

    private void post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth("agent", "agent")
                .postForEntity(path, new HttpEntity<>(json, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** Opens the dossier of these invoices' debtor on the clock's day, origin the first one's due date. */
    String dossier(String... invoiceNumbers) {
        InvoiceRepository.Unplaced first = invoices.findUnplaced(invoiceNumbers[0]);
        DossierRepository.DossierKey dossier = dossiers.open(first.debtorId(), first.debtorType(), first.siren(),
                first.dueDate());
        for (String invoice : invoiceNumbers) {
            invoices.linkToDossier(invoices.findUnplaced(invoice).id(), dossier.id());
        }
        return dossier.number();
    }

    long dossierId(String number) {
        return dossiers.get(number).id();
    }

    /** Sets the clock to 10:00 in Paris on that day. */
    void on(String day) {
        clock.setToday(LocalDate.parse(day));
    }

    static String newConsumer() {
        return "Particulier " + LedgerFixtures.newNumber("C");
    }

    /** GET /api/kpis for this portfolio's segment, as a manager. */
    JsonNode kpis(String parameters) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("manager", "manager")
                .getForEntity("/api/kpis?segment=" + segment + parameters, JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
