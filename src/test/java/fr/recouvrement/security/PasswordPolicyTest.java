package fr.recouvrement.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.RecouvrementSpringTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Users created from now on are held to Camunda's password policy; the demo accounts keep their known passwords. */
@RecouvrementSpringTest
class PasswordPolicyTest {

    @Autowired
    IdentityService identity;

    @AfterEach
    void deleteUser() {
        identity.deleteUser("nouvelleagente");
    }

    @Test
    void aNewUserWithAWeakPasswordIsRefusedAndOneThatPassesThePolicyIsCreated() {
        assertThatThrownBy(() -> identity.saveUser(user("agent123")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Password does not match policy");

        // The README's example password.
        identity.saveUser(user("Changez-moi-2026!"));
        assertThat(identity.checkPassword("nouvelleagente", "Changez-moi-2026!")).isTrue();
    }

    @Test
    void theDemoAccountsAndTheDemoAdministratorKeepTheirKnownPasswords() {
        assertThat(identity.checkPassword("demo", "demo")).isTrue();
        assertThat(identity.checkPassword("agent", "agent")).isTrue();
    }

    private User user(String password) {
        User user = identity.newUser("nouvelleagente");
        user.setFirstName("Nadia");
        user.setLastName("Nouvelle");
        user.setPassword(password);
        return user;
    }
}
