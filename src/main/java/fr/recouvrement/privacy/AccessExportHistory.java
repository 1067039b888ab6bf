package fr.recouvrement.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What the engine's history holds about a debtor's process instances, read through its Java API: the instances, each
 * variable's last value and every value it took, the form fields submitted, the tasks, the comments and attachments,
 * the operations people did on them and the incidents (whose messages may quote data).
 *
 * <p>A debtor's instances are found by what names them: the business key of {@code recouvrement-amiable} and of its
 * call {@code verification-debiteur} (the dossier number), of {@code suivi-facture} (the invoice number), of
 * {@code envoi-communication} ({@code {dossier or invoice number}/{step}}, from the communication rows), of
 * {@code rapprochement-encaissement} ({@code encaissement-{id}}, from the debtor's bank transfers); and, for
 * {@code signalement}, which has no business key, its variables {@code invoiceNumber} or {@code dossierNumber}. The
 * variable search is kept to {@code signalement}: every {@code suivi-facture} has an {@code invoiceNumber}, and searching
 * them all by value for each invoice would read the whole portfolio's variables.
 */
@Component
class AccessExportHistory {

    private static final String SIGNALEMENT = "signalement";
    private static final String INVOICE_NUMBER = "invoiceNumber";
    private static final String DOSSIER_NUMBER = "dossierNumber";

    private final HistoryService history;
    private final TaskService tasks;
    private final ObjectMapper json;

    AccessExportHistory(HistoryService history, TaskService tasks, ObjectMapper json) {
        this.history = history;
        this.tasks = tasks;
        this.json = json;
    }

    /** The debtor's process instances, oldest first, with everything the history keeps of each. */
    List<ProcessInstance> of(Collection<String> dossierNumbers, Collection<String> invoiceNumbers,
            Collection<String> otherKeys) {
        Map<String, HistoricProcessInstance> instances = new LinkedHashMap<>();
        Set<String> businessKeys = new LinkedHashSet<>(dossierNumbers);
        businessKeys.addAll(invoiceNumbers);
        businessKeys.addAll(otherKeys);
        if (!businessKeys.isEmpty()) {
            history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new))
                    .unlimitedList().forEach(instance -> instances.put(instance.getId(), instance));
        }
        for (String invoice : invoiceNumbers) {
            history.createHistoricProcessInstanceQuery().processDefinitionKey(SIGNALEMENT)
                    .variableValueEquals(INVOICE_NUMBER, invoice).unlimitedList()
                    .forEach(instance -> instances.put(instance.getId(), instance));
        }
        for (String dossier : dossierNumbers) {
            history.createHistoricProcessInstanceQuery().processDefinitionKey(SIGNALEMENT)
                    .variableValueEquals(DOSSIER_NUMBER, dossier).unlimitedList()
                    .forEach(instance -> instances.put(instance.getId(), instance));
        }
        return instances.values().stream()
                .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
                .map(this::describe)
                .toList();
    }

    /** One process instance of the debtor and its history. */
    record ProcessInstance(String id, String processDefinitionKey, String processDefinitionName,
            Integer processDefinitionVersion, String businessKey, String state, Instant startTime, Instant endTime,
            Instant removalTime, String startUserId, String superProcessInstanceId, List<Variable> variables,
            List<Detail> variableHistory, List<Task> tasks, List<Comment> comments, List<Attachment> attachments,
            List<UserOperation> userOperations, List<Incident> incidents) {
    }

    /** A variable's last value. */
    record Variable(String name, String type, Object value, String activityInstanceId, String taskId,
            Instant createTime) {
    }

    /** A value a variable took ({@code variableUpdate}) or a form field submitted ({@code formField}), in time order. */
    record Detail(String kind, String name, String type, Object value, Integer revision, String taskId, Instant time,
            String userOperationId) {
    }

    record Task(String id, String taskDefinitionKey, String name, String description, String assignee, String owner,
            int priority, Instant startTime, Instant endTime, Instant dueDate, Instant followUpDate,
            String deleteReason, String state) {
    }

    record Comment(String id, String taskId, String userId, Instant time, String message) {
    }

    /** A file or link attached in Tasklist; a task's file is served by the engine's REST API ({@code href}). */
    record Attachment(String id, String taskId, String name, String description, String type, String url,
            Instant createTime, String href) {
    }

    record UserOperation(String id, Instant timestamp, String userId, String operationType, String entityType,
            String property, String orgValue, String newValue, String taskId, String annotation) {
    }

    record Incident(String id, String incidentType, String activityId, String message, Instant createTime,
            Instant endTime, boolean open) {
    }

    private ProcessInstance describe(HistoricProcessInstance instance) {
        String id = instance.getId();
        List<Variable> variables = history.createHistoricVariableInstanceQuery().processInstanceId(id)
                .disableCustomObjectDeserialization().orderByVariableName().asc().unlimitedList().stream()
                .map(variable -> new Variable(variable.getName(), variable.getTypeName(),
                        value(variable.getTypedValue(), variable.getErrorMessage()), variable.getActivityInstanceId(),
                        variable.getTaskId(), instant(variable.getCreateTime())))
                .toList();
        List<Detail> details = new ArrayList<>();
        for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(id)
                .disableCustomObjectDeserialization().orderByTime().asc().unlimitedList()) {
            if (detail instanceof HistoricVariableUpdate update) {
                details.add(new Detail("variableUpdate", update.getVariableName(), update.getTypeName(),
                        value(update.getTypedValue(), update.getErrorMessage()), update.getRevision(),
                        update.getTaskId(), instant(update.getTime()), update.getUserOperationId()));
            } else if (detail instanceof HistoricFormField field) {
                details.add(new Detail("formField", field.getFieldId(), null, plain(field.getFieldValue()), null,
                        field.getTaskId(), instant(field.getTime()), field.getUserOperationId()));
            }
        }
        List<Task> taskList = history.createHistoricTaskInstanceQuery().processInstanceId(id)
                .orderByHistoricActivityInstanceStartTime().asc().unlimitedList().stream()
                .map(task -> new Task(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getDescription(),
                        task.getAssignee(), task.getOwner(), task.getPriority(), instant(task.getStartTime()),
                        instant(task.getEndTime()), instant(task.getDueDate()), instant(task.getFollowUpDate()),
                        task.getDeleteReason(), task.getTaskState()))
                .toList();
        List<Comment> comments = tasks.getProcessInstanceComments(id).stream()
                .map(comment -> new Comment(comment.getId(), comment.getTaskId(), comment.getUserId(),
                        instant(comment.getTime()), comment.getFullMessage()))
                .toList();
        List<Attachment> attachments = tasks.getProcessInstanceAttachments(id).stream()
                .map(attachment -> new Attachment(attachment.getId(), attachment.getTaskId(), attachment.getName(),
                        attachment.getDescription(), attachment.getType(), attachment.getUrl(),
                        instant(attachment.getCreateTime()), attachment.getTaskId() == null || attachment.getUrl() != null
                                ? null
                                : "/engine-rest/task/" + attachment.getTaskId() + "/attachment/" + attachment.getId()
                                        + "/data"))
                .toList();
        List<UserOperation> operations = history.createUserOperationLogQuery().processInstanceId(id)
                .orderByTimestamp().asc().unlimitedList().stream()
                .map(entry -> new UserOperation(entry.getId(), instant(entry.getTimestamp()), entry.getUserId(),
                        entry.getOperationType(), entry.getEntityType(), entry.getProperty(), entry.getOrgValue(),
                        entry.getNewValue(), entry.getTaskId(), entry.getAnnotation()))
                .toList();
        List<Incident> incidents = history.createHistoricIncidentQuery().processInstanceId(id)
                .orderByCreateTime().asc().unlimitedList().stream()
                .map(incident -> new Incident(incident.getId(), incident.getIncidentType(), incident.getActivityId(),
                        incident.getIncidentMessage(), instant(incident.getCreateTime()),
                        instant(incident.getEndTime()), incident.isOpen()))
                .toList();
        return new ProcessInstance(id, instance.getProcessDefinitionKey(), instance.getProcessDefinitionName(),
                instance.getProcessDefinitionVersion(), instance.getBusinessKey(), instance.getState(),
                instant(instance.getStartTime()), instant(instance.getEndTime()), instant(instance.getRemovalTime()),
                instance.getStartUserId(), instance.getSuperProcessInstanceId(), variables, List.copyOf(details),
                taskList, comments, attachments, operations, incidents);
    }

    /**
     * A value as JSON can carry it: JSON variables (the block «Le dossier», a plan's instalments) as JSON, other
     * serialized objects as their serialized text, files and bytes by their size, never rebuilt into Java objects.
     */
    private Object value(TypedValue typed, String errorMessage) {
        if (errorMessage != null) {
            return Map.of("error", errorMessage);
        }
        if (typed == null) {
            return null;
        }
        if (typed instanceof FileValue file) {
            return Map.of("fileName", String.valueOf(file.getFilename()), "mimeType",
                    String.valueOf(file.getMimeType()));
        }
        if (typed instanceof SerializableValue serializable) {
            String text = serializable.getValueSerialized();
            if (text == null && serializable.isDeserialized() && serializable.getValue() != null) {
                text = serializable.getValue().toString();
            }
            String format = serializable.getSerializationDataFormat();
            return format != null && format.contains("json") ? AccessExportLedger.parsed(json, text) : text;
        }
        return plain(typed.getValue());
    }

    private Object plain(Object value) {
        if (value instanceof byte[] bytes) {
            return Map.of("sizeBytes", bytes.length);
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return value;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
