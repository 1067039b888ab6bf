package fr.recouvrement.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A task's candidate group gets {@code TASK_WORK} on that task, as Camunda grants it, but not {@code READ}: the
 * groups read the tasks of the collection processes through {@code READ_TASK} on the process definitions
 * ({@link AccessBootstrap}). With {@code READ} per task, every task-list query joins one authorization row per open
 * task and slows down linearly with the portfolio (docs/performance.md, "The task-list query"); without it, the query
 * checks a handful of rows. Who may claim and complete a task is unchanged.
 */
@Component
public class CandidateGroupTaskPermissions extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
            @Override
            protected AuthorizationEntity[] createOrUpdateAuthorizationsByGroupId(Task task, String groupId) {
                AuthorizationEntity[] authorizations = super.createOrUpdateAuthorizationsByGroupId(task, groupId);
                // The first is the runtime task's authorization; a historic one, if enabled, keeps its READ.
                authorizations[0].removePermission(READ);
                return authorizations;
            }
        });
    }
}
