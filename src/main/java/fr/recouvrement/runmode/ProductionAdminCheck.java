package fr.recouvrement.runmode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Production refuses to run with nobody able to administer it. The starter creates the first admin from
 * {@code CAMUNDA_BPM_ADMIN_USER_ID}/{@code _PASSWORD} while the engine is built; this check runs right after.
 */
@Component
@ConditionalOnProperty(name = RunMode.DEFAULT_RUN, havingValue = "false")
class ProductionAdminCheck implements SmartInitializingSingleton {

    private final IdentityService identityService;

    ProductionAdminCheck(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            throw new ProductionSettingMissingException("No administrator exists in this database: set "
                    + "CAMUNDA_BPM_ADMIN_USER_ID and CAMUNDA_BPM_ADMIN_USER_PASSWORD for the first start.");
        }
    }
}
