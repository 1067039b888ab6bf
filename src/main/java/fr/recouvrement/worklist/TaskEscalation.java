package fr.recouvrement.worklist;

import fr.recouvrement.scenario.ScenarioStep;
import fr.recouvrement.security.CollectionGroups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Signaler le retard": a task still open at its due date (the DMN's {@code taskSlaDays}) is escalated to the
 * managers: they become candidates too, so it shows in their Tasklist, its priority rises, and a comment says when.
 * The task stays where it is: whoever gets to it first works it.
 */
@Component("taskEscalation")
public class TaskEscalation {

    /** Escalated tasks have this priority; /api/kpis counts them among the tasks past due. */
    public static final int ESCALATED_PRIORITY = 80;

    private final TaskService tasks;

    public TaskEscalation(TaskService tasks) {
        this.tasks = tasks;
    }

    @ScenarioStep
    public void escalate(DelegateExecution execution, String taskKey) {
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).unlimitedList()) {
            tasks.addCandidateGroup(task.getId(), CollectionGroups.MANAGERS);
            tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
            tasks.createComment(task.getId(), task.getProcessInstanceId(),
                    "Tâche en retard : signalée aux responsables du recouvrement.");
        }
    }
}
