package fr.recouvrement.restguard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.event.EventRules;
import fr.recouvrement.event.EventType;
import fr.recouvrement.restguard.DeployedForms.DeployedForm;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a caller writes through the engine's REST API, at both roots ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}, which Tasklist uses), is checked before the engine sees it: any authenticated user can
 * call the API directly, forms aside. A filter rather than a task listener, which sees every variable merged, not the
 * submitted ones (docs/architecture.md §4, "What the engine's REST API accepts").
 *
 * <ul>
 * <li>Starting a process: the event type must be one the caller may report ({@link EventRules}); the author is the
 * authenticated user, never a variable; a non-administrator sends only the start form's fields.
 * <li>Completing or submitting a task: only the fields its deployed form submits, never the process's own variables,
 * and a payment plan of at most {@link EventRules#MAX_INSTALMENTS} instalments.
 * <li>Every other write that sets variables or moves a token of our processes is an administrator's.
 * </ul>
 *
 * A refusal has the engine's error shape ({@code type}, {@code message}), whose message Tasklist shows.
 */
class EngineRestGuard extends OncePerRequestFilter {

    /** The engine REST path after its root, whichever root and engine name the caller used. */
    private static final Pattern ROOT = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");
    private static final Pattern START = Pattern.compile(
            "^/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)/?$");
    private static final Pattern TASK_COMPLETION = Pattern.compile("^/task/([^/]+)/(?:complete|submit-form)/?$");
    private static final List<Pattern> ADMIN_WRITES = Stream.of(
            "^/process-instance/[^/]+/variables(/.*)?$",
            "^/process-instance/variables-async/?$",
            "^/process-instance/[^/]+/modification(-async)?/?$",
            "^/modification/.*$",
            "^/execution/[^/]+/(localVariables|signal|messageSubscriptions)(/.*)?$",
            "^/task/[^/]+/(variables|localVariables)(/.*)?$",
            "^/task/[^/]+/(resolve|bpmnError|bpmnEscalation)/?$",
            "^/message(/.*)?$",
            "^/signal/?$",
            "^/condition/?$",
            "^/process-definition/[^/]+/restart(-async)?/?$").map(Pattern::compile).toList();

    /** The process's own variables, which no form submits and no caller may set. */
    static final Set<String> PROTECTED = Set.of("scenario", "route", "communicationId", "dossierNumber");
    /** Who did it is the authenticated user; {@code camunda:initiator} would give way to a variable of that name. */
    static final Set<String> AUTHOR = Set.of("initiator", "author", "resolvedBy");
    /** Beside its form's fields, a client of the REST API may give the plan as a list, which Tasklist cannot. */
    private static final Map<String, Set<String>> API_ONLY = Map.of("etablir-echeancier", Set.of("instalments"));
    private static final Set<String> START_OPTIONS = Set.of("startInstructions", "skipCustomListeners",
            "skipIoMappings");

    private final ProcessEngine engine;
    private final DeployedForms forms;
    private final ObjectMapper json;

    EngineRestGuard(ProcessEngine engine, DeployedForms forms, ObjectMapper json) {
        this.engine = engine;
        this.forms = forms;
        this.json = json;
    }

    /** The caller as authenticated at the root they used: their groups. */
    private record Caller(Collection<String> groups) {

        boolean admin() {
            return groups.contains(Groups.CAMUNDA_ADMIN);
        }
    }

    /** A request refused, with its status and French reason. */
    private static final class Refusal extends RuntimeException {

        private final transient HttpStatus status;

        Refusal(HttpStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher root = ROOT.matcher(path(request));
        Caller caller = root.matches() && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                && !"OPTIONS".equals(request.getMethod()) ? caller(request) : null;
        if (caller == null) {
            // Not a write, or not authenticated: the engine's own filters answer.
            chain.doFilter(request, response);
            return;
        }
        String path = root.group(1);
        // Only a start or a completion has its body read: a deployment's, for one, goes through untouched.
        HttpServletRequest checked = "POST".equals(request.getMethod())
                && (START.matcher(path).matches() || TASK_COMPLETION.matcher(path).matches())
                ? new CachedBodyRequest(request) : request;
        Authentication authenticated = engine.getIdentityService().getCurrentAuthentication();
        try {
            // Looked up as the engine itself: the caller's own rights are the engine's to check afterwards.
            engine.getIdentityService().clearAuthentication();
            check(path, checked, caller);
        } catch (Refusal refusal) {
            response.setStatus(refusal.status.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getWriter(), Map.of(
                    "type", refusal.status == HttpStatus.FORBIDDEN ? "AuthorizationException" : "InvalidRequestException",
                    "message", refusal.getMessage()));
            return;
        } finally {
            if (authenticated != null) {
                engine.getIdentityService().setAuthentication(authenticated);
            }
        }
        chain.doFilter(checked, response);
    }

    private void check(String path, HttpServletRequest request, Caller caller) {
        Matcher start = START.matcher(path);
        Matcher task = TASK_COMPLETION.matcher(path);
        if (request instanceof CachedBodyRequest cached && start.matches()) {
            checkStart(start.group(1), start.group(2), body(cached), caller);
        } else if (request instanceof CachedBodyRequest cached && task.matches()) {
            checkCompletion(task.group(1), body(cached));
        } else if (!caller.admin() && ADMIN_WRITES.stream().anyMatch(write -> write.matcher(path).matches())) {
            throw new Refusal(HttpStatus.FORBIDDEN, "Seul un administrateur peut modifier les variables, les messages"
                    + " ou le déroulement d'un processus par l'API REST du moteur : passez par les formulaires des"
                    + " tâches ou par l'API /api.");
        }
    }

    private void checkStart(String key, String id, JsonNode body, Caller caller) {
        JsonNode variables = body.path("variables");
        checkNames(variables);
        EventType type = EventType.parse(value(variables.path("eventType")));
        if (type != null && !EventRules.mayReport(type, caller.groups())) {
            throw new Refusal(HttpStatus.FORBIDDEN, EventRules.refusal(type));
        }
        if (caller.admin()) {
            return;
        }
        START_OPTIONS.stream().filter(body::has).findFirst().ifPresent(option -> {
            throw new Refusal(HttpStatus.FORBIDDEN, "L'option « " + option + " » du démarrage est réservée aux"
                    + " administrateurs.");
        });
        Optional<ProcessDefinition> definition = definition(key, id);
        if (definition.isPresent()) {
            Optional<DeployedForm> form = forms.resolve(engine.getFormService()
                    .getStartFormData(definition.get().getId()).getCamundaFormRef(), definition.get().getId());
            checkDeclared(variables, form, "formulaire de démarrage de « " + definition.get().getKey() + " »");
        }
    }

    private void checkCompletion(String taskId, JsonNode body) {
        JsonNode variables = body.path("variables");
        checkNames(variables);
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            // The engine answers that the task is not there.
            return;
        }
        Optional<DeployedForm> form = task.getProcessDefinitionId() == null ? Optional.empty()
                : forms.resolve(task.getCamundaFormRef(), task.getProcessDefinitionId());
        checkDeclared(variables, form, "formulaire de la tâche « " + task.getName() + " »");
        checkPlanLength(variables);
    }

    /** Neither the process's own variables nor an author, whoever the caller. */
    private static void checkNames(JsonNode variables) {
        variables.fieldNames().forEachRemaining(name -> {
            if (PROTECTED.contains(name)) {
                throw new Refusal(HttpStatus.FORBIDDEN, "La variable « " + name + " » appartient au processus : elle"
                        + " ne peut pas être modifiée par l'API REST du moteur.");
            }
            if (AUTHOR.contains(name)) {
                throw new Refusal(HttpStatus.FORBIDDEN, "La variable « " + name + " » est refusée : l'auteur est"
                        + " toujours l'utilisateur authentifié.");
            }
            if ("Object".equalsIgnoreCase(variables.path(name).path("type").asText())) {
                throw new Refusal(HttpStatus.FORBIDDEN, "La variable « " + name + " » est un objet Java : un"
                        + " formulaire n'en envoie pas.");
            }
        });
    }

    private static void checkDeclared(JsonNode variables, Optional<DeployedForm> form, String where) {
        Set<String> accepted = form.map(found -> union(found.submitted(), API_ONLY.getOrDefault(found.key(), Set.of())))
                .orElse(Set.of());
        Set<String> refused = new TreeSet<>();
        variables.fieldNames().forEachRemaining(name -> {
            if (!accepted.contains(name)) {
                refused.add(name);
            }
        });
        if (!refused.isEmpty()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, (refused.size() == 1 ? "La variable " : "Les variables ")
                    + String.join(", ", refused.stream().map(name -> "« " + name + " »").toList())
                    + (refused.size() == 1 ? " n'est pas un champ modifiable du " : " ne sont pas des champs"
                            + " modifiables du ") + where + (accepted.isEmpty() ? ", qui n'en a aucun." : " ("
                            + String.join(", ", new TreeSet<>(accepted)) + ")."));
        }
    }

    /** A payment plan, through the form's count or the list, has at most {@link EventRules#MAX_INSTALMENTS} rows. */
    private void checkPlanLength(JsonNode variables) {
        int count = 0;
        Object declared = value(variables.path("instalmentCount"));
        if (declared != null) {
            try {
                count = Integer.parseInt(declared.toString().strip());
            } catch (NumberFormatException e) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "Le nombre d'échéances « " + declared
                        + " » n'est pas un nombre.");
            }
        }
        JsonNode list = variables.path("instalments").path("value");
        if (list.isTextual()) {
            try {
                list = json.readTree(list.asText());
            } catch (JsonProcessingException e) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "Les échéances ne sont pas une liste JSON lisible.");
            }
        }
        count = Math.max(count, list.isArray() ? list.size() : 0);
        if (count > EventRules.MAX_INSTALMENTS) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "Un échéancier compte au plus " + EventRules.MAX_INSTALMENTS
                    + " échéances ; celui-ci en a " + count + ".");
        }
    }

    private Optional<ProcessDefinition> definition(String key, String id) {
        List<ProcessDefinition> found = key != null
                ? engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                        .latestVersion().list()
                : engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).list();
        // None, or one per tenant: the engine answers as it does.
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static Object value(JsonNode variable) {
        JsonNode value = variable.path("value");
        return value.isMissingNode() || value.isNull() ? null : value.isValueNode() ? value.asText() : value;
    }

    private JsonNode body(CachedBodyRequest request) {
        try {
            JsonNode body = request.body().length == 0 ? json.createObjectNode() : json.readTree(request.body());
            return body == null ? json.createObjectNode() : body;
        } catch (IOException e) {
            // Not JSON: the engine refuses it itself, with nothing started.
            return json.createObjectNode();
        }
    }

    /**
     * The path as the servlet container resolved it for the REST resources: decoded, {@code ;parameters} removed,
     * {@code //} and {@code ..} resolved, so that {@code /task/1/%63omplete} is seen as the completion it is.
     */
    private static String path(HttpServletRequest request) {
        return request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /**
     * {@code /engine-rest}: Camunda's authentication filter, before this one, set the engine's authentication.
     * The webapps: their session's login, as WebappSessionAuthenticationFilter reads it.
     */
    private Caller caller(HttpServletRequest request) {
        if (path(request).startsWith("/engine-rest")) {
            Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
            return authentication == null || authentication.getUserId() == null ? null
                    : new Caller(authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
        }
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        return authentications != null
                && authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user
                ? new Caller(user.getGroupIds()) : null;
    }
}
