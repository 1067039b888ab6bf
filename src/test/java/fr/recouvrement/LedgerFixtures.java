package fr.recouvrement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invoices registered through the real API, and dossiers set up in SQL exactly as the scenario stores them (the
 * scenario is the one writer of dossiers; these tests need one before it exists).
 */
public final class LedgerFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestRestTemplate http;
    private final JdbcTemplate jdbc;

    public LedgerFixtures(TestRestTemplate http, JdbcTemplate jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /** A number no other test uses (they share one database). */
    public static String newNumber(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    /** A valid SIREN (Luhn) no other test uses, so that each test's company has its own dossiers. */
    public static String newSiren() {
        String body = String.format("%08d", (System.nanoTime() / 1000 + SEQUENCE.incrementAndGet()) % 100_000_000L);
        for (int check = 0; check <= 9; check++) {
            String candidate = body + check;
            if (fr.recouvrement.debtor.Siren.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No Luhn check digit for " + body);
    }

    public void registerB2b(String number, String siren, String dueDate, String amount) {
        registerB2b(number, siren, dueDate, amount, "GRAND_COMPTE");
    }

    public void registerB2b(String number, String siren, String dueDate, String amount, String segment) {
        register(number, dueDate, amount, company(siren, segment));
    }

    /** A company as the API's JSON debtor. */
    public static String company(String siren, String segment) {
        return """
                {"name": "Total Négoce", "siren": "%s", "type": "B2B", "segment": "%s", "email": "compta@example.fr",
                 "address": {"line1": "1 place Jean Millier", "postalCode": "92400", "city": "Courbevoie",
                             "country": "FR"}}""".formatted(siren, segment);
    }

    /**
     * Registers an invoice issued 30 days before its due date, for the debtor given as the API's JSON. Performed on its
     * due date when that is not after the tests' day (a performance date cannot be in the future), since the scenarios
     * written before the performance date counted prescription from the due date; otherwise not given.
     */
    public void register(String number, String dueDate, String amount, String debtorJson) {
        boolean past = !java.time.LocalDate.parse(dueDate).isAfter(MutableClock.DEFAULT_TODAY);
        register(number, dueDate, past ? dueDate : null, amount, debtorJson);
    }

    /** As {@link #register(String, String, String, String)}, performed on {@code performanceDate} (null: not given). */
    public void register(String number, String dueDate, String performanceDate, String amount, String debtorJson) {
        String performed = performanceDate == null ? "" : "\"performanceDate\": \"" + performanceDate + "\", ";
        String body = """
                {"number": "%s", "issueDate": "%s", "dueDate": "%s", %s"amount": "%s", "currency": "EUR",
                 "debtor": %s}""".formatted(number, java.time.LocalDate.parse(dueDate).minusDays(30), dueDate, performed,
                amount, debtorJson);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth("agent", "agent")
                .postForEntity("/api/invoices", new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** Records a payment through the API. */
    public void pay(String invoice, String reference, String amount, java.time.LocalDate date) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth("agent", "agent").postForEntity(
                "/api/invoices/" + invoice + "/payments", new HttpEntity<>("{\"reference\": \"" + reference
                        + "\", \"amount\": \"" + amount + "\", \"date\": \"" + date + "\"}", headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** Opens a dossier for the debtor of these invoices and puts them in it; returns its number. */
    public String openDossier(String stage, String originDate, String... invoiceNumbers) {
        long debtorId = jdbc.queryForObject("select debtor_id from recouvrement.invoice where number = ?", Long.class,
                invoiceNumbers[0]);
        String number = newNumber("D");
        long dossierId = jdbc.queryForObject("""
                insert into recouvrement.dossier (number, debtor_id, debtor_type, sequence, status, origin_date, stage)
                values (?, ?, 'B2B', (select coalesce(max(sequence), 0) + 1 from recouvrement.dossier where debtor_id = ?),
                        'OPEN', cast(? as date), ?) returning id""",
                Long.class, number, debtorId, debtorId, originDate, stage);
        for (String invoice : invoiceNumbers) {
            jdbc.update("update recouvrement.invoice set dossier_id = ? where number = ?", dossierId, invoice);
        }
        return number;
    }
}
