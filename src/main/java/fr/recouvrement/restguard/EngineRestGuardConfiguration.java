package fr.recouvrement.restguard;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@link EngineRestGuard} in front of both roots of the engine's REST API, after Camunda's authentication of
 * {@code /engine-rest} (EngineRestAuthenticationConfiguration), whose user it reads.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestGuardConfiguration {

    @Bean
    FilterRegistrationBean<EngineRestGuard> engineRestGuard(ProcessEngine engine, DeployedForms forms,
            ObjectMapper json) {
        FilterRegistrationBean<EngineRestGuard> registration =
                new FilterRegistrationBean<>(new EngineRestGuard(engine, forms, json));
        registration.setName("engine-rest-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
