package fr.recouvrement.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Checks every new deployment before the engine's own deployers parse it, whoever deploys it: Modeler and any client
 * of {@code /engine-rest}, and {@code ScenarioDeployer} at start-up. A refused deployment fails whole, in the
 * deployment's transaction: nothing of it is stored.
 *
 * <p>Only new deployments: the engine runs its deployers again whenever it parses a deployed version anew (at each
 * start, or when its cache dropped it), and a version deployed before the guard existed must keep running for the
 * dossiers that started on it. A BPMN parse listener could not tell the two apart.
 */
final class DeploymentGuard implements Deployer {

    private final ExpressionCheck expressions;
    private final ConnectorUrls urls;
    /** Read at each deployment: the DMN engine's defaults are known once the engine is built. */
    private final Supplier<Map<String, String>> dmnDefaults;

    DeploymentGuard(ExpressionCheck expressions, ConnectorUrls urls, Supplier<Map<String, String>> dmnDefaults) {
        this.expressions = expressions;
        this.urls = urls;
        this.dmnDefaults = dmnDefaults;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<ResourceReport> reports = new ArrayList<>();
        new TreeMap<>(deployment.getResources()).forEach((name, resource) -> {
            List<Refusal> refusals = check(resource);
            if (!refusals.isEmpty()) {
                reports.add(new ResourceReportImpl(name, List.copyOf(refusals), List.of()));
            }
        });
        if (!reports.isEmpty()) {
            throw new DeploymentRefusedException(reports);
        }
    }

    /** By the suffixes the engine's own deployers read: what they parse, the guard checks first. */
    private List<Refusal> check(ResourceEntity resource) {
        String name = resource.getName();
        if (endsWithAny(name, BpmnDeployer.BPMN_RESOURCE_SUFFIXES)) {
            return new BpmnResourceCheck(expressions, urls).check(resource.getBytes());
        }
        if (endsWithAny(name, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
            return new DmnResourceCheck(dmnDefaults.get()).check(resource.getBytes());
        }
        if (endsWithAny(name, CmmnDeployer.CMMN_RESOURCE_SUFFIXES)) {
            return List.of(new Refusal("is a CMMN case: Recouvrement runs none, and a case may run Java classes and "
                    + "scripts", 0, 0, null, List.of()));
        }
        return List.of();
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        return Arrays.stream(suffixes).anyMatch(name::endsWith);
    }
}
