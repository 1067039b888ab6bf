package fr.recouvrement;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The beans the diagrams of {@code bpmn/} call by name, with the methods they call: what a fast flow test mocks
 * ({@link FastEngine#mockBean}). Written from the diagrams, not from the application's classes, so that the flow tests
 * depend on nothing but the diagrams; the Spring tests check that the application's beans answer these calls.
 */
public final class DiagramBeans {

    private DiagramBeans() {
    }

    /** {@code dossierReading}. */
    public interface DossierReading {
        void load(DelegateExecution execution);

        void startConciliation(DelegateExecution execution);

        void planNextCall(DelegateExecution execution);

        Date taskDue(DelegateExecution execution);
    }

    /** {@code ladderSteps}. */
    public interface LadderSteps {
        void planStep(DelegateExecution execution, String step);

        void sendStep(DelegateExecution execution, String step);

        void resumeLadder(DelegateExecution execution);
    }

    /** {@code noticeTracking}. */
    public interface NoticeTracking {
        void checkPostingDate(DelegateTask task);

        void recordDispatch(DelegateExecution execution);

        void checkReceiptDate(DelegateTask task);

        void recordReceipt(DelegateExecution execution);
    }

    /** {@code judicialHandoff}. */
    public interface JudicialHandoff {
        void prepareJudicial(DelegateExecution execution);

        void closeHandedOff(DelegateExecution execution);

        void closeDeclared(DelegateExecution execution);
    }

    /** {@code dossierClosing}. */
    public interface DossierClosing {
        void closeSettled(DelegateExecution execution);

        void closeByDecision(DelegateExecution execution);
    }

    /** {@code prescriptionWatch}. */
    public interface PrescriptionWatch {
        void planPrescriptionWarning(DelegateExecution execution);

        void checkPrescription(DelegateExecution execution);
    }

    /** {@code judicialFile}. */
    public interface JudicialFile {
        void build(DelegateExecution execution);
    }

    /** {@code judicialRoutes}. */
    public interface JudicialRoutes {
        void choose(DelegateExecution execution);

        void checkPriorAttempt(DelegateTask task);

        void smallClaimsFailed(DelegateExecution execution);
    }

    /** {@code eventReporting}. */
    public interface EventReporting {
        void report(DelegateExecution execution);

        void recordCallOutcome(DelegateTask task);

        void recordPaymentPlan(DelegateTask task);

        void recordResolver(DelegateTask task);

        void resolveDispute(DelegateExecution execution);
    }

    /** {@code taskEscalation}. */
    public interface PromiseConfirmation {
        void confirm(DelegateExecution execution);
    }

    public interface TaskEscalation {
        void escalate(DelegateExecution execution, String taskKey);
    }

    /** {@code invoiceFollowUp}. */
    public interface InvoiceFollowUp {
        void load(DelegateExecution execution);

        void plan(DelegateExecution execution);

        void sendPreDueReminder(DelegateExecution execution);

        void skipPreDueReminder(DelegateExecution execution);

        void checkPaid(DelegateExecution execution);

        void placeInDossier(DelegateExecution execution);
    }

    /** {@code communicationDelivery}. */
    public interface CommunicationDelivery {
        void deliver(DelegateExecution execution);

        Date taskDue(DelegateExecution execution);

        void checkPostingDate(DelegateTask task);

        void recordPosted(DelegateExecution execution);

        void applyVerification(DelegateExecution execution);
    }

    /** {@code kpiSnapshots}. */
    public interface KpiSnapshots {
        void take(DelegateExecution execution);

        void planNext(DelegateExecution execution);
    }

    /** {@code personalDataRetention}. */
    public interface PersonalDataRetention {
        void anonymiseExpired(DelegateExecution execution);
    }

    /** {@code bankInbox}. */
    public interface BankInbox {
        void importNext(DelegateExecution execution);
    }

    /** {@code reconciliationTasks}. */
    public interface ReconciliationTasks {
        void startMissing(DelegateExecution execution);
    }

    /** {@code debtorChecks}. */
    public interface DebtorChecks {
        void consultRegistry(DelegateExecution execution);

        void consultBodacc(DelegateExecution execution);

        void watchInsolvency(DelegateExecution execution);
    }

    /** {@code insolvencyDeclaration}. */
    public interface InsolvencyDeclaration {
        void separateLaterInvoices(DelegateExecution execution);

        void closeForeclosed(DelegateExecution execution);

        void recordGoodsClaim(DelegateTask task);
    }

    /** {@code bankReconciliation}. */
    public interface BankReconciliation {
        void present(DelegateExecution execution);

        void allocate(DelegateExecution execution);
    }
}
