package fr.recouvrement.runmode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says, once the default run is up, that it is a demonstration whose passwords everyone knows, and where it listens. */
@Component
@ConditionalOnProperty(name = RunMode.DEFAULT_RUN, havingValue = "true")
class DemoBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String address = environment.getProperty("server.address");
        log.warn("""

                ************************************************************************************************
                  DEMONSTRATION: no spring.datasource.url, so an embedded database and accounts whose passwords
                  everyone knows (demo/demo is an administrator). Listening on {}:{}{}.
                  Not for real debtors: production is described in docs/operations.md.
                ************************************************************************************************""",
                address, environment.getProperty("local.server.port"),
                RunMode.LOOPBACK.equals(address) ? " only (set server.address to open it wider)" : "");
    }
}
