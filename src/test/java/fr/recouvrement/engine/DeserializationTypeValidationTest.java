package fr.recouvrement.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.RecouvrementSpringTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An object variable arrives serialized, with the name of its Java class, from anyone who may call the REST API: the
 * engine rebuilds only the classes of the allowed list (application.yaml).
 */
@RecouvrementSpringTest
class DeserializationTypeValidationTest {

    @Autowired
    TaskService tasks;

    private String taskId;

    @AfterEach
    void deleteTask() {
        if (taskId != null) {
            tasks.deleteTask(taskId, true);
        }
    }

    @Test
    void anObjectVariableOfAClassOutsideTheAllowedPackagesIsRefused() {
        Task task = tasks.newTask();
        tasks.saveTask(task);
        taskId = task.getId();
        tasks.setVariable(taskId, "fichier", Variables.serializedObjectValue("\"/etc/passwd\"")
                .serializationDataFormat(SerializationDataFormats.JSON).objectTypeName("java.io.File").create());
        tasks.setVariable(taskId, "liste", Variables.serializedObjectValue("[1, 2]")
                .serializationDataFormat(SerializationDataFormats.JSON).objectTypeName("java.util.ArrayList").create());

        assertThatThrownBy(() -> tasks.getVariable(taskId, "fichier"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("java.io.File");
        assertThat(tasks.getVariable(taskId, "liste")).isEqualTo(List.of(1, 2));
    }
}
