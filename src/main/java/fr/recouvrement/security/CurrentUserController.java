package fr.recouvrement.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an integration check its credentials and see which groups it acts with. */
@RestController
@Tag(name = "Utilisateur", description = "L'utilisateur authentifié")
public class CurrentUserController {

    private final IdentityService identityService;

    public CurrentUserController(IdentityService identityService) {
        this.identityService = identityService;
    }

    public record CurrentUser(String id, String firstName, String lastName, String email, List<String> groups) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "L'utilisateur authentifié et ses groupes")
    public CurrentUser me(Authentication authentication) {
        User user = identityService.createUserQuery().userId(authentication.getName()).singleResult();
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
        return new CurrentUser(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), groups);
    }
}
