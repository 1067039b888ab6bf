package fr.recouvrement.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.FastTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legal team's own wording, from a folder, without a rebuild; and data that is never markup. */
@FastTest
class LetterTemplatesTest {

    @TempDir
    Path overrides;

    @Test
    void aTemplateInTheOverrideFolderReplacesThePackagedOneOfTheSameName() throws Exception {
        Files.createDirectories(overrides.resolve("mail"));
        Files.writeString(overrides.resolve("mail/relance-1.ftlh"),
                "<#assign subject = \"Notre relance – \" + name>Bonjour ${name}");
        LetterTemplates templates = new LetterTemplates(new LetterProperties(overrides.toString()));

        LetterTemplates.Rendered overridden = templates.render("mail/relance-1.ftlh", Map.of("name", "Dupont & Fils"));

        assertThat(overridden.html()).isEqualTo("Bonjour Dupont &amp; Fils");
        assertThat(overridden.subject()).isEqualTo("Notre relance – Dupont & Fils");
        // What the folder does not hold still comes from the application.
        assertThat(new LetterTemplates(new LetterProperties(overrides.toString()))
                .render("letters/_layout.ftlh", Map.of()).html()).isBlank();
    }

    @Test
    void aMissingOverrideFolderStopsTheStartWithItsPath() {
        assertThatThrownBy(() -> new LetterTemplates(new LetterProperties(overrides.resolve("absent").toString())))
                .hasMessageContaining("recouvrement.letters.template-directory").hasMessageContaining("absent");
    }

    @Test
    void aTemplateThatUsesAValueTheModelLacksFailsLoudly() {
        LetterTemplates templates = new LetterTemplates(new LetterProperties(""));

        assertThatThrownBy(() -> templates.render("mail/relance-1.ftlh", Map.of()))
                .hasMessageContaining("mail/relance-1.ftlh");
    }

    @Test
    void aTemplateThatInstantiatesAJavaClassWithNewFailsToRender() throws Exception {
        Files.createDirectories(overrides.resolve("mail"));
        // The most harmless class ?new could build, which FreeMarker's default resolver lets through.
        Files.writeString(overrides.resolve("mail/relance-1.ftlh"),
                "${\"freemarker.template.SimpleScalar\"?new(\"construit\")}");
        LetterTemplates templates = new LetterTemplates(new LetterProperties(overrides.toString()));

        assertThatThrownBy(() -> templates.render("mail/relance-1.ftlh", Map.of()))
                .hasMessageContaining("freemarker.template.SimpleScalar");
    }
}
