package fr.recouvrement.api;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task completion refused for a reason the agent can fix, in French. Thrown from a task listener, the engine wraps
 * it ("ENGINE-03051 … Message: '…'") with its {@link #toString()}: that reads as the message alone, not as a Java
 * class name, in what Tasklist shows. The completion and all it recorded are rolled back.
 */
public class TasklistRefusal extends ProcessEngineException {

    public TasklistRefusal(String frenchMessage) {
        super(frenchMessage);
    }

    public TasklistRefusal(String frenchMessage, Throwable cause) {
        super(frenchMessage, cause);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
