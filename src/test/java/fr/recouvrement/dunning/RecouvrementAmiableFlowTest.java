package fr.recouvrement.dunning;

import static fr.recouvrement.FastEngine.at9;
import static fr.recouvrement.FastEngine.sets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.recouvrement.DiagramBeans;
import fr.recouvrement.FastEngine;
import fr.recouvrement.FastTest;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.stubbing.Answer;

/**
 * bpmn/recouvrement-amiable.bpmn on the fast engine, with the real DMNs and the real "Vérifier le débiteur" it calls:
 * the conciliation call, the prescription watch and the ladder run side by side until a payment, a decision or the
 * legal team ends the dossier. The beans are mocks; what they would decide is set by each test.
 */
@FastTest
class RecouvrementAmiableFlowTest {

    // verification-debiteur runs here as called, and is covered path by path by its own flow test.
    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = FastEngine.extension("verification-debiteur");

    /** The date each step's planning gives: distinct, so that a timer carrying another step's date fails. */
    static final Map<String, Date> STEP_AT = Map.of(
            "RELANCE_1", at9("2026-11-23"), "RELANCE_2", at9("2026-12-01"), "RELANCE_3", at9("2026-12-16"),
            "MISE_EN_DEMEURE", at9("2026-12-31"));
    static final Date CALL_DUE = at9("2026-11-25");
    static final Date NEXT_CALL = at9("2026-11-26");
    static final Date TASK_DUE = at9("2026-11-26");
    static final Date PRESCRIPTION_WARNING = at9("2031-08-25");
    static final Date NOTICE_DEADLINE_ENDS = at9("2027-01-11");
    static final Date DECLARATION_DUE = at9("2027-01-25");
    static final Date RELIEF_DUE = at9("2027-05-25");
    static final Date RECLAIM_DUE = at9("2027-02-25");

    DiagramBeans.DossierReading reading;
    DiagramBeans.LadderSteps ladder;
    DiagramBeans.NoticeTracking notice;
    DiagramBeans.JudicialHandoff judicial;
    DiagramBeans.DossierClosing closing;
    DiagramBeans.PrescriptionWatch prescription;
    DiagramBeans.JudicialFile judicialFile;
    DiagramBeans.JudicialRoutes routes;
    DiagramBeans.EventReporting events;
    DiagramBeans.TaskEscalation escalation;
    DiagramBeans.PromiseConfirmation promises;
    DiagramBeans.DebtorChecks checks;
    DiagramBeans.InsolvencyDeclaration declaration;

    @BeforeEach
    void deploy() {
        FastEngine.deploy(engine, "recouvrement-amiable.bpmn", "verification-debiteur.bpmn", "scenario-recouvrement.dmn",
                "voie-judiciaire.dmn");
        reading = FastEngine.mockBean("dossierReading", DiagramBeans.DossierReading.class);
        ladder = FastEngine.mockBean("ladderSteps", DiagramBeans.LadderSteps.class);
        notice = FastEngine.mockBean("noticeTracking", DiagramBeans.NoticeTracking.class);
        judicial = FastEngine.mockBean("judicialHandoff", DiagramBeans.JudicialHandoff.class);
        closing = FastEngine.mockBean("dossierClosing", DiagramBeans.DossierClosing.class);
        prescription = FastEngine.mockBean("prescriptionWatch", DiagramBeans.PrescriptionWatch.class);
        judicialFile = FastEngine.mockBean("judicialFile", DiagramBeans.JudicialFile.class);
        routes = FastEngine.mockBean("judicialRoutes", DiagramBeans.JudicialRoutes.class);
        events = FastEngine.mockBean("eventReporting", DiagramBeans.EventReporting.class);
        escalation = FastEngine.mockBean("taskEscalation", DiagramBeans.TaskEscalation.class);
        promises = FastEngine.mockBean("promiseConfirmation", DiagramBeans.PromiseConfirmation.class);
        checks = FastEngine.mockBean("debtorChecks", DiagramBeans.DebtorChecks.class);
        declaration = FastEngine.mockBean("insolvencyDeclaration", DiagramBeans.InsolvencyDeclaration.class);

        // What the beans answer unless a test says otherwise: nothing postponed, nothing settled, a debtor in business.
        when(reading.taskDue(any())).thenReturn(TASK_DUE);
        doAnswer(sets("conciliationDueAt", CALL_DUE, "conciliationFollowUpAt", null)).when(reading)
                .startConciliation(any());
        doAnswer(call -> {
            call.<DelegateExecution>getArgument(0).setVariable("stepAt", STEP_AT.get(call.<String>getArgument(1)));
            return null;
        }).when(ladder).planStep(any(), anyString());
        doAnswer(sets("stepPostponed", false)).when(ladder).sendStep(any(), anyString());
        doAnswer(sets("prescriptionWarningAt", PRESCRIPTION_WARNING)).when(prescription).planPrescriptionWarning(any());
        doAnswer(sets("noticeDeadlineEndsAt", NOTICE_DEADLINE_ENDS)).when(notice).recordReceipt(any());
        doAnswer(sets("prescribed", false, "disputed", false)).when(judicial).prepareJudicial(any());
        doAnswer(oneGroupByTheDecision()).when(routes).choose(any());
        debtorIs("ACTIVE", false);
    }

    /**
     * "Choisir les voies judiciaires" for a dossier of one group of invoices: bpmn/voie-judiciaire.dmn evaluated on
     * what "Préparer le contentieux" set, as the bean does for each group.
     */
    static Answer<Void> oneGroupByTheDecision() {
        return call -> {
            DelegateExecution execution = call.getArgument(0);
            Map<String, Object> inputs = new HashMap<>();
            for (String input : new String[] {"insolvent", "prescribed", "disputed", "amountDue", "debtorType"}) {
                inputs.put(input, execution.getVariable(input));
            }
            var decided = execution.getProcessEngineServices().getDecisionService()
                    .evaluateDecisionTableByKey("voie-judiciaire", inputs).getSingleResult();
            String route = decided.getEntry("route");
            sets("route", route, "routeLabel", decided.getEntry("routeLabel"), "priorAttemptRequired", false,
                    "smallClaims", "PETITES_CREANCES".equals(route)).answer(call);
            return null;
        };
    }

    /** A dossier opened for this debtor, read in the job after its opening; the scenario DMN decides its ladder. */
    ProcessInstance open(String segment, String debtorType, double amountDue) {
        doAnswer(sets("debtorName", "Total Négoce", "segment", segment, "debtorType", debtorType, "amountDue", amountDue,
                "settled", false)).when(reading).load(any());
        ProcessInstance dossier = runtimeService().createProcessInstanceByKey("recouvrement-amiable").businessKey("D-1")
                .setVariable("dossierNumber", "D-1").execute();
        assertThat(dossier).isWaitingAtExactly("DossierOuvert");
        execute(job("DossierOuvert", dossier));
        return dossier;
    }

    /** What "Vérifier le débiteur" finds in the registers; insolvent: with invoices born before the judgment. */
    void debtorIs(String registryStatus, boolean insolvent) {
        doAnswer(sets("registryStatus", registryStatus, "debtorReview", "NON_REQUISE")).when(checks).consultRegistry(any());
        doAnswer(sets("insolvent", insolvent, "claimToDeclare", insolvent, "declarationDueAt", DECLARATION_DUE,
                "foreclosureReliefDueAt", RELIEF_DUE, "goodsToReclaim", false)).when(checks).consultBodacc(any());
    }

    /** BODACC, asked by the dossier itself, publishes an opening with invoices to declare: the dossier stops. */
    static Answer<Void> collectiveProcedure() {
        return collectiveProcedure(false);
    }

    /** As {@link #collectiveProcedure()}; goodsToReclaim: some of them sold with a retention of title. */
    static Answer<Void> collectiveProcedure(boolean goodsToReclaim) {
        return call -> {
            sets("insolvent", true, "claimToDeclare", true, "declarationDueAt", DECLARATION_DUE,
                    "foreclosureReliefDueAt", RELIEF_DUE, "goodsToReclaim", goodsToReclaim, "reclaimDueAt",
                    RECLAIM_DUE).answer(call);
            throw new BpmnError("PROCEDURE_COLLECTIVE");
        };
    }

    /** The step is postponed once (a promise, a hold) and planned again for that day. */
    void postponedOnce(String step, String laterDay) {
        doAnswer(sets("stepPostponed", true)).doAnswer(sets("stepPostponed", false)).when(ladder).sendStep(any(), eq(step));
        doAnswer(sets("stepAt", STEP_AT.get(step))).doAnswer(sets("stepAt", at9(laterDay))).when(ladder)
                .planStep(any(), eq(step));
    }

    /** The timer waits for the date the bean planned; then its day comes. */
    static void passTimer(ProcessInstance dossier, String timer, Date plannedAt) {
        assertThat(job(timer, dossier)).hasDueDate(plannedAt);
        execute(job(timer, dossier));
    }

    static void sendRelances(ProcessInstance dossier, int count) {
        passTimer(dossier, "DateRelance1", STEP_AT.get("RELANCE_1"));
        execute(job("PlanifierRelance2", dossier));
        passTimer(dossier, "DateRelance2", STEP_AT.get("RELANCE_2"));
        if (count == 3) {
            execute(job("PlanifierRelance3", dossier));
            passTimer(dossier, "DateRelance3", STEP_AT.get("RELANCE_3"));
        }
    }

    /** The notice's day comes: "Vérifier le débiteur" runs first. */
    static void noticeDayComes(ProcessInstance dossier) {
        execute(job("PlanifierMiseEnDemeure", dossier));
        passTimer(dossier, "DateMiseEnDemeure", STEP_AT.get("MISE_EN_DEMEURE"));
        checkDebtor(dossier, "VerifierDebiteurAvantMiseEnDemeure");
    }

    /** The call activity starts "Vérifier le débiteur" in a job; its two registers are asked in jobs of their own. */
    static void checkDebtor(ProcessInstance dossier, String callActivity) {
        execute(job(callActivity, dossier));
        ProcessInstance check = calledProcessInstance("verification-debiteur", dossier);
        assertThat(check).hasBusinessKey("D-1");
        execute(job("ConsulterRegistre", check));
        execute(job("ConsulterBodacc", check));
    }

    /** The registered letter goes out, comes back signed, and its deadline passes: the dossier goes to court. */
    static void postNoticeUntilItsDeadline(ProcessInstance dossier) {
        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A 123", "postedOn", "2026-12-31"));
        execute(job("EnregistrerEnvoi", dossier));
        assertThat(task("EnregistrerAR", dossier)).hasCandidateGroup("agents-recouvrement");
        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "AR", "receivedOn", "2027-01-02"));
        execute(job("EnregistrerReception", dossier));
        passTimer(dossier, "FinDuDelai", NOTICE_DEADLINE_ENDS);
        checkDebtor(dossier, "VerifierDebiteurAvantContentieux");
        execute(job("PreparerContentieux", dossier));
        execute(job("ChoisirVoie", dossier));
    }

    static void correlate(String message, Map<String, Object> variables) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("D-1").setVariables(variables)
                .correlateAllWithResult();
    }

    @Test
    void aPmeGetsTwoRelancesThenTheNoticeWithoutApprovalThenSmallClaimsCourt() {
        ProcessInstance dossier = open("PME", "B2B", 1500.0);

        // Three branches: the call, the prescription watch, the ladder.
        assertThat(dossier).hasPassedInOrder("LireDossier", "DeterminerScenarioDossier", "LancerRecouvrement")
                .isWaitingAtExactly("AppelConciliation", "AlertePrescription", "DateRelance1");
        assertThat(job("AlertePrescription", dossier)).hasDueDate(PRESCRIPTION_WARNING);
        // No answer: another attempt the next business day, then the scenario's last one ends the calls.
        doAnswer(sets("callAgain", true, "conciliationDueAt", CALL_DUE, "conciliationFollowUpAt", NEXT_CALL))
                .doAnswer(sets("callAgain", false)).when(reading).planNextCall(any());
        complete(task("AppelConciliation", dossier), withVariables("callOutcome", "PAS_DE_REPONSE"));
        assertThat(dossier).hasPassed("PlanifierNouvelAppel").isWaitingAt("AppelConciliation");
        assertThat(task("AppelConciliation", dossier)).hasDueDate(CALL_DUE);
        assertThat(task("AppelConciliation", dossier).getFollowUpDate()).isEqualTo(NEXT_CALL);
        complete(task("AppelConciliation", dossier), withVariables("callOutcome", "PAS_DE_REPONSE"));
        verify(reading, times(2)).planNextCall(any());
        assertThat(dossier).hasPassed("DebiteurInjoignable").hasNotPassed("ConciliationFaite", "EtablirEcheancier");

        sendRelances(dossier, 2);
        // A PME gets two relances (DMN), and no approval under 10,000 EUR.
        assertThat(dossier).hasNotPassed("PlanifierRelance3", "ValiderMiseEnDemeure").hasPassed("RelancesFaites");
        noticeDayComes(dossier);
        execute(job("PreparerMiseEnDemeure", dossier));

        assertThat(task("PosterLRAR", dossier)).hasCandidateGroup("agents-recouvrement").hasDueDate(TASK_DUE);
        // Late posting is reported to the managers; the letter stays with the agents.
        passTimer(dossier, "RetardPosterLRAR", TASK_DUE);
        execute(job("SignalerRetardPosterLRAR", dossier));
        verify(escalation).escalate(any(), eq("PosterLRAR"));
        assertThat(dossier).hasPassed("RetardSignalePosterLRAR").isWaitingAt("PosterLRAR");

        postNoticeUntilItsDeadline(dossier);
        verify(notice).recordDispatch(any());
        // 1,500 EUR, undisputed, not prescribed: small claims (bpmn/voie-judiciaire.dmn).
        assertThat(dossier).variables().containsEntry("route", "PETITES_CREANCES");
        execute(job("ConstituerDossierJudiciaire", dossier));
        assertThat(task("TransmettreJuridique", dossier)).hasCandidateGroup("juridique").hasDueDate(TASK_DUE);
        complete(task("TransmettreJuridique", dossier), withVariables("routeConfirmed", true));
        // The commissaire de justice's proposal: the debtor agrees within the month, which gives an enforceable title.
        assertThat(task("SuivrePetitesCreances", dossier)).hasCandidateGroup("juridique");
        complete(task("SuivrePetitesCreances", dossier), withVariables("smallClaimsOutcome", "ACCORD"));
        execute(job("CloreTransmis", dossier));

        // The legal team has it: the prescription watch ends with the dossier.
        assertThat(dossier).isEnded().hasPassedInOrder("ConstituerDossierJudiciaire", "TransmettreJuridique",
                "SuivrePetitesCreances", "CloreTransmis", "TransmisAuJuridique")
                .hasNotPassed("DeciderDossier", "TenterReglementAmiable", "PasserInjonctionDePayer");
        verify(ladder).sendStep(any(), eq("RELANCE_1"));
        verify(ladder).sendStep(any(), eq("RELANCE_2"));
        verify(ladder).sendStep(any(), eq("MISE_EN_DEMEURE"));
        verify(ladder, never()).sendStep(any(), eq("RELANCE_3"));
        verify(judicialFile).build(any());
        verify(judicial).closeHandedOff(any());
    }

    /** A dossier at "Transmettre au service juridique", routed as {@code answer} says. */
    ProcessInstance atTheHandoff(Answer<Void> answer) {
        doAnswer(answer).when(routes).choose(any());
        ProcessInstance dossier = open("PME", "B2B", 1500.0);
        sendRelances(dossier, 2);
        noticeDayComes(dossier);
        execute(job("PreparerMiseEnDemeure", dossier));
        postNoticeUntilItsDeadline(dossier);
        execute(job("ConstituerDossierJudiciaire", dossier));
        return dossier;
    }

    @Test
    void aRouteTheLegalTeamDoesNotConfirmGoesToTheManagers() {
        ProcessInstance dossier = atTheHandoff(oneGroupByTheDecision());

        complete(task("TransmettreJuridique", dossier), withVariables("routeConfirmed", false));

        assertThat(dossier).isWaitingAt("DeciderDossier").hasPassed("VoieConfirmee")
                .hasNotPassed("CloreTransmis", "SuivrePetitesCreances");
        verify(judicial, never()).closeHandedOff(any());
    }

    @Test
    void aSmallClaimBeforeTheTribunalJudiciaireWaitsForTheAmicableAttemptOfCpc7501() {
        ProcessInstance dossier = atTheHandoff(sets("route", "ASSIGNATION", "routeLabel", "Assignation en paiement",
                "priorAttemptRequired", true, "smallClaims", false));
        complete(task("TransmettreJuridique", dossier), withVariables("routeConfirmed", true));

        assertThat(task("TenterReglementAmiable", dossier)).hasCandidateGroup("juridique").hasDueDate(TASK_DUE);
        complete(task("TenterReglementAmiable", dossier), withVariables("priorAttemptOutcome", "ECHEC",
                "priorAttemptMode", "CONCILIATION"));
        verify(routes).checkPriorAttempt(any());
        execute(job("CloreTransmis", dossier));

        assertThat(dossier).isEnded().hasPassedInOrder("TransmettreJuridique", "TenterReglementAmiable",
                "CloreTransmis").hasNotPassed("SuivrePetitesCreances", "DeciderDossier");
    }

    @Test
    void aSmallClaimWithoutAgreementWithinAMonthMovesToTheInjonctionDePayer() {
        ProcessInstance dossier = atTheHandoff(oneGroupByTheDecision());
        complete(task("TransmettreJuridique", dossier), withVariables("routeConfirmed", true));
        assertThat(dossier).isWaitingAt("SuivrePetitesCreances").hasNotPassed("TenterReglementAmiable");

        // The debtor has one month from the commissaire de justice's proposal (CPCE R125-5).
        Date opened = task("SuivrePetitesCreances", dossier).getCreateTime();
        // The engine reads its clock once for the task and once for the timer, a millisecond apart at times.
        assertThat(job("MoisSansAccord", dossier).getDuedate()).isCloseTo(Date.from(opened.toInstant()
                .atZone(java.time.ZoneId.systemDefault()).plusMonths(1).toInstant()), 1_000);
        execute(job("MoisSansAccord", dossier));
        execute(job("PasserInjonctionDePayer", dossier));
        verify(routes).smallClaimsFailed(any());
        execute(job("CloreTransmis", dossier));

        assertThat(dossier).isEnded().hasPassedInOrder("SuivrePetitesCreances", "MoisSansAccord",
                "PasserInjonctionDePayer", "CloreTransmis", "TransmisAuJuridique").hasNotPassed("AccordPetitesCreances");
    }

    @Test
    void aSmallClaimTheDebtorRefusesMovesToTheInjonctionDePayerAtOnce() {
        ProcessInstance dossier = atTheHandoff(oneGroupByTheDecision());
        complete(task("TransmettreJuridique", dossier), withVariables("routeConfirmed", true));

        complete(task("SuivrePetitesCreances", dossier), withVariables("smallClaimsOutcome", "REFUS"));
        execute(job("PasserInjonctionDePayer", dossier));
        execute(job("CloreTransmis", dossier));

        assertThat(dossier).isEnded().hasPassedInOrder("AccordPetitesCreances", "PasserInjonctionDePayer",
                "CloreTransmis").hasNotPassed("MoisSansAccord");
    }

    @Test
    void aLargeAccountGetsThreeRelancesAndARefusedNoticeGoesToTheManagersDecision() {
        postponedOnce("RELANCE_1", "2026-11-30");
        postponedOnce("RELANCE_3", "2026-12-21");
        ProcessInstance dossier = open("GRAND_COMPTE", "B2B", 2500.0);

        // A postponed step is planned again, and waits for its new date.
        passTimer(dossier, "DateRelance1", STEP_AT.get("RELANCE_1"));
        assertThat(dossier).isWaitingAt("DateRelance1").hasNotPassed("PlanifierRelance2");
        passTimer(dossier, "DateRelance1", at9("2026-11-30"));
        execute(job("PlanifierRelance2", dossier));
        passTimer(dossier, "DateRelance2", STEP_AT.get("RELANCE_2"));
        execute(job("PlanifierRelance3", dossier));
        passTimer(dossier, "DateRelance3", STEP_AT.get("RELANCE_3"));
        execute(job("PlanifierRelance3", dossier));
        passTimer(dossier, "DateRelance3", at9("2026-12-21"));
        verify(ladder, times(2)).sendStep(any(), eq("RELANCE_3"));

        // A large account's notice waits for a manager (DMN).
        assertThat(task("ValiderMiseEnDemeure", dossier)).hasCandidateGroup("managers-recouvrement").hasDueDate(TASK_DUE);
        complete(task("ValiderMiseEnDemeure", dossier), withVariables("approval", "REFUSEE"));
        assertThat(task("DeciderDossier", dossier)).hasCandidateGroup("managers-recouvrement");
        complete(task("DeciderDossier", dossier), withVariables("decision", "ABANDON", "comment", "Client stratégique"));
        execute(job("CloreParDecision", dossier));

        assertThat(dossier).isEnded().hasPassed("ClosParDecision").hasNotPassed("PlanifierMiseEnDemeure");
        verify(closing).closeByDecision(any());
        verify(ladder, never()).sendStep(any(), eq("MISE_EN_DEMEURE"));
    }

    @Test
    void anApprovedNoticePostponedIsPlannedAgainAndTheDebtorCheckedAgain() {
        postponedOnce("RELANCE_2", "2026-12-08");
        postponedOnce("MISE_EN_DEMEURE", "2027-01-07");
        // A PME owing more than 10,000 EUR: two relances, then a manager approves the notice (DMN).
        ProcessInstance dossier = open("PME", "B2B", 12000.0);
        passTimer(dossier, "DateRelance1", STEP_AT.get("RELANCE_1"));
        execute(job("PlanifierRelance2", dossier));
        passTimer(dossier, "DateRelance2", STEP_AT.get("RELANCE_2"));
        execute(job("PlanifierRelance2", dossier));
        passTimer(dossier, "DateRelance2", at9("2026-12-08"));
        complete(task("ValiderMiseEnDemeure", dossier), withVariables("approval", "APPROUVEE"));

        noticeDayComes(dossier);
        execute(job("PreparerMiseEnDemeure", dossier));
        execute(job("PlanifierMiseEnDemeure", dossier));
        passTimer(dossier, "DateMiseEnDemeure", at9("2027-01-07"));
        checkDebtor(dossier, "VerifierDebiteurAvantMiseEnDemeure");
        execute(job("PreparerMiseEnDemeure", dossier));

        assertThat(dossier).isWaitingAt("PosterLRAR").hasNotPassed("PlanifierRelance3", "DeciderDossier");
        // The registers are asked again on the new day: the debtor may have closed meanwhile.
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("verification-debiteur")
                .superProcessInstanceId(dossier.getId()).count()).isEqualTo(2);
    }

    @Test
    void aDebtorInACollectiveProcedureBeforeTheNoticeGoesToTheLegalTeamToDeclareTheClaim() {
        debtorIs("ACTIVE", true);
        // A consumer: three relances, no approval (DMN).
        ProcessInstance dossier = open("PME", "B2C", 300.0);
        sendRelances(dossier, 3);
        noticeDayComes(dossier);
        execute(job("ReclamerFacturesPosterieures", dossier));

        assertThat(task("DeclarerCreance", dossier)).hasCandidateGroup("juridique").hasDueDate(DECLARATION_DUE);
        complete(task("DeclarerCreance", dossier), withVariables("claimDeclared", true, "declarationReference", "MJ-1"));
        execute(job("CloreCreanceDeclaree", dossier));

        assertThat(dossier).isEnded().hasPassedInOrder("ProcedureCollectiveAvantMiseEnDemeure",
                "ProcedureCollectiveConstatee", "ReclamerFacturesPosterieures", "DeclarerCreance", "CreanceDeclaree")
                .hasNotPassed("ValiderMiseEnDemeure", "PreparerMiseEnDemeure", "DemanderReleveForclusion");
        verify(declaration).separateLaterInvoices(any());
        verify(judicial).closeDeclared(any());
        verify(ladder, never()).sendStep(any(), eq("MISE_EN_DEMEURE"));
    }

    @Test
    void anOpeningPublishedWhenTheDossierOpensStopsItBeforeAnyRelanceAndTheLegalTeamDeclares() {
        doAnswer(collectiveProcedure()).when(checks).watchInsolvency(any());
        ProcessInstance dossier = open("PME", "B2B", 1500.0);

        // Nothing of the amicable collection started: no call, no prescription watch, no relance.
        assertThat(dossier).hasPassedInOrder("LireDossier", "ConsulterBodaccOuverture", "ProcedureCollectiveConstatee")
                .hasNotPassed("DeterminerScenarioDossier", "LancerRecouvrement")
                .isWaitingAtExactly("SousProcessusProcedureCollective", "ReclamerFacturesPosterieures");
        execute(job("ReclamerFacturesPosterieures", dossier));
        assertThat(task("DeclarerCreance", dossier)).hasCandidateGroup("juridique").hasDueDate(DECLARATION_DUE);
        complete(task("DeclarerCreance", dossier), withVariables("claimDeclared", true, "declarationReference", "MJ-7"));
        execute(job("CloreCreanceDeclaree", dossier));

        assertThat(dossier).isEnded().hasPassed("CreanceDeclaree");
        verify(ladder, never()).planStep(any(), anyString());
        verify(declaration).separateLaterInvoices(any());
    }

    @Test
    void anOpeningPublishedBeforeTheSecondRelanceStopsTheLadderTheCallAndThePrescriptionWatchAtOnce() {
        // Asked when the dossier opens and before relance 1: nothing; before relance 2: the opening.
        doAnswer(sets("claimToDeclare", false)).doAnswer(sets("claimToDeclare", false))
                .doAnswer(collectiveProcedure()).when(checks).watchInsolvency(any());
        ProcessInstance dossier = open("PME", "B2B", 1500.0);
        passTimer(dossier, "DateRelance1", STEP_AT.get("RELANCE_1"));
        execute(job("PlanifierRelance2", dossier));
        assertThat(dossier).isWaitingAtExactly("AppelConciliation", "AlertePrescription", "DateRelance2");
        passTimer(dossier, "DateRelance2", STEP_AT.get("RELANCE_2"));

        assertThat(dossier).hasPassed("ConsulterBodaccRelance1", "EnvoyerRelance1", "ConsulterBodaccRelance2")
                .hasNotPassed("EnvoyerRelance2")
                .isWaitingAtExactly("SousProcessusProcedureCollective", "ReclamerFacturesPosterieures");
        verify(ladder).sendStep(any(), eq("RELANCE_1"));
        verify(ladder, never()).sendStep(any(), eq("RELANCE_2"));
    }

    @Test
    void anOpeningBeforeTheThirdRelanceNotDeclaredGoesToTheForeclosureReliefThenClosesForeclosed() {
        // Asked when the dossier opens, before relances 1 and 2: nothing; before relance 3: the opening.
        doAnswer(sets("claimToDeclare", false)).doAnswer(sets("claimToDeclare", false))
                .doAnswer(sets("claimToDeclare", false)).doAnswer(collectiveProcedure()).when(checks).watchInsolvency(any());
        ProcessInstance dossier = open("GRAND_COMPTE", "B2B", 2500.0);
        sendRelances(dossier, 3);
        execute(job("ReclamerFacturesPosterieures", dossier));

        // The legal team says the claim was not declared: only the relevé de forclusion is left (L622-26).
        complete(task("DeclarerCreance", dossier), withVariables("claimDeclared", false));
        assertThat(task("DemanderReleveForclusion", dossier)).hasCandidateGroup("juridique").hasDueDate(RELIEF_DUE);
        complete(task("DemanderReleveForclusion", dossier), withVariables("claimDeclared", false));
        execute(job("CloreForclose", dossier));

        assertThat(dossier).isEnded().hasPassed("ConsulterBodaccRelance3", "CreanceDeclareeOuNon", "ReleveObtenu",
                "CreanceForclose").hasNotPassed("EnvoyerRelance3", "CloreCreanceDeclaree");
        verify(declaration).closeForeclosed(any());
        verify(judicial, never()).closeDeclared(any());
    }

    @Test
    void twoMonthsAfterThePublicationWithoutADeclarationTheLegalTeamAsksForARelief() {
        doAnswer(collectiveProcedure()).when(checks).watchInsolvency(any());
        ProcessInstance dossier = open("PME", "B2B", 1500.0);
        execute(job("ReclamerFacturesPosterieures", dossier));

        passTimer(dossier, "DelaiDeclarationPasse", DECLARATION_DUE);
        assertThat(dossier).isWaitingAtExactly("SousProcessusProcedureCollective", "DemanderReleveForclusion");
        complete(task("DemanderReleveForclusion", dossier), withVariables("claimDeclared", true,
                "declarationReference", "Ordonnance JC 2027-12"));
        execute(job("CloreCreanceDeclaree", dossier));

        assertThat(dossier).isEnded().hasPassed("DelaiDeclarationPasse", "ReleveObtenu", "CreanceDeclaree")
                .hasNotPassed("CreanceDeclareeOuNon", "CloreForclose");
        verify(judicial).closeDeclared(any());
    }

    @Test
    void goodsSoldWithARetentionOfTitleAreClaimedBackBesideTheDeclarationWhichDoesNotEndTheClaim() {
        doAnswer(collectiveProcedure(true)).when(checks).watchInsolvency(any());
        ProcessInstance dossier = open("PME", "B2B", 1500.0);
        execute(job("ReclamerFacturesPosterieures", dossier));

        assertThat(dossier).isWaitingAtExactly("SousProcessusProcedureCollective", "DeclarerCreance",
                "RevendiquerBiens");
        assertThat(task("RevendiquerBiens", dossier)).hasCandidateGroup("juridique").hasDueDate(RECLAIM_DUE);
        // The declaration done first closes the dossier, and leaves the reclaim open: it is a separate deadline.
        complete(task("DeclarerCreance", dossier), withVariables("claimDeclared", true, "declarationReference", "MJ-9"));
        execute(job("CloreCreanceDeclaree", dossier));
        assertThat(dossier).hasPassed("CreanceDeclaree").isWaitingAtExactly("SousProcessusProcedureCollective",
                "RevendiquerBiens");
        complete(task("RevendiquerBiens", dossier), withVariables("reclaimSent", true, "reclaimSentOn", "2027-01-04",
                "goodsRecovered", false));

        assertThat(dossier).isEnded().hasPassed("DeclarerEtRevendiquer", "ReserveDePropriete", "BiensRevendiques")
                .hasNotPassed("RienARevendiquer");
        verify(declaration).recordGoodsClaim(any());
    }

    @ParameterizedTest(name = "at the court check: {0}")
    @CsvSource({
        "INSOLVENT, ReclamerFacturesPosterieures",
        "CLOSED,    DeciderDossier"
    })
    void whatTheRegistersSayBeforeCourtDecidesTheWayOut(String found, String next) {
        ProcessInstance dossier = open("PME", "B2B", 1500.0);
        sendRelances(dossier, 2);
        noticeDayComes(dossier);
        execute(job("PreparerMiseEnDemeure", dossier));
        // The notice went to an active company; at the deadline, the registers say otherwise.
        debtorIs("INSOLVENT".equals(found) ? "ACTIVE" : found, "INSOLVENT".equals(found));
        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A 123", "postedOn", "2026-12-31"));
        execute(job("EnregistrerEnvoi", dossier));
        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "AR", "receivedOn", "2027-01-02"));
        execute(job("EnregistrerReception", dossier));
        passTimer(dossier, "FinDuDelai", NOTICE_DEADLINE_ENDS);
        checkDebtor(dossier, "VerifierDebiteurAvantContentieux");

        assertThat(dossier).hasPassed("DebiteurVerifieAvantContentieux").isWaitingAt(next)
                .hasNotPassed("PreparerContentieux", "ConstituerDossierJudiciaire");
        verify(judicial, never()).prepareJudicial(any());
    }

    @Test
    void aCompanyUnknownAtTheCourtCheckThatTheAgentCannotConfirmGoesToTheManagers() {
        ProcessInstance dossier = open("PME", "B2B", 1500.0);
        sendRelances(dossier, 2);
        noticeDayComes(dossier);
        execute(job("PreparerMiseEnDemeure", dossier));
        debtorIs("UNKNOWN", false);
        complete(task("PosterLRAR", dossier), withVariables("trackingNumber", "1A 123", "postedOn", "2026-12-31"));
        execute(job("EnregistrerEnvoi", dossier));
        complete(task("EnregistrerAR", dossier), withVariables("receiptKind", "AR", "receivedOn", "2027-01-02"));
        execute(job("EnregistrerReception", dossier));
        passTimer(dossier, "FinDuDelai", NOTICE_DEADLINE_ENDS);
        checkDebtor(dossier, "VerifierDebiteurAvantContentieux");
        ProcessInstance check = calledProcessInstance("verification-debiteur", dossier);
        complete(task("VerifierDebiteur", check), withVariables("debtorReview", "DECISION"));

        assertThat(dossier).isWaitingAt("DeciderDossier").hasNotPassed("PreparerContentieux");
    }

    @ParameterizedTest(name = "registry {0}, agent {1}: {2}")
    @CsvSource(nullValues = "-", value = {
        "CLOSED,  -,        DeciderDossier, PreparerMiseEnDemeure",
        "UNKNOWN, DECISION, DeciderDossier, PreparerMiseEnDemeure",
        "UNKNOWN, CONFIRME, PosterLRAR,     DeciderDossier"
    })
    void theNoticeGoesOutOnlyToADebtorTheRegistersOrAnAgentConfirm(String registryStatus, String agentReview,
            String next, String notPassed) {
        debtorIs(registryStatus, false);
        ProcessInstance dossier = open("PME", "B2B", 1500.0);
        sendRelances(dossier, 2);
        noticeDayComes(dossier);
        if (agentReview != null) {
            // A company the registry does not know: an agent looks it up, within the called process.
            ProcessInstance check = calledProcessInstance("verification-debiteur", dossier);
            complete(task("VerifierDebiteur", check), withVariables("debtorReview", agentReview));
        }
        if ("PosterLRAR".equals(next)) {
            execute(job("PreparerMiseEnDemeure", dossier));
        }

        assertThat(dossier).isWaitingAt(next).hasNotPassed(notPassed);
    }

    @Test
    void aClaimPrescribedByTheDeadlineGoesToTheManagersNotToCourt() {
        doAnswer(sets("prescribed", true, "disputed", false)).when(judicial).prepareJudicial(any());
        ProcessInstance dossier = open("PME", "B2B", 1500.0);
        sendRelances(dossier, 2);
        noticeDayComes(dossier);
        execute(job("PreparerMiseEnDemeure", dossier));
        postNoticeUntilItsDeadline(dossier);

        assertThat(dossier).isWaitingAt("DeciderDossier").hasPassed("ChoisirVoie").hasNotPassed("ConstituerDossierJudiciaire")
                .variables().containsEntry("route", "DECISION_MANAGER");
        verify(judicialFile, never()).build(any());
    }

    @Test
    void aDateTheListenerRefusesLeavesTheNoticeTasksOpenWithNothingRecorded() {
        ProcessInstance dossier = open("PME", "B2B", 1500.0);
        sendRelances(dossier, 2);
        noticeDayComes(dossier);
        execute(job("PreparerMiseEnDemeure", dossier));
        doThrow(new ProcessEngineException("La date de dépôt à la Poste « 31/02/2027 » n'est pas une date"))
                .doNothing().when(notice).checkPostingDate(any());
        doThrow(new ProcessEngineException("La date de réception, 01/01/2027, précède le dépôt"))
                .doNothing().when(notice).checkReceiptDate(any());

        // The listener reads the date as the task completes: a refusal rolls the completion back, form included.
        assertThatThrownBy(() -> complete(task("PosterLRAR", dossier), withVariables("postedOn", "31/02/2027")))
                .hasMessageContaining("La date de dépôt à la Poste « 31/02/2027 » n'est pas une date");
        assertThat(dossier).isWaitingAt("PosterLRAR").variables().doesNotContainKey("postedOn");
        complete(task("PosterLRAR", dossier), withVariables("postedOn", "31/12/2026"));
        assertThat(dossier).isWaitingAt("EnregistrerEnvoi");

        execute(job("EnregistrerEnvoi", dossier));
        assertThatThrownBy(() -> complete(task("EnregistrerAR", dossier), withVariables("receivedOn", "01/01/2027")))
                .hasMessageContaining("précède le dépôt");
        assertThat(dossier).isWaitingAt("EnregistrerAR").variables().doesNotContainKey("receivedOn");
        verify(notice, never()).recordReceipt(any());
        complete(task("EnregistrerAR", dossier), withVariables("receivedOn", "02/01/2027"));
        assertThat(dossier).isWaitingAt("EnregistrerReception");
        verify(notice, times(2)).checkPostingDate(any());
        verify(notice, times(2)).checkReceiptDate(any());
    }

    @Test
    void aLateCallIsReportedAndStaysWithTheAgents() {
        ProcessInstance dossier = open("PME", "B2B", 1500.0);

        assertThat(task("AppelConciliation", dossier)).hasCandidateGroup("agents-recouvrement").hasDueDate(CALL_DUE);
        passTimer(dossier, "RetardAppelConciliation", CALL_DUE);
        execute(job("SignalerRetardAppelConciliation", dossier));

        verify(escalation).escalate(any(), eq("AppelConciliation"));
        assertThat(dossier).hasPassed("RetardSignaleAppelConciliation").isWaitingAt("AppelConciliation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROMESSE", "LITIGE", "REFUS"})
    void aCallThatReachedTheDebtorEndsTheConciliation(String outcome) {
        ProcessInstance dossier = open("PME", "B2B", 1500.0);

        complete(task("AppelConciliation", dossier), withVariables("callOutcome", outcome));

        verify(events).recordCallOutcome(any());
        verify(reading, never()).planNextCall(any());
        assertThat(dossier).hasPassed("ConciliationFaite").isWaitingAtExactly("AlertePrescription", "DateRelance1");
    }

    @Test
    void aPaymentPlanAskedForOnTheCallIsSetUpByTheAgentsAndItsDelayReported() {
        ProcessInstance dossier = open("PME", "B2B", 1500.0);
        complete(task("AppelConciliation", dossier), withVariables("callOutcome", "ECHEANCIER"));
        verify(events).recordCallOutcome(any());

        assertThat(task("EtablirEcheancier", dossier)).hasCandidateGroup("agents-recouvrement").hasDueDate(TASK_DUE);
        passTimer(dossier, "RetardEtablirEcheancier", TASK_DUE);
        execute(job("SignalerRetardEtablirEcheancier", dossier));
        verify(escalation).escalate(any(), eq("EtablirEcheancier"));
        assertThat(dossier).hasPassed("RetardSignaleEtablirEcheancier").isWaitingAt("EtablirEcheancier");

        complete(task("EtablirEcheancier", dossier), withVariables("instalmentCount", "2"));
        verify(events).recordPaymentPlan(any());
        // The plan holds the ladder through its planning (the beans), not by stopping the ladder's branch.
        assertThat(dossier).hasPassed("EcheancierEnregistre").hasNotPassed("ConciliationFaite")
                .isWaitingAtExactly("AlertePrescription", "DateRelance1");
    }

    @Test
    void thePrescriptionAlertWaitsAgainWhenAPaymentPushedItBackThenAlertsTheManagers() {
        ProcessInstance dossier = open("PME", "B2B", 1500.0);
        doAnswer(sets("prescriptionWarningAt", at9("2031-11-24"))).when(prescription).planPrescriptionWarning(any());
        doAnswer(sets("prescriptionNear", false)).doAnswer(sets("prescriptionNear", true)).when(prescription)
                .checkPrescription(any());

        passTimer(dossier, "AlertePrescription", PRESCRIPTION_WARNING);
        execute(job("VerifierPrescription", dossier));
        assertThat(dossier).isWaitingAt("AlertePrescription").hasNotPassed("AgirAvantPrescription");
        passTimer(dossier, "AlertePrescription", at9("2031-11-24"));
        execute(job("VerifierPrescription", dossier));
        verify(prescription, times(2)).planPrescriptionWarning(any());

        assertThat(task("AgirAvantPrescription", dossier)).hasCandidateGroup("managers-recouvrement").hasDueDate(TASK_DUE);
        complete(task("AgirAvantPrescription", dossier), withVariables("prescriptionAction", "Injonction déposée"));
        // The alert is handled; collection goes on.
        assertThat(dossier).hasPassed("PrescriptionTraitee").isWaitingAtExactly("AppelConciliation", "DateRelance1");
    }

    @Test
    void aPartialPaymentIsTakenInThenSettlementClosesTheDossier() {
        ProcessInstance dossier = open("PME", "B2B", 1000.0);

        correlate("PaiementRecu", Map.of("invoiceNumber", "F-1", "amount", "400.00"));
        execute(job("RelireApresPaiement", dossier));
        assertThat(dossier).hasPassed("PaiementEnregistre").isWaitingAt("AppelConciliation", "DateRelance1");

        doAnswer(sets("settled", true)).when(reading).load(any());
        correlate("PaiementRecu", Map.of("invoiceNumber", "F-1", "amount", "600.00"));
        execute(job("RelireApresPaiement", dossier));
        execute(job("CloreDossierSolde", dossier));

        assertThat(dossier).isEnded().hasPassedInOrder("CloreDossierSolde", "DossierSoldeSignale", "Solde")
                .hasNotPassed("ConciliationFaite", "EnvoyerRelance1");
        verify(closing, times(1)).closeSettled(any());
    }

    @Test
    void anInvoiceAddedToTheDossierIsReadIn() {
        ProcessInstance dossier = open("PME", "B2B", 1000.0);

        correlate("FactureAjoutee", Map.of("invoiceNumber", "F-2"));
        execute(job("RelireApresAjout", dossier));

        assertThat(dossier).hasPassed("FactureIntegree").isWaitingAtExactly("AppelConciliation", "AlertePrescription",
                "DateRelance1");
        verify(reading, times(2)).load(any());
    }

    @Test
    void aDisputeGoesToTheManagersWhoseResolutionResumesTheLadder() {
        ProcessInstance dossier = open("PME", "B2B", 1000.0);
        Map<String, Object> resolution = new HashMap<>();
        doAnswer(call -> {
            // As the real step does: the manager who completed the task, for "Appliquer la résolution".
            DelegateTask completed = call.getArgument(0);
            completed.getExecution().setVariableLocal("resolvedBy", completed.getAssignee());
            return null;
        }).when(events).recordResolver(any());
        doAnswer(call -> {
            resolution.putAll(call.<DelegateExecution>getArgument(0).getVariables());
            return null;
        }).when(events).resolveDispute(any());

        correlate("EvenementSignale", Map.of("eventType", "DISPUTE", "reason", "Livraison incomplète"));
        execute(job("RelireApresLitige", dossier));
        assertThat(task("ResoudreLitige", dossier)).hasCandidateGroup("managers-recouvrement").hasDueDate(TASK_DUE);
        complete(claim(task("ResoudreLitige", dossier), "manager"), withVariables("action", "RESUME"));
        execute(job("AppliquerResolution", dossier));
        execute(job("ReprendreApresLitige", dossier));
        execute(job("RelireApresResolution", dossier));

        // The resolution is recorded as the manager's who completed the task.
        assertThat(resolution).containsEntry("resolvedBy", "manager").containsEntry("action", "RESUME");
        verify(ladder).resumeLadder(any());
        assertThat(dossier).hasPassed("LitigeResolu").isWaitingAtExactly("AppelConciliation", "AlertePrescription",
                "DateRelance1");
    }

    @Test
    void aReleasedHoldResumesTheLadder() {
        ProcessInstance dossier = open("PME", "B2B", 1000.0);

        correlate("EvenementSignale", Map.of("eventType", "RELEASE"));
        execute(job("ReprendreApresSuspension", dossier));

        verify(ladder).resumeLadder(any());
        assertThat(dossier).hasPassed("SuspensionLevee").hasNotPassed("RelireApresEvenement", "ResoudreLitige");
    }

    @Test
    void aPromiseIsConfirmedToTheDebtorInWriting() {
        ProcessInstance dossier = open("PME", "B2B", 1000.0);

        correlate("EvenementSignale", Map.of("eventType", "PROMISE", "promiseDate", "2026-12-10"));
        execute(job("ConfirmerPromesse", dossier));

        verify(promises).confirm(any());
        verify(reading, times(2)).load(any());
        assertThat(dossier).hasPassed("RelireApresPromesse", "PromesseConfirmee").hasNotPassed("EvenementNote");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HOLD", "NOTE"})
    void anyOtherEventIsReadIntoTheDossier(String eventType) {
        ProcessInstance dossier = open("PME", "B2B", 1000.0);

        correlate("EvenementSignale", Map.of("eventType", eventType));
        execute(job("RelireApresEvenement", dossier));

        verify(reading, times(2)).load(any());
        verify(ladder, never()).resumeLadder(any());
        assertThat(dossier).hasPassed("EvenementNote").hasNotPassed("ResoudreLitige", "SuspensionLevee");
    }
}
