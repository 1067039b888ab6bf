package fr.recouvrement.deployment;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code bpmn/} and {@code forms/} as one deployment when the engine is built, before the job executor
 * starts (docs/architecture.md §2). Nothing new when nothing changed; the whole set when anything changed, so a diagram
 * and the forms it was tested with always share a deployment.
 */
@Component
public class ScenarioDeployer extends AbstractProcessEnginePlugin {

    public static final String DEPLOYMENT_NAME = "recouvrement";
    private static final Logger log = LoggerFactory.getLogger(ScenarioDeployer.class);

    private final DeploymentProperties properties;
    private final ResourcePatternResolver resolver;

    public ScenarioDeployer(DeploymentProperties properties, ResourcePatternResolver resolver) {
        this.properties = properties;
        this.resolver = resolver;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ScenarioResources.Loaded loaded = ScenarioResources.load(properties.root(), Path.of(""), resolver);
        RepositoryService repository = engine.getRepositoryService();
        Deployment previous = latestOwnDeployment(repository);

        DeploymentBuilder builder = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                // false: when one file changed, redeploy them all, not only the changed one.
                .enableDuplicateFiltering(false);
        loaded.files().forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
        Deployment deployment = builder.deploy();

        if (previous != null && Objects.equals(previous.getId(), deployment.getId())) {
            log.info("bpmn/ and forms/ unchanged since deployment {} of {}: nothing deployed",
                    deployment.getId(), deployment.getDeploymentTime());
        } else {
            log.info("Deployed {} files from {} as deployment {}: {}", loaded.files().size(), loaded.origin(),
                    deployment.getId(), loaded.files().keySet());
        }
        warnAboutNewerVersions(repository, deployment.getId());
    }

    private static Deployment latestOwnDeployment(RepositoryService repository) {
        return repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
    }

    /** An analyst's Modeler deployment stays live until bpmn/ changes: say so, so it gets committed. */
    private static void warnAboutNewerVersions(RepositoryService repository, String deploymentId) {
        for (ProcessDefinition own : repository.createProcessDefinitionQuery().deploymentId(deploymentId).list()) {
            ProcessDefinition latest = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(own.getKey()).latestVersion().singleResult();
            if (latest != null && !latest.getDeploymentId().equals(deploymentId)) {
                log.warn("Process '{}' runs version {} from deployment {} ({}), not the one in {}: "
                                + "commit that diagram to bpmn/ or it will be replaced at the next change",
                        own.getKey(), latest.getVersion(), latest.getDeploymentId(),
                        deploymentNameOf(repository, latest.getDeploymentId()), own.getResourceName());
            }
        }
        for (DecisionDefinition own : repository.createDecisionDefinitionQuery().deploymentId(deploymentId).list()) {
            DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(own.getKey()).latestVersion().singleResult();
            if (latest != null && !latest.getDeploymentId().equals(deploymentId)) {
                log.warn("Decision '{}' runs version {} from deployment {} ({}), not the one in {}",
                        own.getKey(), latest.getVersion(), latest.getDeploymentId(),
                        deploymentNameOf(repository, latest.getDeploymentId()), own.getResourceName());
            }
        }
    }

    private static String deploymentNameOf(RepositoryService repository, String deploymentId) {
        Deployment deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        return deployment == null ? "?" : deployment.getName();
    }
}
