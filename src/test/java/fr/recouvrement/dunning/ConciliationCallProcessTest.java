package fr.recouvrement.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.communication.CommunicationRepository;
import fr.recouvrement.communication.MailTest;
import fr.recouvrement.money.Euros;
import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conciliation call is logged as call centres log it, and its outcome reaches the ledger as the API would record
 * it, when the agent completes the task: a promise (confirmed to the debtor in writing), a dispute, a payment plan, or
 * another attempt. Today is Tuesday 24 November 2026; the invoices fell due on
 * Monday 16 November.
 */
class ConciliationCallProcessTest extends MailTest {

    @Autowired
    private CommunicationRepository communications;
    private ProcessInstance dossier;
    private String first;
    private String second;

    private void openDossierOfTwoInvoices(String name) {
        first = newInvoice();
        second = newInvoice();
        dossier = openDossier(b2bDebtor(name, "PME"), "2026-11-16", first, "1000.00", second, "500.00");
        assertThat(dossier).isWaitingAt("AppelConciliation");
    }

    private long dossierId() {
        return jdbc.queryForObject("select id from recouvrement.dossier where number = ?", Long.class,
                dossierNumber(dossier));
    }

    private Task callTask() {
        return tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey("AppelConciliation")
                .singleResult();
    }

    private void completeCall(Map<String, Object> variables) {
        Task call = callTask();
        tasks.claim(call.getId(), "agent");
        tasks.complete(call.getId(), variables);
    }

    private List<Map<String, Object>> events() {
        return jdbc.queryForList("""
                select i.number, e.type, e.payload::text as payload, e.created_by from recouvrement.invoice_event e
                join recouvrement.invoice i on i.id = e.invoice_id where i.number in (?, ?) order by e.id""",
                first, second);
    }

    @Test
    void aPromiseMadeOnThePhoneIsConfirmedInWritingAndHoldsTheLadderUntilThePromisedDatePlusGrace() throws Exception {
        openDossierOfTwoInvoices("Promesse Au Téléphone");

        // As the agent types it in the form: French dates, a French amount.
        completeCall(Map.of("callOutcome", "PROMESSE", "calledAt", "24/11/2026 09:40", "dialledNumber", "01 23 45 67 89",
                "answeredBy", "Jeanne Martin", "answererRole", "comptable", "promiseDate", "10/12/2026",
                "promiseAmount", "1 500,00", "callComment", "Virement prévu"));
        driver.runDueJobs(dossier.getId());

        assertThat(events()).extracting(e -> e.get("type") + "/" + e.get("created_by"))
                .containsExactly("CALL/agent", "PROMISE/agent");
        assertThat(events().get(0).get("payload").toString()).contains("\"calledAt\": \"2026-11-24T09:40:00\"",
                "\"phone\": \"01 23 45 67 89\"", "\"answeredBy\": \"Jeanne Martin\"", "\"answererRole\": \"comptable\"",
                "\"outcome\": \"PROMESSE\"", "\"attempt\": 1", "\"text\": \"Virement prévu\"");
        assertThat(jdbc.queryForMap("select promise_until::text as until, promise_amount from recouvrement.dossier"
                + " where number = ?", dossierNumber(dossier)))
                .containsEntry("until", "2026-12-10").containsEntry("promise_amount", new BigDecimal("1500.00"));
        assertThat(dossier).hasPassed("ConciliationFaite", "PromesseConfirmee");

        // The debtor gets the promise in writing, through the outbox.
        driver.runDueJobs(delivery(dossierNumber(dossier), "CONFIRMATION_PROMESSE").getId());
        assertThat(mails()).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Confirmation de votre engagement de paiement – dossier "
                    + dossierNumber(dossier));
            assertThat(html(mail)).contains("la somme de <strong>" + Euros.format(new BigDecimal("1500")) + "</strong>",
                    "au plus tard le <strong>10/12/2026</strong>", first, second);
        });
        // A second promise two days later gets its own confirmation; neither counts as a step sent for the spacing
        // of the steps (minDaysBetween), which runs from relance 1, sent as the dossier opened today.
        clock.setToday(java.time.LocalDate.of(2026, 11, 26));
        http.withBasicAuth("agent", "agent").postForEntity("/api/invoices/" + first + "/events",
                Map.of("type", "PROMISE", "date", "2026-12-10", "amount", "1500.00"), String.class);
        driver.runDueJobs(dossier.getId());
        driver.runDueJobs(delivery(dossierNumber(dossier), "CONFIRMATION_PROMESSE").getId());
        assertThat(rows(dossierNumber(dossier), "CONFIRMATION_PROMESSE")).extracting(row -> row.get("status"))
                .containsExactly("SENT", "SENT");
        assertThat(mails()).hasSize(2);
        assertThat(communications.lastMessageDay(dossierId())).contains(java.time.LocalDate.of(2026, 11, 24));
        // Relance 2 was due 1 December: it does not go then, and waits for the promised date + the PME's 5 days.
        driver.at(java.time.LocalDateTime.of(2026, 12, 1, 9, 0), dossier.getId());
        assertThat(rows(dossierNumber(dossier), "RELANCE_2")).isEmpty();
        assertThat(driver.timerDue(dossier.getId(), "DateRelance2")).isEqualTo(java.time.LocalDate.of(2026, 12, 15)
                .atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant());
    }

    @Test
    void aPromiseWithoutAnAmountPromisesAllThatIsDue() throws Exception {
        openDossierOfTwoInvoices("Promesse Sans Montant");

        completeCall(Map.of("callOutcome", "PROMESSE", "promiseDate", "2026-12-10"));
        driver.runDueJobs(dossier.getId());
        driver.runDueJobs(delivery(dossierNumber(dossier), "CONFIRMATION_PROMESSE").getId());

        assertThat(html(mails().get(0))).contains("la totalité des sommes dues",
                "<strong>" + Euros.format(new BigDecimal("1500")) + "</strong>");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "promiseDate | 31/02/2027       | La date promise « 31/02/2027 » n'est pas une date",
        "promiseDate | 01/11/2026       | La date promise, 01/11/2026, est passée",
        "calledAt    | 24/11/2026 25:00 | L'heure de l'appel « 24/11/2026 25:00 » n'est pas une date et une heure",
        "calledAt    | 25/11/2026 10:00 | L'appel ne peut pas être dans le futur",
        "dialledNumber | appeler Paul   | Le numéro « appeler Paul » n'est pas un numéro de téléphone",
        "promiseAmount | -5             | montant"
    })
    void aWrongEntryIsRefusedWithTheReasonAndNothingIsRecorded(String field, String typed, String reason) {
        openDossierOfTwoInvoices("Saisie Refusée " + field);
        Map<String, Object> call = new HashMap<>(Map.of("callOutcome", "PROMESSE", "promiseDate", "10/12/2026",
                "dialledNumber", "01 23 45 67 89"));
        call.put(field, typed);

        assertThatThrownBy(() -> completeCall(call)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining(reason);

        assertThat(events()).isEmpty();
        assertThat(dossier).isWaitingAt("AppelConciliation");
    }

    @Test
    void aDisputeRaisedOnThePhoneSuspendsThatInvoiceAndGoesToTheManagers() {
        openDossierOfTwoInvoices("Litige Au Téléphone");

        completeCall(Map.of("callOutcome", "LITIGE", "disputedInvoice", second, "disputeReason", "Livraison incomplète"));
        driver.runDueJobs(dossier.getId());

        assertThat(jdbc.queryForObject("select status from recouvrement.invoice where number = ?", String.class, second))
                .isEqualTo("DISPUTED");
        assertThat(dossier).isWaitingAt("ResoudreLitige");
        assertThat(events()).extracting(e -> e.get("number") + "/" + e.get("type"))
                .containsExactly(first + "/CALL", second + "/DISPUTE");
    }

    @Test
    void aDisputeOnAnInvoiceOfAnotherDossierIsRefusedInTasklistAndNothingIsRecorded() {
        openDossierOfTwoInvoices("Mauvaise Facture");

        assertThatThrownBy(() -> completeCall(Map.of("callOutcome", "LITIGE", "disputedInvoice", "F-INCONNUE",
                "disputeReason", "?")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("La facture « F-INCONNUE » n'est pas dans le dossier " + dossierNumber(dossier));

        assertThat(events()).isEmpty();
        assertThat(dossier).isWaitingAt("AppelConciliation");
    }

    @Test
    void noAnswerPlansAnotherAttemptTheNextBusinessDayUntilTheScenariosLast() {
        openDossierOfTwoInvoices("Pas De Réponse");
        Date nextBusinessDayAt9 = Date.from(java.time.LocalDate.of(2026, 11, 25).atTime(9, 0)
                .atZone(java.time.ZoneId.of("Europe/Paris")).toInstant());

        completeCall(Map.of("callOutcome", "PAS_DE_REPONSE", "dialledNumber", "01 23 45 67 89"));

        Task second = callTask();
        assertThat(second.getFollowUpDate()).isEqualTo(nextBusinessDayAt9);
        assertThat(runtime.getVariable(dossier.getId(), "conciliationAttempt")).isEqualTo(2);
        assertThat(runtime.getVariable(dossier.getId(), "callOutcome")).as("the next attempt's form starts empty")
                .isNull();
        completeCall(Map.of("callOutcome", "PAS_DE_REPONSE", "dialledNumber", "06 11 22 33 44"));
        completeCall(Map.of("callOutcome", "PAS_DE_REPONSE", "dialledNumber", "06 11 22 33 44"));

        // The PME's scenario gives three attempts: the third without an answer ends the calls; the ladder goes on.
        assertThat(dossier).hasPassed("DebiteurInjoignable").isNotWaitingAt("AppelConciliation");
        assertThat(events()).extracting(e -> e.get("type") + " " + e.get("payload").toString().replaceAll(
                ".*\"attempt\": (\\d).*\"outcome\": \"(\\w+)\".*", "$1 $2"))
                .containsExactly("CALL 1 PAS_DE_REPONSE", "CALL 2 PAS_DE_REPONSE", "CALL 3 PAS_DE_REPONSE");
    }

    @Test
    void aPlanAskedForOnThePhoneIsEnteredByTheAgentAndMustCoverWhatIsOwed() {
        openDossierOfTwoInvoices("Échéancier Demandé");
        completeCall(Map.of("callOutcome", "ECHEANCIER"));
        assertThat(dossier).isWaitingAt("EtablirEcheancier");
        Task plan = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey("EtablirEcheancier")
                .singleResult();
        assertThat(plan.getDueDate()).isNotNull();
        tasks.claim(plan.getId(), "agent");

        // 1,400 EUR of 1,500 owed, sent by a REST client as a Json list: refused, with both figures, nothing recorded.
        assertThatThrownBy(() -> tasks.complete(plan.getId(), Variables.createVariables().putValueTyped("instalments",
                SpinValues.jsonValue("[{\"date\": \"2026-12-15\", \"amount\": \"700,00\"},"
                        + " {\"date\": \"2027-01-15\", \"amount\": \"700\"}]").create())))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Le total de l'échéancier (1400.00 EUR) doit égaler le montant dû du dossier "
                        + "(1500.00 EUR)");
        assertThat(jdbc.queryForObject("select count(*) from recouvrement.invoice where number in (?, ?)"
                + " and status = 'PAYMENT_PLAN'", Integer.class, first, second)).isZero();

        // The form's rows as a REST client may submit them: a count, then each date (ISO) and amount.
        tasks.complete(plan.getId(), Map.of("instalmentCount", "3",
                "instalmentDate1", "2026-12-15", "instalmentAmount1", "500,00",
                "instalmentDate2", "2027-01-15", "instalmentAmount2", "500",
                "instalmentDate3", "2027-02-15", "instalmentAmount3", "500.00", "planComment", ""));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).hasPassed("EcheancierEnregistre");
        assertThat(jdbc.queryForObject("select count(*) from recouvrement.invoice where number in (?, ?)"
                + " and status = 'PAYMENT_PLAN'", Integer.class, first, second)).isEqualTo(2);
        assertThat(events()).extracting(e -> e.get("type"))
                .containsExactly("CALL", "PAYMENT_PLAN");
    }

    @Test
    void aPlanTypedInTasklistHasItsDatesReadJjMmAaaaAndAnImpossibleOrPastOneRecordsNothing() {
        openDossierOfTwoInvoices("Échéancier Saisi");
        completeCall(Map.of("callOutcome", "ECHEANCIER"));
        Task plan = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey("EtablirEcheancier")
                .singleResult();
        tasks.claim(plan.getId(), "agent");
        // What Tasklist submits from the form's rows: a count, then each date as typed and each amount.
        Map<String, Object> rows = new HashMap<>(Map.of("instalmentCount", "2", "instalmentAmount1", "1 000,00",
                "instalmentDate2", "15/01/2027", "instalmentAmount2", "500"));

        for (String[] refusal : new String[][] {
                {"31/02/2027", "La date de l'échéance 1 « 31/02/2027 » n'est pas une date : écrivez-la jj/mm/aaaa"},
                {"15/11/2026", "La date de l'échéance 1, 15/11/2026, est passée : au plus tôt aujourd'hui, 24/11/2026."}}) {
            rows.put("instalmentDate1", refusal[0]);
            assertThatThrownBy(() -> tasks.complete(plan.getId(), rows))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining(refusal[1]);
        }
        assertThat(events()).extracting(e -> e.get("type")).containsExactly("CALL");
        assertThat(dossier).isWaitingAt("EtablirEcheancier");
        assertThat(runtime.getVariable(dossier.getId(), "instalmentDate1")).isNull();

        rows.put("instalmentDate1", "15/12/2026");
        tasks.complete(plan.getId(), rows);

        assertThat(runtime.getVariable(dossier.getId(), "instalmentDate1")).isEqualTo("2026-12-15");
        assertThat(runtime.getVariable(dossier.getId(), "instalmentDate2")).isEqualTo("2027-01-15");
        assertThat(events()).extracting(e -> e.get("type")).containsExactly("CALL", "PAYMENT_PLAN");
        assertThat(events().get(1).get("payload").toString()).contains("2026-12-15", "2027-01-15");
    }

    @Test
    void aPlanTheDebtorSignedIsTickedWithItsDateAndRestartsPrescriptionFromIt() {
        openDossierOfTwoInvoices("Échéancier Signé");
        completeCall(Map.of("callOutcome", "ECHEANCIER"));
        Task plan = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey("EtablirEcheancier")
                .singleResult();
        tasks.claim(plan.getId(), "agent");
        Map<String, Object> rows = new HashMap<>(Map.of("instalmentCount", "1", "instalmentDate1", "15/12/2026",
                "instalmentAmount1", "1 500,00", "planSigned", true));

        for (String[] refusal : new String[][] {
                {"", "La date de la signature est à renseigner (jj/mm/aaaa)."},
                {"31/02/2026", "La date de la signature « 31/02/2026 » n'est pas une date : écrivez-la jj/mm/aaaa"},
                {"25/11/2026", "La date de signature, 25/11/2026, est dans le futur : au plus tard aujourd'hui,"
                        + " 24/11/2026."}}) {
            rows.put("planSignedOn", refusal[0]);
            assertThatThrownBy(() -> tasks.complete(plan.getId(), rows))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining(refusal[1]);
        }
        assertThat(events()).extracting(e -> e.get("type")).containsExactly("CALL");

        rows.put("planSignedOn", "20/11/2026");
        tasks.complete(plan.getId(), rows);

        assertThat(runtime.getVariable(dossier.getId(), "planSignedOn")).isEqualTo("2026-11-20");
        assertThat(events().get(1).get("payload").toString()).contains("\"signedOn\": \"2026-11-20\"");
        // Performed 2026-11-16 (its due date): 2031-11-16; the signature of 2026-11-20 restarts it, 2031-11-20, for
        // both invoices the plan covers.
        for (String invoice : List.of(first, second)) {
            assertThat(http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + invoice,
                    com.fasterxml.jackson.databind.JsonNode.class).get("prescriptionDate").asText())
                    .isEqualTo("2031-11-20");
        }
    }
}
