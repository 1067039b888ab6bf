package fr.recouvrement.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.RecouvrementSpringTest;
import fr.recouvrement.dunning.DossierCollection;
import fr.recouvrement.dunning.LadderSteps;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Defence in depth: the engine's expressions resolve the beans that carry a scenario step and no other Spring bean,
 * so that an expression the guard did not see (a version deployed before it) cannot reach the engine's services or
 * the database either. The rest of the suite runs every shipped diagram through this expression manager.
 */
@RecouvrementSpringTest
class ScenarioBeansTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationContext context;

    @Test
    void expressionsSeeEveryBeanWithAStepAndOnlyThose() {
        assertThat(configuration().getBeans().keySet()).containsExactlyInAnyOrder("bankInbox", "bankReconciliation",
                "communicationDelivery", "debtorChecks", "dossierClosing", "dossierCollection", "dossierReading",
                "eventReporting", "insolvencyDeclaration", "invoiceFollowUp", "judicialFile", "judicialHandoff",
                "judicialRoutes", "kpiSnapshots", "ladderSteps", "noticeTracking", "personalDataRetention",
                "prescriptionWatch", "promiseConfirmation", "reconciliationTasks", "taskEscalation");
        assertThat(evaluate("${ladderSteps}")).isInstanceOf(LadderSteps.class);
        // The delegates older diagram versions call.
        assertThat(evaluate("${dossierCollection}")).isInstanceOf(DossierCollection.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runtimeService", "repositoryService", "dataSource", "jdbcTemplate", "clock",
        "businessCalendar", "managementService", "dossierRepository", "testClock"})
    void noOtherSpringBeanResolves(String bean) {
        assertThat(context.containsBean(bean)).as("a Spring bean named %s", bean).isTrue();
        assertThatThrownBy(() -> evaluate("${" + bean + "}")).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining(bean);
    }

    private Object evaluate(String expression) {
        ProcessEngineConfigurationImpl configuration = configuration();
        return configuration.getCommandExecutorTxRequired().execute(context -> configuration.getExpressionManager()
                .createExpression(expression).getValue(StartProcessVariableScope.getSharedInstance()));
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
