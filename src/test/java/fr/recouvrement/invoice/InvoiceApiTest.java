package fr.recouvrement.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.recouvrement.MutableClock;
import fr.recouvrement.RecouvrementSpringTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST, GET and list of /api/invoices over real HTTP, on the embedded PostgreSQL. */
@RecouvrementSpringTest
class InvoiceApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;

    static String newNumber() {
        return "T-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    ObjectNode invoice(String number) {
        try {
            return (ObjectNode) json.readTree("""
                    {"number": "%s", "issueDate": "2026-10-01", "dueDate": "2026-10-31", "amount": "1500.00",
                     "currency": "EUR", "description": "Maintenance annuelle",
                     "debtor": {"name": "Dupont & Fils", "siren": "552081317", "type": "B2B", "segment": "PME",
                                "email": "compta@dupont-fils.fr", "phone": "+33 1 23 45 67 89",
                                "address": {"line1": "12 rue de la Paix", "postalCode": "75002", "city": "Paris",
                                            "country": "FR"}}}
                    """.formatted(number));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ResponseEntity<JsonNode> post(Object body) {
        return post("agent", body);
    }

    ResponseEntity<JsonNode> post(String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity("/api/invoices", new HttpEntity<>(body.toString(), headers),
                JsonNode.class);
    }

    @Test
    void registersAnInvoiceStartsItsFollowUpAndReadsItBack() {
        String number = newNumber();

        ResponseEntity<JsonNode> created = post(invoice(number));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/invoices/" + number);
        JsonNode body = created.getBody();
        assertThat(body.get("amount").asText()).isEqualTo("1500.00");
        assertThat(body.get("paid").asText()).isEqualTo("0.00");
        assertThat(body.get("balance").asText()).isEqualTo("1500.00");
        assertThat(body.get("status").asText()).isEqualTo("OPEN");
        assertThat(body.get("stage").asText()).isEqualTo("PRE_ECHEANCE");
        assertThat(body.get("dossier").isNull()).isTrue();
        // Due 2026-10-31, today 2026-11-24: 24 days late at 12.00 % (2026-H2 in the test profile: ECB 2.00 + 10):
        // 1,500 × 12 × 24 / 36,500 = 11.835... -> 11.84; the 40 EUR indemnity; no performance date given: prescription
        // 5 years after the issue date 2026-10-01.
        assertThat(body.get("penalties").asText()).isEqualTo("11.84");
        assertThat(body.get("indemnity").asText()).isEqualTo("40.00");
        assertThat(body.get("performanceDate").asText()).isEqualTo("2026-10-01");
        assertThat(body.get("prescriptionDate").asText()).isEqualTo("2031-10-01");
        assertThat(body.at("/debtor/siren").asText()).isEqualTo("552081317");
        assertThat(body.at("/debtor/address/city").asText()).isEqualTo("Paris");
        assertThat(body.has("warnings")).isFalse();

        JsonNode read = http.withBasicAuth("analyste", "analyste")
                .getForObject("/api/invoices/" + number, JsonNode.class);
        assertThat(read).isEqualTo(body);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("suivi-facture")
                .processInstanceBusinessKey(number).count()).isEqualTo(1);
    }

    @Test
    void theSameInvoiceAgainChangesNothing() {
        String number = newNumber();
        ResponseEntity<JsonNode> first = post(invoice(number));

        ResponseEntity<JsonNode> again = post(invoice(number));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(countInvoices(number)).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
    }

    @Test
    void anotherInvoiceUnderAKnownNumberIsAConflictThatChangesNothing() {
        String number = newNumber();
        post(invoice(number));
        ObjectNode other = invoice(number).put("amount", "1600.00").put("dueDate", "2026-11-15");

        ResponseEntity<JsonNode> conflict = post(other);

        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(conflict.getBody().get("errors").findValuesAsText("field")).containsExactly("dueDate", "amount");
        assertThat(http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + number, JsonNode.class)
                .get("amount").asText()).isEqualTo("1500.00");
    }

    @Test
    void concurrentRequestsForOneInvoiceStoreOneRowAndStartOneFollowUp() throws Exception {
        String number = newNumber();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<HttpStatus>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(() -> HttpStatus.valueOf(post(invoice(number)).getStatusCode().value()));
            }
            List<HttpStatus> statuses = new ArrayList<>();
            for (Future<HttpStatus> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(HttpStatus.CREATED, HttpStatus.OK);
            assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(countInvoices(number)).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
    }

    @Test
    void aPaymentTermBeyondTheLegalCapsIsAcceptedWithAWarning() {
        ResponseEntity<JsonNode> created = post(invoice(newNumber()).put("dueDate", "2027-01-15"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("warnings").get(0).asText()).contains("106 jours").contains("L441-10");
    }

    @Test
    void fortyFiveDaysEndOfMonthIsWithinTheCaps() {
        // Issued 2026-10-20: 45 days is 2026-12-04, end of that month 2026-12-31 (later than 60 days, 2026-12-19).
        ResponseEntity<JsonNode> created = post(invoice(newNumber()).put("issueDate", "2026-10-20")
                .put("dueDate", "2026-12-31"));

        assertThat(created.getBody().has("warnings")).isFalse();
    }

    @Test
    void aMissingHalfYearGivesNoPenaltiesAndSaysSo(@Autowired MutableClock clock) {
        String number = newNumber();
        post(invoice(number));
        clock.setToday(LocalDate.of(2027, 2, 1));
        try {
            JsonNode read = http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + number, JsonNode.class);

            assertThat(read.get("penalties").isNull()).isTrue();
            assertThat(read.get("indemnity").asText()).isEqualTo("40.00");
            assertThat(read.get("warnings").get(0).asText()).contains("2027-H1");
        } finally {
            clock.reset();
        }
    }

    static Stream<Arguments> performedInvoices() {
        return Stream.of(
                Arguments.of("trader performed 2026-09-15: + 5 years (L110-4)", "B2B", "2026-09-15", "2031-09-15"),
                Arguments.of("consumer performed 2026-09-15: + 2 years (L218-2)", "B2C", "2026-09-15", "2028-09-15"),
                Arguments.of("trader performed after the issue date, 2026-10-20: + 5 years", "B2B", "2026-10-20",
                        "2031-10-20"),
                Arguments.of("consumer performed 2024-02-29: + 2 years ends on 28 February (CPC 641)", "B2C",
                        "2024-02-29", "2026-02-28"),
                Arguments.of("trader, no performance date: the issue date 2026-10-01 + 5 years", "B2B", null,
                        "2031-10-01"),
                Arguments.of("consumer, no performance date: the issue date 2026-10-01 + 2 years", "B2C", null,
                        "2028-10-01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("performedInvoices")
    void prescriptionRunsFromThePerformanceDateElseTheIssueDate(String why, String type, String performed,
            String prescribed) {
        String number = newNumber();
        ObjectNode body = invoice(number);
        if (performed != null) {
            body.put("performanceDate", performed);
        }
        if ("B2C".equals(type)) {
            debtor(body).put("type", "B2C").put("name", "Jeanne Martin").put("email", "jeanne.martin@example.fr")
                    .remove("siren");
        }

        assertThat(post(body).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode read = http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + number, JsonNode.class);
        assertThat(read.get("performanceDate").asText()).as(why).isEqualTo(performed == null ? "2026-10-01" : performed);
        assertThat(read.get("prescriptionDate").asText()).as(why).isEqualTo(prescribed);
    }

    static Stream<Arguments> invalidInvoices() {
        return Stream.of(
                Arguments.of("number missing", (Consumer<ObjectNode>) i -> i.remove("number"), "number", "obligatoire"),
                Arguments.of("number with a space", (Consumer<ObjectNode>) i -> i.put("number", "F 1"), "number", "1 à 50"),
                Arguments.of("number too long", (Consumer<ObjectNode>) i -> i.put("number", "F".repeat(51)), "number", "1 à 50"),
                Arguments.of("bad issue date", (Consumer<ObjectNode>) i -> i.put("issueDate", "2026-02-30"), "issueDate", "n'est pas une date valide"),
                Arguments.of("French date on the API", (Consumer<ObjectNode>) i -> i.put("dueDate", "31/10/2026"), "dueDate", "AAAA-MM-JJ"),
                // Today is 2026-11-24: the day after is refused, and so is a day more than ten years back.
                Arguments.of("performed tomorrow", (Consumer<ObjectNode>) i -> i.put("performanceDate", "2026-11-25"), "performanceDate", "postérieure à aujourd'hui"),
                Arguments.of("performed over ten years ago", (Consumer<ObjectNode>) i -> i.put("performanceDate", "2016-11-23"), "performanceDate", "10 ans"),
                Arguments.of("bad performance date", (Consumer<ObjectNode>) i -> i.put("performanceDate", "2026-13-01"), "performanceDate", "n'est pas une date valide"),
                Arguments.of("French performance date on the API", (Consumer<ObjectNode>) i -> i.put("performanceDate", "30/09/2026"), "performanceDate", "AAAA-MM-JJ"),
                Arguments.of("due before issue", (Consumer<ObjectNode>) i -> i.put("dueDate", "2026-09-30"), "dueDate", "précéder"),
                Arguments.of("negative amount", (Consumer<ObjectNode>) i -> i.put("amount", "-10.00"), "amount", "supérieur à zéro"),
                Arguments.of("zero amount", (Consumer<ObjectNode>) i -> i.put("amount", "0"), "amount", "supérieur à zéro"),
                Arguments.of("three decimals", (Consumer<ObjectNode>) i -> i.put("amount", "10.005"), "amount", "deux décimales"),
                Arguments.of("amount not a number", (Consumer<ObjectNode>) i -> i.put("amount", "abc"), "amount", "nombre décimal"),
                Arguments.of("decimal comma on the API", (Consumer<ObjectNode>) i -> i.put("amount", "10,50"), "amount", "nombre décimal"),
                Arguments.of("dollars", (Consumer<ObjectNode>) i -> i.put("currency", "USD"), "currency", "EUR"),
                Arguments.of("retention of title neither true nor false", (Consumer<ObjectNode>) i -> i.put("retentionOfTitle", "peut-être"), "retentionOfTitle", "true ou false (oui ou non), pas « peut-être »"),
                Arguments.of("description too long", (Consumer<ObjectNode>) i -> i.put("description", "x".repeat(501)), "description", "500"),
                Arguments.of("no debtor", (Consumer<ObjectNode>) i -> i.remove("debtor"), "debtor", "obligatoire"),
                Arguments.of("no address", (Consumer<ObjectNode>) i -> debtor(i).remove("address"), "debtor.address", "obligatoire"),
                Arguments.of("SIREN fails Luhn", (Consumer<ObjectNode>) i -> debtor(i).put("siren", "552081318"), "debtor.siren", "Luhn"),
                Arguments.of("SIREN missing for B2B", (Consumer<ObjectNode>) i -> debtor(i).remove("siren"), "debtor.siren", "obligatoire"),
                Arguments.of("unknown type", (Consumer<ObjectNode>) i -> debtor(i).put("type", "B2G"), "debtor.type", "B2B, B2C"),
                Arguments.of("unknown segment", (Consumer<ObjectNode>) i -> debtor(i).put("segment", "VIP"), "debtor.segment", "PME"),
                Arguments.of("bad e-mail", (Consumer<ObjectNode>) i -> debtor(i).put("email", "compta@dupont"), "debtor.email", "pas valide"),
                Arguments.of("bad phone", (Consumer<ObjectNode>) i -> debtor(i).put("phone", "call me"), "debtor.phone", "pas valide"),
                Arguments.of("French postal code", (Consumer<ObjectNode>) i -> address(i).put("postalCode", "7502"), "debtor.address.postalCode", "5 chiffres"),
                Arguments.of("country not ISO", (Consumer<ObjectNode>) i -> address(i).put("country", "France"), "debtor.address.country", "deux lettres"),
                Arguments.of("city missing", (Consumer<ObjectNode>) i -> address(i).remove("city"), "debtor.address.city", "obligatoire"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInvoices")
    void eachRuleNamesItsFieldAndStoresNothing(String rule, Consumer<ObjectNode> breakIt, String field, String message) {
        ObjectNode body = invoice(newNumber());
        breakIt.accept(body);

        ResponseEntity<JsonNode> response = post(body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asText()).contains(message);
        if (body.hasNonNull("number")) {
            assertThat(countInvoices(body.get("number").asText())).isZero();
        }
    }

    @Test
    void aSegmentTheScenarioDoesNotNameIsRefusedWithTheKnownOnesAndNothingIsStored() {
        String number = newNumber();
        ObjectNode body = invoice(number);
        debtor(body).put("segment", "VIP");

        ResponseEntity<JsonNode> response = post(body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("debtor.segment");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("Le segment « VIP » est inconnu ; segments connus"
                + " du scénario de recouvrement déployé : FIDELE, GRAND_COMPTE, MAUVAIS_PAYEUR, PME.");
        assertThat(countInvoices(number)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void aSegmentIsReadInAnyCaseAndStoredAsTheScenarioWritesIt() {
        ObjectNode body = invoice(newNumber());
        debtor(body).put("siren", "732829320").put("segment", " mauvais_payeur ");

        ResponseEntity<JsonNode> response = post(body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().at("/debtor/segment").asText()).isEqualTo("MAUVAIS_PAYEUR");
    }

    @Test
    void theOpenApiDocumentGivesTheSegmentAsTextWithAnExample() {
        JsonNode schemas = http.getForObject("/v3/api-docs", JsonNode.class).get("components").get("schemas");

        for (String schema : new String[] {"DebtorView", "Debtor"}) {
            JsonNode segment = schemas.at("/" + schema + "/properties/segment");
            assertThat(segment.get("type").asText()).as(schema).isEqualTo("string");
            assertThat(segment.get("example").asText()).as(schema).isEqualTo("PME");
            // The DMN, not the document, lists the segments.
            assertThat(segment.has("enum")).as(schema).isFalse();
        }
    }

    @Test
    void everyProblemIsListedAtOnce() {
        ObjectNode body = invoice(newNumber()).put("amount", "-1").put("currency", "GBP");
        debtor(body).put("siren", "123").put("email", "nope");
        address(body).put("postalCode", "ABC");

        ResponseEntity<JsonNode> response = post(body);

        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "amount", "currency", "debtor.siren", "debtor.email", "debtor.address.postalCode");
    }

    @Test
    void aConsumerNeedsNoSirenAndGetsNoTermWarning() {
        ObjectNode body = invoice(newNumber()).put("dueDate", "2027-03-01");
        debtor(body).put("type", "B2C").put("name", "Jeanne Martin").put("email", "jeanne.martin@example.fr").remove("siren");

        ResponseEntity<JsonNode> response = post(body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().at("/debtor/siren").isNull()).isTrue();
        assertThat(response.getBody().has("warnings")).isFalse();
        // Issued 2026-10-01, no performance date: 2 years from the issue date, whatever the due date.
        assertThat(response.getBody().get("prescriptionDate").asText()).isEqualTo("2028-10-01");

        // Late (due 2026-10-31): still no penalty, no indemnity, and no interest before a mise en demeure.
        ObjectNode late = invoice(newNumber());
        debtor(late).put("type", "B2C").put("name", "Jeanne Martin").put("email", "jeanne.martin@example.fr").remove("siren");
        JsonNode lateBody = post(late).getBody();
        assertThat(lateBody.get("penalties").asText()).isEqualTo("0.00");
        assertThat(lateBody.get("indemnity").asText()).isEqualTo("0.00");
        assertThat(lateBody.get("prescriptionDate").asText()).isEqualTo("2028-10-01");
    }

    @Test
    void aCompanyIsOneDebtorWhoseLatestContactDetailsWin() {
        String siren = "443061841";
        ObjectNode first = invoice(newNumber());
        debtor(first).put("siren", siren).put("email", "old@example.fr");
        ObjectNode second = invoice(newNumber());
        debtor(second).put("siren", siren).put("email", "new@example.fr");

        long firstDebtor = post(first).getBody().at("/debtor/id").asLong();
        long secondDebtor = post(second).getBody().at("/debtor/id").asLong();

        assertThat(secondDebtor).isEqualTo(firstDebtor);
        JsonNode list = http.withBasicAuth("agent", "agent").getForObject("/api/invoices?debtor=" + siren, JsonNode.class);
        assertThat(list.get("totalItems").asLong()).isEqualTo(2);
        assertThat(list.get("items").findValuesAsText("email")).containsOnly("new@example.fr");
        // Newest first.
        assertThat(list.get("items").get(0).get("number").asText()).isEqualTo(second.get("number").asText());
    }

    @Test
    void listsPageByPage() {
        String siren = "732829320";
        for (int i = 0; i < 3; i++) {
            ObjectNode body = invoice(newNumber());
            debtor(body).put("siren", siren);
            post(body);
        }
        JsonNode page = http.withBasicAuth("agent", "agent")
                .getForObject("/api/invoices?debtor=" + siren + "&size=2&page=1&status=open", JsonNode.class);

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asLong()).isEqualTo(2);
    }

    @Test
    void badListParametersAreNamed() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("agent", "agent")
                .getForEntity("/api/invoices?status=LOST&size=500", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("status", "size");
    }

    @Test
    void anUnknownInvoiceIsA404() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("agent", "agent")
                .getForEntity("/api/invoices/NOPE-404", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("detail").asText()).contains("NOPE-404");
    }

    @Test
    void malformedJsonIsA400AndTheWrongContentTypeA415() {
        assertThat(post("{\"number\": ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> response = http.withBasicAuth("agent", "agent")
                .postForEntity("/api/invoices", new HttpEntity<>("number=1", headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void readOnlyGroupsCannotRegisterInvoices() {
        assertThat(post("analyste", invoice(newNumber())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("juriste", invoice(newNumber())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("manager", invoice(newNumber())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.postForEntity("/api/invoices", invoice(newNumber()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static ObjectNode debtor(ObjectNode invoice) {
        return (ObjectNode) invoice.get("debtor");
    }

    private static ObjectNode address(ObjectNode invoice) {
        return (ObjectNode) invoice.get("debtor").get("address");
    }

    private int countInvoices(String number) {
        return jdbc.queryForObject("select count(*) from recouvrement.invoice where number = ?", Integer.class, number);
    }
}
