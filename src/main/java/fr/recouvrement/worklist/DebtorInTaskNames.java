package fr.recouvrement.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Task names that say whose dossier a task is about, so that an agent's list reads "Appel de conciliation — Dupont &
 * Fils": every user task gets, as it is created, the debtor's name after its own. Added by the engine to every
 * diagram it parses rather than written in each one, so that an analyst's new task gets it too.
 */
@Component
public class DebtorInTaskNames extends AbstractProcessEnginePlugin {

    static final String SEPARATOR = " — ";
    private static final String DEBTOR_NAME = "debtorName";

    private static final TaskListener NAME_THE_DEBTOR = DebtorInTaskNames::nameTheDebtor;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>(
                Objects.requireNonNullElse(configuration.getCustomPostBPMNParseListeners(), List.of()));
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, NAME_THE_DEBTOR);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** A task of a process that knows its debtor (a dossier's, the check of its debtor) carries the name. */
    static void nameTheDebtor(DelegateTask task) {
        Object debtor = task.getVariable(DEBTOR_NAME);
        if (debtor instanceof String name && !name.isBlank() && task.getName() != null
                && !task.getName().contains(SEPARATOR)) {
            task.setName(task.getName() + SEPARATOR + name.strip());
        }
    }
}
