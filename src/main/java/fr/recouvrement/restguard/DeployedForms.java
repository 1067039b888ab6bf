package fr.recouvrement.restguard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.stereotype.Component;

/**
 * The variables a deployed Camunda Form submits: the keys of its fields that are not disabled (form-js submits
 * neither disabled fields nor display-only components). Read from the form deployed with the process, as the task's
 * or start event's {@code camunda:formRef} and binding resolve it, and kept per form definition (one per deployment).
 */
@Component
class DeployedForms {

    /** Components that show something and submit nothing, even when given a key. */
    private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "separator", "spacer", "button",
            "iframe", "table", "documentPreview");

    /** A deployed form: its id ({@code signaler-evenement}) and the variables it submits. */
    record DeployedForm(String key, Set<String> submitted) {
    }

    private final ProcessEngine engine;
    private final ObjectMapper json;
    private final Map<String, DeployedForm> byDefinition = new ConcurrentHashMap<>();

    DeployedForms(ProcessEngine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    /** The form {@code ref} points to for a task or start event of that process definition, if deployed. */
    Optional<DeployedForm> resolve(CamundaFormRef ref, String processDefinitionId) {
        if (ref == null || ref.getKey() == null) {
            return Optional.empty();
        }
        String deploymentId = engine.getRepositoryService().getProcessDefinition(processDefinitionId)
                .getDeploymentId();
        CamundaFormDefinition definition = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> find(context.getCamundaFormDefinitionManager(),
                        ref, deploymentId));
        return Optional.ofNullable(definition)
                .map(found -> byDefinition.computeIfAbsent(found.getId(), id -> read(found)));
    }

    private static CamundaFormDefinition find(CamundaFormDefinitionManager forms, CamundaFormRef ref,
            String deploymentId) {
        return switch (ref.getBinding()) {
            case "deployment" -> forms.findDefinitionByDeploymentAndKey(deploymentId, ref.getKey());
            case "version" -> forms.findDefinitionByKeyVersionAndTenantId(ref.getKey(), ref.getVersion(), null);
            default -> forms.findLatestDefinitionByKey(ref.getKey());
        };
    }

    private DeployedForm read(CamundaFormDefinition definition) {
        try (InputStream resource = engine.getRepositoryService().getResourceAsStream(definition.getDeploymentId(),
                definition.getResourceName())) {
            Set<String> submitted = new HashSet<>();
            collect(json.readTree(resource).path("components"), submitted);
            return new DeployedForm(definition.getKey(), Set.copyOf(submitted));
        } catch (IOException e) {
            throw new UncheckedIOException("Formulaire " + definition.getResourceName() + " illisible", e);
        }
    }

    /** The top-level variable of each enabled field: a key {@code a.b} or a group's path {@code a} submits {@code a}. */
    private static void collect(JsonNode components, Set<String> submitted) {
        for (JsonNode component : components) {
            if (component.path("disabled").asBoolean(false) || DISPLAY_ONLY.contains(component.path("type").asText())) {
                continue;
            }
            String path = component.path("path").asText("");
            if (!path.isBlank()) {
                submitted.add(path.split("\\.")[0]);
            } else if (component.has("components")) {
                collect(component.path("components"), submitted);
            } else if (component.hasNonNull("key")) {
                submitted.add(component.path("key").asText().split("\\.")[0]);
            }
        }
    }
}
