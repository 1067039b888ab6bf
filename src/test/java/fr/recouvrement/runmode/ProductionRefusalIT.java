package fr.recouvrement.runmode;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.TestApplications;
import org.junit.jupiter.api.Test;

/** Production refuses to start without the settings it cannot guess (docs/architecture.md §4). */
class ProductionRefusalIT extends ProductionDatabase {

    @Test
    void refusesToStartWithoutAnSmtpHost() {
        assertThatThrownBy(() -> TestApplications.start(production(
                "camunda.bpm.admin-user.id", "admin", "camunda.bpm.admin-user.password", "s3cret")).close())
                .isInstanceOf(ProductionSettingMissingException.class)
                .hasMessageContaining("SPRING_MAIL_HOST");
    }

    @Test
    void refusesAnAdministratorWithoutPassword() {
        assertThatThrownBy(() -> TestApplications.start(production(
                "spring.mail.host", "smtp.example.org", "camunda.bpm.admin-user.id", "admin")).close())
                .isInstanceOf(ProductionSettingMissingException.class)
                .hasMessageContaining("CAMUNDA_BPM_ADMIN_USER_PASSWORD");
    }

    @Test
    void refusesToWriteLettersWithoutItsOwnCreditor() {
        assertThatThrownBy(() -> TestApplications.start(production("spring.mail.host", "smtp.example.org",
                "camunda.bpm.admin-user.id", "admin", "camunda.bpm.admin-user.password", "s3cret",
                "recouvrement.creditor.iban", "")).close())
                .isInstanceOf(ProductionSettingMissingException.class)
                .hasMessageContaining("RECOUVREMENT_CREDITOR_IBAN");
    }

    @Test
    void refusesToStartWhileNoAdministratorExists() {
        assertThatThrownBy(() -> TestApplications.start(production("spring.mail.host", "smtp.example.org")).close())
                .isInstanceOf(ProductionSettingMissingException.class)
                .hasMessageContaining("CAMUNDA_BPM_ADMIN_USER_ID");
    }
}
