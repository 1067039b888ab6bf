package fr.recouvrement.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.LedgerTest;
import fr.recouvrement.bank.ReconciliationTasks;
import fr.recouvrement.debtor.Address;
import fr.recouvrement.debtor.DebtorRepository;
import fr.recouvrement.debtor.DebtorRepository.RegisteredIdentity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Personal data past its period (docs/droit-francais.md §12): the nightly process anonymises it and keeps the amounts;
 * an erasure is refused while the claim lives or its evidence must be kept, then done; a closing dossier sets the day
 * its processes' history goes.
 */
class PersonalDataRetentionTest extends LedgerTest {

    private static final String MARKER = PersonalData.MARKER;

    @Autowired
    HistoryService history;

    @Autowired
    DebtorRepository debtors;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theNightlyProcessAnonymisesADossierClosedFourYearsAgoKeepsItsAmountsAndLeavesOneClosedLastMonth() {
        String old = registerConsumer("Jeanne Ancienne", "2026-11-20", "800.00");
        ProcessInstance oldDossier = openDossier(old);
        report(old, oldDossier, "{\"type\": \"NOTE\", \"text\": \"Mme Ancienne rappelle le soir au 06 11 22 33 44\"}");
        report(old, oldDossier, """
                {"type": "CALL", "text": "Conteste la livraison", "call": {"phone": "06 11 22 33 44",
                 "answeredBy": "Jeanne Ancienne", "answererRole": "titulaire du compte", "outcome": "REFUS"}}""");
        report(old, oldDossier, "{\"type\": \"PROMISE\", \"date\": \"2026-12-04\"}");
        deliverMessagesOf(dossierNumber(old));
        fixtures.pay(old, "VIR-" + old, "800.00", clock.today());
        long transfer = bankEntryOf(old, "MME JEANNE ANCIENNE", "FR7612345000010000000000185");
        driver.runDueJobs(oldDossier.getId());
        assertThat(oldDossier).isEnded().hasPassed("Solde");

        // Four years later less a month, another consumer's dossier opens and closes.
        clock.setToday(LocalDate.of(2030, 10, 21));
        String recent = registerConsumer("Jean Récent", "2030-10-18", "500.00");
        ProcessInstance recentDossier = openDossier(recent);
        report(recent, recentDossier, "{\"type\": \"NOTE\", \"text\": \"M. Récent paie par virement\"}");
        fixtures.pay(recent, "VIR-" + recent, "500.00", clock.today());
        driver.runDueJobs(recentDossier.getId());
        assertThat(recentDossier).isEnded();

        // 2030-11-25: the old dossier closed on 2026-11-24, more than 3 years ago (notes); its invoice, paid on
        // 2026-11-24, is prescribed on 2028-11-24 (a consumer: 2 years from the payment, Code civil 2240 and
        // L218-2), more than 1 year ago (evidence); nothing keeps its debtor. The recent one closed 35 days ago.
        clock.setToday(LocalDate.of(2030, 11, 25));
        runTheNightlyProcess();

        Map<String, Object> oldDebtor = debtorOf(old);
        assertThat(oldDebtor).containsEntry("name", MARKER).containsEntry("email", MARKER)
                .containsEntry("address_line1", MARKER).containsEntry("postal_code", MARKER)
                .containsEntry("city", MARKER).containsEntry("phone", null).containsEntry("country", "FR");
        assertThat(oldDebtor.get("anonymised_at")).isNotNull();
        assertThat(payloads(old)).allSatisfy(payload -> assertThat(payload.toString())
                .doesNotContain("Ancienne", "06 11 22 33 44", "titulaire", "livraison"));
        assertThat(payloads(old)).anySatisfy(payload -> {
            assertThat(payload.path("text").asText()).isEqualTo(MARKER);
            assertThat(payload.at("/call/outcome").asText()).isEqualTo("REFUS");
        });
        assertThat(payloads(old)).anySatisfy(payload -> assertThat(payload.path("date").asText()).isEqualTo("2026-12-04"));
        // The transfer from her account: who paid and from where go, the amount stays.
        assertThat(bankEntry(transfer)).containsEntry("payer_name", MARKER).containsEntry("payer_iban", MARKER)
                .containsEntry("remittance", MARKER).containsEntry("amount", "800.00");
        List<Map<String, Object>> messages = communicationsOf(old);
        // A step skipped by late entry stored no recipient nor body: nothing to replace there.
        assertThat(messages).allSatisfy(message -> {
            assertThat(message.get("recipient")).isIn(MARKER, null);
            assertThat(message.get("body")).isIn(MARKER, null);
            assertThat(message.get("pdf")).isNull();
        });
        assertThat(messages).anySatisfy(message -> {
            assertThat(message.get("status")).isEqualTo("SENT");
            assertThat(message.get("recipient")).isEqualTo(MARKER);
        });
        // The accounting stays: the invoice, its payment, the dossier's dates and reason.
        assertThat(jdbc.queryForMap("""
                select i.amount::text as amount, i.status, p.amount::text as paid, p.paid_on::text as paid_on,
                       d.closing_reason, d.closed_at is not null as closed, d.notes_erased_at is not null as notes,
                       d.evidence_erased_at is not null as evidence
                from recouvrement.invoice i join recouvrement.payment p on p.invoice_id = i.id
                join recouvrement.dossier d on d.id = i.dossier_id where i.number = ?""", old))
                .containsEntry("amount", "800.00").containsEntry("status", "PAID").containsEntry("paid", "800.00")
                .containsEntry("paid_on", "2026-11-24").containsEntry("closing_reason", "SOLDE")
                .containsEntry("closed", true).containsEntry("notes", true).containsEntry("evidence", true);

        // The next night finds nothing more to do there: what was done is not done again.
        Map<String, Object> afterFirstNight = jdbc.queryForMap("""
                select deb.anonymised_at, deb.updated_at, d.notes_erased_at, d.evidence_erased_at
                from recouvrement.debtor deb join recouvrement.dossier d on d.debtor_id = deb.id
                join recouvrement.invoice i on i.dossier_id = d.id where i.number = ?""", old);
        clock.setToday(LocalDate.of(2030, 11, 26));
        runTheNightlyProcess();
        assertThat(jdbc.queryForMap("""
                select deb.anonymised_at, deb.updated_at, d.notes_erased_at, d.evidence_erased_at
                from recouvrement.debtor deb join recouvrement.dossier d on d.debtor_id = deb.id
                join recouvrement.invoice i on i.dossier_id = d.id where i.number = ?""", old))
                .isEqualTo(afterFirstNight);

        // The debtor anonymised, the history of its processes goes at the next cleanup.
        runRemovalTimeBatches();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(old).singleResult()
                .getRemovalTime()).isEqualTo(midnightInParis(LocalDate.of(2030, 11, 25)));

        assertThat(debtorOf(recent)).containsEntry("name", "Jean Récent").containsEntry("anonymised_at", null);
        assertThat(payloads(recent)).extracting(payload -> payload.path("text").asText())
                .containsExactly("M. Récent paie par virement");
        assertThat(jdbc.queryForObject("""
                select d.notes_erased_at is null and d.evidence_erased_at is null from recouvrement.dossier d
                join recouvrement.invoice i on i.dossier_id = d.id where i.number = ?""", Boolean.class, recent))
                .isTrue();
    }

    @Test
    void erasureIsRefusedWhileTheClaimLivesOrItsEvidenceMustBeKeptThenDone() {
        String invoice = registerConsumer("Marie Effacement", "2026-11-20", "300.00");
        ProcessInstance dossier = openDossier(invoice);
        report(invoice, dossier, "{\"type\": \"PROMISE\", \"date\": \"2026-12-04\"}");
        deliverMessagesOf(dossierNumber(invoice));
        long debtor = (Long) debtorOf(invoice).get("id");

        assertThat(erase("agent", debtor).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(erase("manager", debtor).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> unknown = erase("demo", 999_999_999L);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("Aucun débiteur n'a l'identifiant 999999999.");

        ResponseEntity<String> open = erase("demo", debtor);
        assertThat(open.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(open.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        // Performed 2026-11-20, a consumer: prescribed 2 years later (L218-2).
        assertThat(open.getBody()).contains("Effacement refusé", "Le recouvrement est en cours (dossier "
                + dossierNumber(invoice) + ")", "17-3-e", "facture " + invoice
                + " encore due, non prescrite avant le 20/11/2028");
        assertThat(debtorOf(invoice)).containsEntry("name", "Marie Effacement").containsEntry("anonymised_at", null);

        fixtures.pay(invoice, "VIR-" + invoice, "300.00", clock.today());
        driver.runDueJobs(dossier.getId());
        assertThat(dossier).isEnded();
        ResponseEntity<String> evidence = erase("demo", debtor);
        assertThat(evidence.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        // The payment of 2026-11-24 restarted the period: prescribed 2028-11-24; the promise's confirmation is its
        // evidence one year more, until 2029-11-24.
        assertThat(evidence.getBody()).contains("preuve des démarches amiables jusqu'au 24/11/2029",
                "prescription de la facture " + invoice + " le 24/11/2028", "17-3-b").doesNotContain("en cours");
        assertThat(debtorOf(invoice)).containsEntry("name", "Marie Effacement");

        clock.setToday(LocalDate.of(2029, 11, 25));
        ResponseEntity<String> done = erase("demo", debtor);

        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode answer = read(done.getBody());
        assertThat(answer.get("debtorId").asLong()).isEqualTo(debtor);
        assertThat(answer.get("requestedBy").asText()).isEqualTo("demo");
        assertThat(answer.get("requestedAt").asText()).startsWith("2029-11-25T");
        assertThat(answer.get("kept").asText()).contains("10 ans", "L123-22");
        Map<String, Object> erased = debtorOf(invoice);
        assertThat(erased).containsEntry("name", MARKER).containsEntry("email", MARKER)
                .containsEntry("erasure_requested_by", "demo");
        assertThat(erased.get("erasure_requested_at")).isNotNull();
        assertThat(communicationsOf(invoice)).allSatisfy(message -> {
            assertThat(message.get("recipient")).isIn(MARKER, null);
            assertThat(message.get("pdf")).isNull();
        }).anySatisfy(message -> assertThat(message.get("recipient")).isEqualTo(MARKER));
        assertThat(jdbc.queryForObject("select amount::text from recouvrement.invoice where number = ?", String.class,
                invoice)).isEqualTo("300.00");
        // The history of its processes goes at the next cleanup: removal time today.
        runRemovalTimeBatches();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(dossier.getId()).singleResult()
                .getRemovalTime()).isEqualTo(midnightInParis(LocalDate.of(2029, 11, 25)));
    }

    @Test
    void closingADossierSetsTheRemovalTimeOfItsProcessesHistory() {
        String invoice = LedgerFixtures.newNumber("RGPD");
        fixtures.registerB2b(invoice, siren, "2026-11-20", "900.00", "PME");
        ProcessInstance dossier = openDossier(invoice);
        HistoricProcessInstance followUp = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(invoice).singleResult();
        Date atStart = followUp.getRemovalTime();

        fixtures.pay(invoice, "VIR-" + invoice, "900.00", clock.today());
        driver.runDueJobs(dossier.getId());
        assertThat(dossier).isEnded();
        runRemovalTimeBatches();

        // A company: prescribed 5 years after the payment of 2026-11-24 (Code de commerce L110-4), 2031-11-24, and
        // its evidence kept 1 year more: 2032-11-24, later than the notes' end (closing + 3 years, 2029-11-24).
        Date expected = midnightInParis(LocalDate.of(2032, 11, 24));
        assertThat(expected).isNotEqualTo(atStart);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(dossier.getId()).singleResult()
                .getRemovalTime()).isEqualTo(expected);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(followUp.getId()).singleResult()
                .getRemovalTime()).isEqualTo(expected);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(dossier.getId()).list())
                .isNotEmpty().allSatisfy(variable -> assertThat(variable.getRemovalTime()).isEqualTo(expected));
    }

    @Test
    void aCompanysErasureReplacesItsContactAndKeepsItsIdentity() {
        String invoice = LedgerFixtures.newNumber("RGPD");
        fixtures.register(invoice, "2026-11-20", "450.00", """
                {"name": "Menuiserie Durand", "siren": "%s", "type": "B2B", "segment": "PME",
                 "email": "paul.durand@menuiserie-durand.fr", "phone": "06 98 76 54 32",
                 "address": {"line1": "8 rue des Artisans", "postalCode": "44000", "city": "Nantes", "country": "FR"}}"""
                .formatted(siren));
        ProcessInstance dossier = openDossier(invoice);
        fixtures.pay(invoice, "VIR-" + invoice, "450.00", clock.today());
        driver.runDueJobs(dossier.getId());
        assertThat(communicationsOf(invoice)).as("no message went out: no evidence to keep")
                .allSatisfy(message -> assertThat(message.get("status")).isIn("SKIPPED", "CANCELLED"));

        long debtorId = (Long) debtorOf(invoice).get("id");
        debtors.recordRegistryAnswer(debtorId, "ACTIVE", OffsetDateTime.now(clock), null,
                new Address("8 rue des Artisans", null, "44000", "Nantes", "FR"),
                new RegisteredIdentity("5499", "Paul Durand", "Gérant"));

        long transfer = bankEntryOf(invoice, "PAUL DURAND", "FR7630006000011234567890189");
        // The task an agent matched it with showed the payer: its history goes with the rest.
        String reconciliation = runtime.startProcessInstanceByKey("rapprochement-encaissement",
                ReconciliationTasks.businessKey(transfer), Map.of("bankEntryId", transfer)).getId();

        ResponseEntity<String> done = erase("demo", debtorId);

        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(read(done.getBody()).get("kept").asText()).contains("nom, SIREN, siège");
        // A company's name, SIREN and registered office are not personal data; its contact's e-mail and phone, and its
        // representative's name, are.
        assertThat(debtorOf(invoice)).containsEntry("name", "Menuiserie Durand").containsEntry("siren", siren)
                .containsEntry("address_line1", "8 rue des Artisans").containsEntry("city", "Nantes")
                .containsEntry("email", MARKER).containsEntry("phone", null)
                .containsEntry("representative_name", null).containsEntry("representative_title", null)
                .containsEntry("erasure_requested_by", "demo");
        // Its manager paid from his own account: his name, IBAN and the text he wrote are his personal data.
        assertThat(bankEntry(transfer)).containsEntry("payer_name", MARKER).containsEntry("payer_iban", MARKER)
                .containsEntry("remittance", MARKER).containsEntry("amount", "450.00")
                .containsEntry("status", "MATCHED");
        runRemovalTimeBatches();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(reconciliation).singleResult()
                .getRemovalTime()).isEqualTo(midnightInParis(clock.today()));
    }

    /**
     * A transfer from the debtor's payer as the bank statement import records it, matched to the debtor (the import
     * itself is BankStatementApiTest's).
     */
    private long bankEntryOf(String invoice, String payerName, String payerIban) {
        return jdbc.queryForObject("""
                insert into recouvrement.bank_entry (account, entry_key, key_kind, line_no, message_type, paid_on,
                    amount, payer_name, payer_iban, remittance, status, debtor_id, explanation)
                select 'FR7630004005500001012345690', ?, 'ENTRY_REF', 1, 'camt.053.001.02', ?, i.amount, ?, ?, ?,
                    'MATCHED', i.debtor_id, 'Facture citée dans le libellé du virement.'
                from recouvrement.invoice i where i.number = ? returning id""", Long.class, "RGPD-" + invoice,
                clock.today(), payerName, payerIban, "Facture " + invoice + " de " + payerName, invoice);
    }

    private Map<String, Object> bankEntry(long id) {
        return jdbc.queryForMap("select payer_name, payer_iban, remittance, amount::text as amount, status"
                + " from recouvrement.bank_entry where id = ?", id);
    }

    private String registerConsumer(String name, String dueDate, String amount) {
        String number = LedgerFixtures.newNumber("RGPD");
        String email = name.toLowerCase().replace(' ', '.').replace('é', 'e') + "-" + siren + "@example.fr";
        fixtures.register(number, dueDate, amount, """
                {"name": "%s", "type": "B2C", "segment": "PME", "email": "%s", "phone": "06 11 22 33 44",
                 "address": {"line1": "3 rue Haute", "postalCode": "69001", "city": "Lyon", "country": "FR"}}"""
                .formatted(name, email));
        return number;
    }

    /** Runs the invoice's follow-up until it places the invoice in a dossier, then the dossier's first steps. */
    private ProcessInstance openDossier(String invoice) {
        driver.runDueJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult()
                .getId());
        ProcessInstance dossier = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey(dossierNumber(invoice)).singleResult();
        driver.runDueJobs(dossier.getId());
        return dossier;
    }

    private String dossierNumber(String invoice) {
        return jdbc.queryForObject("""
                select d.number from recouvrement.invoice i join recouvrement.dossier d on d.id = i.dossier_id
                where i.number = ?""", String.class, invoice);
    }

    private void report(String invoice, ProcessInstance dossier, String event) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth("agent", "agent").postForEntity(
                "/api/invoices/" + invoice + "/events", new HttpEntity<>(event, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        driver.runDueJobs(dossier.getId());
    }

    /** Delivers the dossier's messages (the deliveries' business keys are "{dossier}/{step}"). */
    private void deliverMessagesOf(String dossierNumber) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(dossierNumber + "/%").list()
                .forEach(delivery -> driver.runDueJobs(delivery.getId()));
    }

    private void runTheNightlyProcess() {
        Job timer = management.createJobQuery().processDefinitionKey("conservation-donnees").timers().singleResult();
        management.executeJob(timer.getId());
        ProcessInstance night = runtime.createProcessInstanceQuery().processDefinitionKey("conservation-donnees")
                .singleResult();
        driver.runDueJobs(night.getId());
        assertThat(night).isEnded().hasPassed("DonneesAnonymisees");
    }

    /** Runs the removal-time batches, as the job executor would: the seed jobs, then the jobs they created. */
    private void runRemovalTimeBatches() {
        for (Batch batch : management.createBatchQuery().type(Batch.TYPE_PROCESS_SET_REMOVAL_TIME).list()) {
            List<Job> seeds;
            while (!(seeds = management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list())
                    .isEmpty()) {
                seeds.forEach(seed -> management.executeJob(seed.getId()));
            }
            management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()
                    .forEach(job -> management.executeJob(job.getId()));
        }
    }

    private ResponseEntity<String> erase(String user, long debtorId) {
        return http.withBasicAuth(user, user).postForEntity("/api/debtors/" + debtorId + "/erasure", null,
                String.class);
    }

    private Map<String, Object> debtorOf(String invoice) {
        return jdbc.queryForMap("""
                select deb.* from recouvrement.debtor deb join recouvrement.invoice i on i.debtor_id = deb.id
                where i.number = ?""", invoice);
    }

    private List<JsonNode> payloads(String invoice) {
        return jdbc.queryForList("""
                select e.payload::text from recouvrement.invoice_event e join recouvrement.invoice i on i.id = e.invoice_id
                where i.number = ? order by e.id""", String.class, invoice).stream().map(this::read).toList();
    }

    private List<Map<String, Object>> communicationsOf(String invoice) {
        return jdbc.queryForList("""
                select c.recipient, c.body, c.pdf, c.status from recouvrement.communication c
                join recouvrement.invoice i on i.dossier_id = c.dossier_id or i.id = c.invoice_id
                where i.number = ?""", invoice);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static Date midnightInParis(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.of("Europe/Paris")).toInstant());
    }
}
