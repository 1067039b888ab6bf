package fr.recouvrement.dunning;

import static fr.recouvrement.FastEngine.at9;
import static fr.recouvrement.FastEngine.sets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import fr.recouvrement.DiagramBeans;
import fr.recouvrement.FastEngine;
import fr.recouvrement.FastTest;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bpmn/suivi-facture.bpmn on the fast engine, with the real scenario DMN: an invoice followed up to its due date. */
@FastTest
class SuiviFactureFlowTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = FastEngine.extension();

    static final Date REMINDER_AT = at9("2026-12-09");
    static final Date DUE_CHECK_AT = at9("2026-12-17");

    DiagramBeans.InvoiceFollowUp followUp;

    @BeforeEach
    void deploy() {
        FastEngine.deploy(engine, "suivi-facture.bpmn", "scenario-recouvrement.dmn");
        followUp = FastEngine.mockBean("invoiceFollowUp", DiagramBeans.InvoiceFollowUp.class);
        doAnswer(sets("segment", "PME", "debtorType", "B2B", "amountDue", 1500.0)).when(followUp).load(any());
    }

    /** A registered invoice, read and planned in the job after its registration. */
    ProcessInstance register(boolean reminderAhead) {
        doAnswer(sets("preDueReminderAt", REMINDER_AT, "preDueReminderAhead", reminderAhead, "dueCheckAt", DUE_CHECK_AT))
                .when(followUp).plan(any());
        ProcessInstance invoice = runtimeService().createProcessInstanceByKey("suivi-facture").businessKey("F-1")
                .setVariable("invoiceNumber", "F-1").execute();
        // The registration's transaction only records the invoice; reading it is the first job.
        assertThat(invoice).isWaitingAtExactly("FactureEnregistree");
        execute(job("FactureEnregistree", invoice));
        return invoice;
    }

    @Test
    void theReminderGoesOnItsDayAndAnInvoicePaidOnTimeEndsThere() {
        ProcessInstance invoice = register(true);

        assertThat(invoice).hasPassedInOrder("LireFacture", "DeterminerScenario", "PlanifierSuivi")
                .isWaitingAtExactly("DateDuRappel");
        // The scenario of a PME (bpmn/scenario-recouvrement.dmn) is what the planning reads.
        assertThat(runtimeService().getVariable(invoice.getId(), "scenario")).asInstanceOf(MAP).containsEntry("preDueDays", 7);
        assertThat(job("DateDuRappel", invoice)).hasDueDate(REMINDER_AT);
        execute(job("DateDuRappel", invoice));
        verify(followUp).sendPreDueReminder(any());

        assertThat(job("LendemainEcheance", invoice)).hasDueDate(DUE_CHECK_AT);
        doAnswer(sets("unpaid", false)).when(followUp).checkPaid(any());
        execute(job("LendemainEcheance", invoice));

        assertThat(invoice).isEnded().hasPassed("Reglee").hasNotPassed("NoterRappelSaute", "ConfierAuDossier");
        verify(followUp, never()).placeInDossier(any());
    }

    @Test
    void aReminderDateAlreadyPastIsNotedAsSkippedAndAnUnpaidInvoiceGoesToItsDossier() {
        ProcessInstance invoice = register(false);

        assertThat(invoice).isWaitingAtExactly("NoterRappelSaute");
        execute(job("NoterRappelSaute", invoice));
        verify(followUp).skipPreDueReminder(any());
        verify(followUp, never()).sendPreDueReminder(any());

        assertThat(job("LendemainEcheance", invoice)).hasDueDate(DUE_CHECK_AT);
        doAnswer(sets("unpaid", true)).when(followUp).checkPaid(any());
        execute(job("LendemainEcheance", invoice));
        // The dossier is joined in a job of its own, retried on failure.
        assertThat(invoice).isWaitingAtExactly("ConfierAuDossier");
        execute(job("ConfierAuDossier", invoice));

        verify(followUp).placeInDossier(any());
        assertThat(invoice).isEnded().hasPassed("ConfieeAuDossier").hasNotPassed("Reglee", "EnvoyerRappel");
    }
}
