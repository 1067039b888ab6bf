package fr.recouvrement.security;

import fr.recouvrement.runmode.RunMode;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The default run's demo accounts (docs/architecture.md §4), printed in the log. Never created in production. */
@Component
// After the starter's plugins (the demo admin) and after AccessBootstrap (the groups).
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = RunMode.DEFAULT_RUN, havingValue = "true")
public class DemoUsers extends AbstractProcessEnginePlugin {

    static final String DEMO_ADMIN = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("agent", "Amélie", "Agent", List.of(CollectionGroups.AGENTS)),
            new DemoUser("manager", "Marc", "Manager", List.of(CollectionGroups.MANAGERS)),
            new DemoUser("analyste", "Anne", "Analyste", List.of(CollectionGroups.ANALYSTS)),
            new DemoUser("juriste", "Julien", "Juriste", List.of(CollectionGroups.LEGAL)));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@recouvrement.local");
                user.setPassword(demo.id());
                // Known passwords on purpose: the demonstration bypasses the policy new users are held to (the
                // engine's own service offers the bypass; its interface does not).
                ((IdentityServiceImpl) identity).saveUser(user, true);
                demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
            }
        }
        // The demo admin (created by the starter, earlier) also works every group's tasks, to walk a dossier alone.
        for (String group : CollectionGroups.READERS) {
            if (identity.createUserQuery().userId(DEMO_ADMIN).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 1
                    && identity.createUserQuery().userId(DEMO_ADMIN).memberOfGroup(group).count() == 0) {
                identity.createMembership(DEMO_ADMIN, group);
            }
        }
        log.info("Demo users (user/password): demo/demo (administrator), agent/agent, manager/manager, "
                + "analyste/analyste, juriste/juriste");
    }
}
