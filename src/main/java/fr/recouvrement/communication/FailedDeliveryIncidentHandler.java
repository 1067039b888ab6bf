package fr.recouvrement.communication;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * When "Remettre le message" has used up its retries, Camunda raises its incident as usual (Cockpit shows it) and the
 * communication becomes {@code FAILED}, in the same transaction, so the ledger says what Cockpit says. An operator who
 * retries the job from Cockpit sends it again: a failed row is still to be sent.
 */
@Component
public class FailedDeliveryIncidentHandler extends AbstractProcessEnginePlugin {

    private final CommunicationRepository communications;

    public FailedDeliveryIncidentHandler(CommunicationRepository communications) {
        this.communications = communications;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomIncidentHandlers(List.of(
                new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE) {
                    @Override
                    public Incident handleIncident(IncidentContext context, String message) {
                        Incident incident = super.handleIncident(context, message);
                        markFailed(context);
                        return incident;
                    }
                }));
    }

    private void markFailed(IncidentContext context) {
        if (!"RemettreMessage".equals(context.getActivityId()) || context.getExecutionId() == null) {
            return;
        }
        ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
                .findExecutionById(context.getExecutionId());
        Object id = execution == null ? null : execution.getVariable(DeliveryVariables.COMMUNICATION_ID);
        if (id instanceof Number communicationId) {
            communications.changeStatus(communicationId.longValue(), CommunicationStatus.PENDING,
                    CommunicationStatus.FAILED);
        }
    }
}
