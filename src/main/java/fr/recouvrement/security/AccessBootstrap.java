package fr.recouvrement.security;

import static fr.recouvrement.security.CollectionGroups.AGENTS;
import static fr.recouvrement.security.CollectionGroups.ANALYSTS;
import static fr.recouvrement.security.CollectionGroups.LEGAL;
import static fr.recouvrement.security.CollectionGroups.MANAGERS;
import static fr.recouvrement.security.CollectionGroups.READERS;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, in every mode, the groups, their permissions and the shared Tasklist filters of docs/architecture.md §4, and
 * adds what a new release grants to what is there; it never removes what an administrator added in Admin.
 *
 * <p>The collection groups see every task of the collection processes ({@code READ_TASK} on the process
 * definitions); only a task's candidates and assignee may claim and complete it ({@code TASK_WORK} per task,
 * {@link CandidateGroupTaskPermissions}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class AccessBootstrap extends AbstractProcessEnginePlugin {

    /** The process agents start from Tasklist to report a payment, a dispute, a promise... */
    static final String SIGNALEMENT = "signalement";
    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

    private static final Map<String, String> GROUP_NAMES = Map.of(
            AGENTS, "Agents de recouvrement",
            MANAGERS, "Responsables recouvrement",
            ANALYSTS, "Analystes métier",
            LEGAL, "Service juridique");

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        createGroups(engine.getIdentityService());
        grantPermissions(engine.getAuthorizationService());
        createFilters(engine);
    }

    private static void createGroups(IdentityService identity) {
        GROUP_NAMES.forEach((id, name) -> {
            if (identity.createGroupQuery().groupId(id).count() == 0) {
                Group group = identity.newGroup(id);
                group.setName(name);
                group.setType("WORKFLOW");
                identity.saveGroup(group);
                log.info("Created group {}", id);
            }
        });
    }

    private static void grantPermissions(AuthorizationService authorizations) {
        for (String group : READERS) {
            grant(authorizations, group, Resources.USER, "*", READ);
            grant(authorizations, group, Resources.GROUP, "*", READ);
        }
        for (String group : List.of(AGENTS, LEGAL)) {
            grant(authorizations, group, Resources.APPLICATION, "tasklist", ACCESS);
            // READ_INSTANCE: Tasklist reads the variables a filter shows (debtor, dossier, amount) as process
            // variables, which without it are silently left out of the list.
            grant(authorizations, group, Resources.PROCESS_DEFINITION, "*", READ, READ_TASK, READ_INSTANCE);
        }
        for (String group : List.of(AGENTS, MANAGERS, LEGAL)) {
            grant(authorizations, group, Resources.PROCESS_DEFINITION, SIGNALEMENT, READ, CREATE_INSTANCE);
            grant(authorizations, group, Resources.PROCESS_INSTANCE, "*", CREATE);
        }
        grant(authorizations, MANAGERS, Resources.APPLICATION, "tasklist", ACCESS);
        grant(authorizations, MANAGERS, Resources.APPLICATION, "cockpit", ACCESS);
        grant(authorizations, MANAGERS, Resources.PROCESS_DEFINITION, "*",
                READ, READ_INSTANCE, READ_HISTORY, READ_TASK, ProcessDefinitionPermissions.RETRY_JOB);
        grant(authorizations, MANAGERS, Resources.PROCESS_INSTANCE, "*", READ);
        grant(authorizations, MANAGERS, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY);
        grant(authorizations, MANAGERS, Resources.DEPLOYMENT, "*", READ);

        grant(authorizations, ANALYSTS, Resources.APPLICATION, "cockpit", ACCESS);
        grant(authorizations, ANALYSTS, Resources.APPLICATION, "tasklist", ACCESS);
        grant(authorizations, ANALYSTS, Resources.DEPLOYMENT, "*", READ, CREATE);
        grant(authorizations, ANALYSTS, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY);
        grant(authorizations, ANALYSTS, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY, CREATE_INSTANCE);
        grant(authorizations, ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);
        grant(authorizations, ANALYSTS, Resources.PROCESS_INSTANCE, "*", READ);
    }

    /** Adds the permissions to the group's grant on that resource, creating the grant if needed. */
    private static void grant(AuthorizationService authorizations, String group, Resource resource,
            String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (hasAll(authorization, permissions)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    private static boolean hasAll(Authorization authorization, Permission... permissions) {
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                return false;
            }
        }
        return true;
    }

    /** The print-and-post tasks: a letter (envoi-communication) and the registered notice (recouvrement-amiable). */
    private static final String[] LETTER_TASKS = {"PosterCourrier", "PosterLRAR"};
    /** The priority worklist/TaskEscalation gives a task overdue (the worklist depends on this package, not back). */
    private static final int ESCALATED_PRIORITY = 80;

    /**
     * The shared Tasklist filters, each sorted by due date then priority. Found by name and set again at every start,
     * so that a release's change reaches them; filters of other names are an administrator's and left alone.
     */
    private static void createFilters(ProcessEngine engine) {
        var tasks = engine.getTaskService();
        createFilter(engine, "Mes tâches", "Les tâches qui me sont assignées", -10,
                sorted(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        createFilter(engine, "Mon équipe", "Les tâches des groupes dont je fais partie", 0,
                sorted(myGroups(tasks.createTaskQuery())));
        createFilter(engine, "À échéance aujourd'hui", "Les tâches de mes groupes dues aujourd'hui ou en retard", 10,
                sorted(myGroups(tasks.createTaskQuery())
                        .dueBeforeExpression("${dateTime().plusDays(1).withTimeAtStartOfDay()}")));
        createFilter(engine, "Courriers à poster", "Les lettres et lettres recommandées à imprimer et poster", 20,
                sorted(myGroups(tasks.createTaskQuery()).taskDefinitionKeyIn(LETTER_TASKS)));
        createFilter(engine, "En retard", "Les tâches de mes groupes signalées en retard aux responsables", 30,
                sorted(myGroups(tasks.createTaskQuery()).taskMinPriority(ESCALATED_PRIORITY)));
    }

    private static TaskQuery myGroups(TaskQuery query) {
        return query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    private static TaskQuery sorted(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskPriority().desc();
    }

    private static void createFilter(ProcessEngine engine, String name, String description, int priority,
            TaskQuery query) {
        FilterService filters = engine.getFilterService();
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
            log.info("Created Tasklist filter '{}'", name);
        }
        filter.setQuery(query);
        filter.setProperties(Map.of(
                "description", description,
                "priority", priority,
                "refresh", true,
                // Process variables every agent's task of a dossier sees; the amount as French text ("1 500,00 €").
                "variables", List.of(
                        Map.of("name", "debtorName", "label", "Débiteur"),
                        Map.of("name", "dossierNumber", "label", "Dossier"),
                        Map.of("name", "amountDueText", "label", "Montant dû"))));
        filters.saveFilter(filter);
        for (String group : READERS) {
            grant(engine.getAuthorizationService(), group, Resources.FILTER, filter.getId(), READ);
        }
    }
}
