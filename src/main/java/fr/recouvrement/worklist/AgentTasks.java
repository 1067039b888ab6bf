package fr.recouvrement.worklist;

import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.dunning.NextLadderStep;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineServices;
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
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.Spin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What every user task carries for the agent, added by the engine to each user task it parses rather than written in
 * each diagram, so that an analyst's new task gets it too. As a task is created:
 * <ul>
 *   <li>{@code dossierAtHand}, a Json variable of the task: the dossier as the ledger has it now
 *       ({@link DossierAtHand}) and its next planned step, shown by the same block in every form;</li>
 *   <li>{@code debtorName}, {@code dossierNumber} and {@code amountDueText} for the shared filters' columns, on tasks
 *       of processes that do not hold them (the letters to post);</li>
 *   <li>the debtor's name after the task's own: "Appel de conciliation — Dupont &amp; Fils".</li>
 * </ul>
 */
@Component
public class AgentTasks extends AbstractProcessEnginePlugin {

    static final String SEPARATOR = " — ";
    static final String DOSSIER_AT_HAND = "dossierAtHand";
    private static final String DEBTOR_NAME = "debtorName";
    private static final String DOSSIER_NUMBER = "dossierNumber";
    private static final String AMOUNT_DUE_TEXT = "amountDueText";
    private static final String DOSSIER_PROCESS = "recouvrement-amiable";
    private static final String SCENARIO = "scenario";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Looked up when a task is created: the engine's plugins are built before the beans that read the ledger. */
    private final ObjectProvider<DossierAtHand> dossierAtHand;
    private final ObjectProvider<NextLadderStep> nextLadderStep;

    public AgentTasks(ObjectProvider<DossierAtHand> dossierAtHand, ObjectProvider<NextLadderStep> nextLadderStep) {
        this.dossierAtHand = dossierAtHand;
        this.nextLadderStep = nextLadderStep;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener prepare = this::prepare;
        List<BpmnParseListener> listeners = new ArrayList<>(
                Objects.requireNonNullElse(configuration.getCustomPostBPMNParseListeners(), List.of()));
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, prepare);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    void prepare(DelegateTask task) {
        DossierAtHand reader = dossierAtHand.getObject();
        dossierReference(task).flatMap(reader::dossierOf).ifPresent(dossier -> {
            Map<String, Object> atHand = new LinkedHashMap<>(reader.describe(dossier));
            atHand.put("next", nextStep(task.getProcessEngineServices(), dossier.number()));
            task.setVariableLocal(DOSSIER_AT_HAND, Spin.JSON(atHand));
            setIfMissing(task, DOSSIER_NUMBER, dossier.number());
            setIfMissing(task, DEBTOR_NAME, atHand.get("debtor"));
            setIfMissing(task, AMOUNT_DUE_TEXT, ((Map<?, ?>) atHand.get("owed")).get("principal"));
        });
        nameTheDebtor(task);
    }

    /**
     * The dossier a task is about: its process's {@code dossierNumber}, or its business key, which is the dossier's
     * number in {@code recouvrement-amiable} and the dossier's or invoice's number before a "/" in
     * {@code envoi-communication}.
     */
    private static Optional<String> dossierReference(DelegateTask task) {
        if (task.getVariable(DOSSIER_NUMBER) instanceof String number && !number.isBlank()) {
            return Optional.of(number);
        }
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (businessKey == null || businessKey.isBlank()) {
            return Optional.empty();
        }
        int slash = businessKey.indexOf('/');
        return Optional.of(slash < 0 ? businessKey : businessKey.substring(0, slash));
    }

    private static void setIfMissing(DelegateTask task, String name, Object value) {
        if (task.getVariable(name) == null) {
            task.setVariableLocal(name, value);
        }
    }

    /**
     * The dossier's next timer that moves it on ("Date de la relance 2 : 15/12/2026."), named as the analyst named it in
     * the diagram; the tasks' delay timers are not steps. Before the ladder's first timer exists, the step the planner
     * dates ("Relance 1 par e-mail : 27/11/2026.").
     */
    private String nextStep(ProcessEngineServices engine, String dossierNumber) {
        ProcessInstance dossier = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(DOSSIER_PROCESS).processInstanceBusinessKey(dossierNumber).active()
                .listPage(0, 1).stream().findFirst().orElse(null);
        if (dossier == null) {
            return "aucune : le dossier n'est plus suivi par le scénario.";
        }
        ManagementService management = engine.getManagementService();
        for (Job timer : management.createJobQuery().processInstanceId(dossier.getId()).timers()
                .orderByJobDuedate().asc().unlimitedList()) {
            String activityId = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
                    .singleResult().getActivityId();
            ModelElementInstance element = engine.getRepositoryService()
                    .getBpmnModelInstance(dossier.getProcessDefinitionId()).getModelElementById(activityId);
            if (element instanceof IntermediateCatchEvent event && event.getName() != null) {
                return event.getName() + " : "
                        + FormDates.french(timer.getDuedate().toInstant().atZone(PARIS).toLocalDate()) + ".";
            }
        }
        return nextLadderStep.getObject().of(dossierNumber, engine.getRuntimeService()
                        .getVariable(dossier.getId(), SCENARIO))
                .map(planned -> DossierAtHand.stepLabel(planned.step()) + " par "
                        + DossierAtHand.channelLabel(planned.channel()) + " : " + FormDates.french(planned.day()) + ".")
                .orElse("pas de date fixée : le dossier attend une tâche ou un événement.");
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
