package fr.recouvrement.scenario;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

/**
 * For tests of diagram versions deployed before the deployment guard existed, which the database of a running
 * installation still holds and its dossiers still run: deploys as the engine did then, without the guard, and puts
 * it back at once.
 */
public final class BeforeTheGuard {

    private BeforeTheGuard() {
    }

    public static <T> T deploy(ProcessEngine engine, Supplier<T> deployment) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<Deployer> deployers = configuration.getDeployers();
        configuration.getDeploymentCache().setDeployers(
                deployers.stream().filter(deployer -> !(deployer instanceof DeploymentGuard)).toList());
        try {
            return deployment.get();
        } finally {
            configuration.getDeploymentCache().setDeployers(deployers);
        }
    }

    /**
     * Drops every parsed definition from the engine's cache, as a restart does: the next use parses each deployed
     * version again from the database, through the deployers, the guard among them.
     */
    public static void forgetParsedDefinitions(ProcessEngine engine) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache()
                .discardProcessDefinitionCache();
    }
}
