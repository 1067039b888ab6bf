package fr.recouvrement.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.RepositoryService;

/**
 * New versions of the shipped diagram and decision, made from the files of {@code bpmn/} with a change, as an analyst
 * would deploy them from Camunda Modeler. {@link #deleteAll()} removes them (cascade) so that the other tests of the
 * shared context see the shipped versions as the latest again.
 */
final class ScenarioMigrationDeployments {

    private final RepositoryService repository;
    private final List<String> deployments = new ArrayList<>();

    ScenarioMigrationDeployments(RepositoryService repository) {
        this.repository = repository;
    }

    /** A new latest version of recouvrement-amiable; returns its process definition id. */
    String diagram(UnaryOperator<String> change) {
        String deployment = deploy("bpmn/recouvrement-amiable.bpmn", change);
        return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
    }

    /** A harmless change: only the process's name differs. */
    String renamedDiagram() {
        return diagram(xml -> replaceEvery(xml, "name=\"Recouvrement amiable d'un dossier\"",
                "name=\"Recouvrement amiable d'un dossier (nouvelle version)\""));
    }

    /** A new latest version of scenario-recouvrement. */
    void decision(UnaryOperator<String> change) {
        deploy("bpmn/scenario-recouvrement.dmn", change);
    }

    void deleteAll() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        deployments.clear();
    }

    /** Replaces every occurrence; fails the test when there is none, so that a change never silently does nothing. */
    static String replaceEvery(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new AssertionError("Not in the shipped file: " + from);
        }
        return text.replace(from, to);
    }

    private String deploy(String file, UnaryOperator<String> change) {
        try {
            String changed = change.apply(Files.readString(Path.of(file)));
            String id = repository.createDeployment().name("test-scenario-migration").addString(file, changed)
                    .deploy().getId();
            deployments.add(id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
