package fr.recouvrement.communication;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * When "Remettre le message" has used up its retries, Camunda raises its incident as usual (Cockpit shows it) and the
 * communication becomes {@code FAILED}, in the same transaction, so the ledger says what Cockpit says. An operator who
 * retries the job from Cockpit sends it again: a failed row is still to be sent.
 *
 * <p>Any job whose retries are used up is made due at once: Cockpit's «Retry» keeps the due date unless told
 * otherwise, and the last failure set it one retry interval ahead (4 hours for a register check), so a retried
 * incident would have waited that long (docs/reliability.md, drill 5). With no retries left, it runs only once retried.
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
                        dueNow(context);
                        markFailed(context);
                        return incident;
                    }
                }));
    }

    /** The failed job, due now: it runs as soon as someone gives it a retry. */
    private static void dueNow(IncidentContext context) {
        JobEntity job = context.getConfiguration() == null ? null
                : Context.getCommandContext().getJobManager().findJobById(context.getConfiguration());
        if (job != null) {
            job.setDuedate(ClockUtil.getCurrentTime());
        }
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
