package fr.recouvrement.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.FastTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every task form shows the dossier with the same block, so that an agent reads any task the same way, and an
 * analyst who changes the block in one form is told to change it everywhere.
 */
@FastTest
class DossierBlockTest {

    private static final Pattern FORM_REF = Pattern.compile("<userTask[^>]*camunda:formRef=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTaskFormHasTheSameDossierBlockRightAfterItsTitle() throws IOException {
        JsonNode reference = block("appel-conciliation");
        Set<String> taskForms = taskForms();

        assertThat(taskForms).hasSizeGreaterThan(10).contains("poster-courrier", "verifier-envoi");
        for (String form : taskForms) {
            assertThat(block(form)).as(form).isEqualTo(reference);
        }
        assertThat(reference.toString()).contains("=dossierAtHand.invoices", "{{#loop dossierAtHand.timeline}}",
                "{{dossierAtHand.next}}", "{{dossierAtHand.owed.total}}");
    }

    private static JsonNode block(String form) throws IOException {
        return JSON.readTree(Path.of("forms", form + ".form").toFile()).path("components").path(1);
    }

    private static Set<String> taskForms() throws IOException {
        Set<String> forms = new TreeSet<>();
        try (Stream<Path> diagrams = Files.list(Path.of("bpmn"))) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                FORM_REF.matcher(Files.readString(diagram)).results().map(m -> m.group(1)).forEach(forms::add);
            }
        }
        return forms;
    }
}
