package fr.recouvrement.runmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import fr.recouvrement.TestApplications;
import fr.recouvrement.simulation.SimulationController;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Production on its configured database: the first admin from the environment, no demo users, nothing embedded. */
class ProductionStartIT extends ProductionDatabase {

    @Test
    void createsTheFirstAdministratorThenStartsWithoutItsCredentials() {
        try (ConfigurableApplicationContext app = TestApplications.start(production("spring.mail.host", "smtp.example.org",
                "camunda.bpm.admin-user.id", "admin", "camunda.bpm.admin-user.password", "s3cret"))) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.checkPassword("admin", "s3cret")).isTrue();
            assertThat(identity.createUserQuery().userIdIn("demo", "agent", "manager", "analyste", "juriste").count())
                    .isZero();
            assertThat(identity.createGroupQuery().groupId("agents-recouvrement").count()).isEqualTo(1);
            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(app.getBeanNamesForType(GreenMail.class)).isEmpty();
            // Production lives in real time: no simulated clock unless recouvrement.simulation.enabled says so.
            assertThat(app.getBeanNamesForType(SimulationController.class)).isEmpty();
            // The API's description is the demonstration's, not production's, unless enabled.
            assertThat(TestApplications.http(app).getForEntity("/v3/api-docs", String.class).getStatusCode().value())
                    .isEqualTo(404);
            // The first administrator's password is taken as given; users created afterwards follow the policy.
            User weak = identity.newUser("faible");
            weak.setPassword("faible");
            assertThatThrownBy(() -> identity.saveUser(weak)).hasMessageContaining("Password does not match policy");
        }

        try (ConfigurableApplicationContext app = TestApplications.start(production("spring.mail.host", "smtp.example.org"))) {
            assertThat(app.isRunning()).isTrue();
        }
    }
}
