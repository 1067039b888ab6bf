package fr.recouvrement.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Camunda's password policy (10 characters or more, with a capital, a small letter, a digit and a sign, none of the
 * user's own data) for every user created or whose password changes from then on: in Admin, through the REST API,
 * in the welcome page's profile. It is switched on once the engine is built: the starter creates the first
 * administrator earlier, from CAMUNDA_BPM_ADMIN_USER_PASSWORD, as given; the demo accounts bypass it explicitly.
 */
@Component
// After the starter's plugins (order 0), which create the first administrator.
@Order(Ordered.LOWEST_PRECEDENCE - 2)
public class PasswordPolicyActivation extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnablePasswordPolicy(false);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (configuration.getPasswordPolicy() == null) {
            configuration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
        }
        configuration.setEnablePasswordPolicy(true);
    }
}
