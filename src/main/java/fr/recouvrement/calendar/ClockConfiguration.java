package fr.recouvrement.calendar;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The only source of "today" (docs/architecture.md §1): the ledger, the law and late entry read it, in Europe/Paris.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    ApplicationClock clock() {
        return new ApplicationClock(Clock.system(ZoneId.of("Europe/Paris")));
    }
}
