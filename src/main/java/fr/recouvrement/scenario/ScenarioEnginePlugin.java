package fr.recouvrement.scenario;

import fr.recouvrement.registry.ConnectProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What a diagram may reach (docs/architecture.md §2, «What a diagram may contain»): the {@link DeploymentGuard} checks
 * each new deployment, and the engine's expressions resolve the scenario beans only, not every Spring bean.
 */
@Component
public class ScenarioEnginePlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final ConnectProperties connect;

    public ScenarioEnginePlugin(ApplicationContext context, ConnectProperties connect) {
        this.context = context;
        this.connect = connect;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ScenarioSteps steps = ScenarioSteps.scan(context);
        Map<Object, Object> beans = new ScenarioBeans(steps.beanNames(), context);
        configuration.setBeans(beans);
        // The starter made its SpringExpressionManager before the plugins run, with no beans map: every Spring bean.
        // The engine keeps one set here (and adds its functions to it after preInit).
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));

        List<Deployer> preDeployers = new ArrayList<>(Objects.requireNonNullElse(
                configuration.getCustomPreDeployers(), List.of()));
        preDeployers.add(new DeploymentGuard(new ExpressionCheck(steps),
                new ConnectorUrls(Arrays.asList(connect.registryUrl(), connect.bodaccUrl())),
                () -> DmnResourceCheck.defaultsOf(
                        (DefaultDmnEngineConfiguration) configuration.getDmnEngine().getConfiguration())));
        configuration.setCustomPreDeployers(preDeployers);
    }
}
