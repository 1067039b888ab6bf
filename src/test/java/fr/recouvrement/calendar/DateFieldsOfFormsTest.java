package fr.recouvrement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.FastTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The date fields of {@code forms/}: text fields the agent fills in jj/mm/aaaa, told so in French, since the form-js
 * date picker of Tasklist 7.24 follows the browser's language. No pattern: form-js would refuse in English with the
 * regular expression; the task listeners refuse in French.
 */
@FastTest
class DateFieldsOfFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "accuse-reception,   receivedOn",
        "poster-courrier,    postedOn",
        "poster-lrar,        postedOn",
        "signaler-evenement, promiseDate",
        "etablir-echeancier, instalmentDate1",
        "etablir-echeancier, instalmentDate2",
        "etablir-echeancier, instalmentDate3",
        "etablir-echeancier, instalmentDate4",
        "etablir-echeancier, instalmentDate5",
        "etablir-echeancier, instalmentDate6",
        "etablir-echeancier, planSignedOn",
        "revendiquer-biens,  reclaimSentOn"
    })
    void aDateIsTypedJjMmAaaaInATextField(String form, String key) throws IOException {
        JsonNode field = components(form).stream().filter(c -> key.equals(c.path("key").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("forms/" + form + ".form has no field " + key));

        assertThat(field.path("type").asText()).isEqualTo("textfield");
        assertThat(field.path("description").asText()).isEqualTo("jj/mm/aaaa, par exemple 05/01/2027");
        assertThat(field.path("validate").path("required").asBoolean()).isTrue();
        assertThat(field.path("validate").has("pattern")).isFalse();
    }

    private static List<JsonNode> components(String form) throws IOException {
        JsonNode schema = JSON.readTree(Path.of("forms", form + ".form").toFile());
        // What the Tasklist of 7.24 (form-js 1.8) reads.
        assertThat(schema.path("schemaVersion").asInt()).isEqualTo(16);
        return StreamSupport.stream(schema.path("components").spliterator(), false).toList();
    }
}
