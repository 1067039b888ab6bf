package fr.recouvrement.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/debtors/{id}/erasure}: a person's request for erasure, applied by an administrator (docs/api.md). */
@RestController
@Tag(name = "Données personnelles")
public class ErasureController {

    private final DebtorErasure erasure;

    public ErasureController(DebtorErasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping("/api/debtors/{id}/erasure")
    @Operation(summary = "Effacer les données personnelles d'un débiteur (RGPD art. 17), administrateurs seulement ;"
            + " 409 avec la raison légale tant que la créance vit ou que ses preuves doivent être gardées")
    public DebtorErasure.Erasure erase(@PathVariable long id, Authentication user) {
        return erasure.erase(id, user.getName());
    }
}
