package fr.recouvrement.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.TestApplications;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** Restarts the application on one database and watches what each start deploys (docs/architecture.md §2). */
class ScenarioDeployerIT {

    private final Path work = Path.of("target", "deployer-test", UUID.randomUUID().toString()).toAbsolutePath();
    private final Path root = work.resolve("scenario");
    private final Path data = work.resolve("postgres");

    @Test
    void deploysTheWholeSetOnlyWhenAFileChanged() throws IOException {
        copyFolder(Path.of("bpmn"), root.resolve("bpmn"));
        copyFolder(Path.of("forms"), root.resolve("forms"));
        Map<String, String> arguments = Map.of("recouvrement.deployment.root", root.toString());

        List<Deployment> first = startAndListDeployments(arguments);
        assertThat(first).hasSize(1);

        List<Deployment> second = startAndListDeployments(arguments);
        assertThat(second).extracting(Deployment::getId).containsExactly(first.get(0).getId());

        Path form = root.resolve("forms/appel-conciliation.form");
        Files.writeString(form, Files.readString(form).replace("Commentaire", "Remarque"));
        List<Deployment> third = startAndListDeployments(arguments);
        assertThat(third).hasSize(2);
        try (ConfigurableApplicationContext app = TestApplications.startDefaultRun(data, arguments)) {
            RepositoryService repository = app.getBean(ProcessEngine.class).getRepositoryService();
            String newest = third.get(0).getId();
            // The unchanged diagram is redeployed beside the changed form: one set, one deployment.
            assertThat(repository.getDeploymentResourceNames(newest))
                    .containsExactlyInAnyOrderElementsOf(filesUnder(root))
                    .contains("bpmn/suivi-facture.bpmn", "forms/appel-conciliation.form");
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("suivi-facture")
                    .latestVersion().singleResult().getDeploymentId()).isEqualTo(newest);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    @Test
    void refusesToStartWhenTheFoldersCannotBeFound() throws IOException {
        Files.createDirectories(root.resolve("bpmn"));
        try {
            assertThatThrownBy(() -> TestApplications.startDefaultRun(data,
                    Map.of("recouvrement.deployment.root", root.toString())).close())
                    .rootCause().hasMessageContaining("must hold the folders bpmn/ and forms/");
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    @Test
    void readsTheCopiesPackagedInTheJarWhenTheWorkingDirectoryHasNone() {
        var loaded = ScenarioResources.load("", work, new org.springframework.core.io.support
                .PathMatchingResourcePatternResolver());

        assertThat(loaded.origin()).isEqualTo("classpath:deployment/");
        assertThat(loaded.files()).containsKeys("bpmn/suivi-facture.bpmn", "forms/appel-conciliation.form");
    }

    private List<Deployment> startAndListDeployments(Map<String, String> arguments) {
        try (ConfigurableApplicationContext app = TestApplications.startDefaultRun(data, arguments)) {
            return app.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery()
                    .deploymentName(ScenarioDeployer.DEPLOYMENT_NAME).orderByDeploymentTime().desc().list();
        }
    }

    private static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .toList();
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
