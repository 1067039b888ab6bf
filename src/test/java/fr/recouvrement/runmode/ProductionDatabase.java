package fr.recouvrement.runmode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A PostgreSQL of the test's own, named by spring.datasource.url: what makes a start production. */
abstract class ProductionDatabase {

    private static EmbeddedPostgres database;

    @BeforeAll
    static void startDatabase() throws IOException {
        database = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target", "postgres", "production-" + UUID.randomUUID()))
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                .start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        database.close();
    }

    static Map<String, String> production(String... keyValues) {
        Map<String, String> arguments = new HashMap<>();
        arguments.put("spring.datasource.url", database.getJdbcUrl("postgres", "postgres"));
        arguments.put("spring.datasource.username", "postgres");
        // Production names its own creditor; the default run's demonstration company is not there.
        arguments.put("recouvrement.creditor.name", "Fournitures Test");
        arguments.put("recouvrement.creditor.siren", "800000002");
        arguments.put("recouvrement.creditor.address-line1", "1 rue du Test");
        arguments.put("recouvrement.creditor.postal-code", "75001");
        arguments.put("recouvrement.creditor.city", "Paris");
        arguments.put("recouvrement.creditor.email", "recouvrement@fournitures-test.fr");
        arguments.put("recouvrement.creditor.iban", "FR76 3000 4005 5000 0101 2345 690");
        arguments.put("recouvrement.creditor.signatory-name", "Jean Test");
        for (int i = 0; i < keyValues.length; i += 2) {
            arguments.put(keyValues[i], keyValues[i + 1]);
        }
        return arguments;
    }
}
