package fr.recouvrement.debtor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.FastTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which segments a scenario table names, for each form an input entry may take (docs/architecture.md §3). */
@FastTest
class SegmentColumnTest {

    @Test
    void theShippedScenarioNamesItsFourSegments() {
        DmnModelInstance shipped = Dmn.readModelFromFile(Path.of("bpmn/scenario-recouvrement.dmn").toFile());

        SegmentColumn.Reading reading = SegmentColumn.read(shipped, SegmentCatalogue.DECISION_KEY);

        assertThat(reading.segments().values()).containsExactly("FIDELE", "GRAND_COMPTE", "MAUVAIS_PAYEUR", "PME");
        assertThat(reading.segments().listed()).isEqualTo("FIDELE, GRAND_COMPTE, MAUVAIS_PAYEUR, PME");
        // The consumer rules leave the segment blank: any segment, naming none, and nothing to warn about.
        assertThat(reading.ignored()).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] names {1}, ignores {2}")
    @CsvSource(delimiter = '|', nullValues = "~", value = {
        "\"PME\"                              | PME                  | ~",
        "  \"PME\" , \"FIDELE\"               | PME;FIDELE           | ~",
        "not(\"MAUVAIS_PAYEUR\")              | MAUVAIS_PAYEUR       | ~",
        "not(\"A\",\"B\")                     | A;B                  | ~",
        "-                                    | ~                    | ~",
        "''                                   | ~                    | ~",
        "\"DIT \\\"VIP\\\"\"                  | DIT \"VIP\"          | ~",
        "\"A,B\"                              | A,B                  | ~",
        "starts with(?, \"ADM\")              | ~                    | starts with(?, \"ADM\")",
        "\"PME\", matches(?, \"^X.*\")        | PME                  | matches(?, \"^X.*\")",
        "< \"M\"                              | ~                    | < \"M\"",
        "null                                 | ~                    | null",
        "\"\"                                 | ~                    | \"\"",
        "segmentParDefaut                     | ~                    | segmentParDefaut",
    })
    void readsTheLiteralsOfAnEntry(String entry, String named, String ignored) {
        SegmentLiterals.Entry read = SegmentLiterals.of(entry);

        assertThat(read.literals()).containsExactlyElementsOf(named == null ? List.of() : List.of(named.split(";")));
        assertThat(read.unreadable()).containsExactlyElementsOf(ignored == null ? List.of() : List.of(ignored));
    }

    @Test
    void theSegmentColumnIsFoundByItsExpressionWhereverItStands() {
        DmnModelInstance table = table("debtorType", "segment", List.of(
                List.of("\"B2B\"", "\"PME\",\"ADMINISTRATION\""),
                List.of("\"B2C\"", "not(\"ASSOCIATION\")"),
                List.of("\"B2B\"", "")));

        SegmentColumn.Reading reading = SegmentColumn.read(table, "scenario");

        assertThat(reading.segments().values()).containsExactly("ADMINISTRATION", "ASSOCIATION", "PME");
    }

    @Test
    void whatCannotBeListedOrStoredIsReportedAndNamesNoSegment() {
        String tooLong = "X".repeat(SegmentColumn.MAX_LENGTH + 1);
        DmnModelInstance table = table("segment", "debtorType", List.of(
                List.of("\"PME\"", "\"B2B\""),
                List.of("starts with(?, \"ADM\")", "\"B2B\""),
                List.of("\"" + tooLong + "\"", "\"B2B\""),
                List.of("\"" + "Y".repeat(SegmentColumn.MAX_LENGTH) + "\"", "\"B2B\"")));
        table.getModelElementsByType(org.camunda.bpm.model.dmn.instance.InputEntry.class).stream()
                .filter(entry -> entry.getText().getTextContent().equals("\"PME\"")).findFirst().orElseThrow()
                .setExpressionLanguage("juel");

        SegmentColumn.Reading reading = SegmentColumn.read(table, "scenario");

        assertThat(reading.segments().values()).containsExactly("Y".repeat(SegmentColumn.MAX_LENGTH));
        assertThat(reading.ignored()).containsExactly("r0: \"PME\" (juel)", "r1: starts with(?, \"ADM\")",
                "r2: \"" + tooLong + "\" (plus de 50 caractères)");
    }

    @Test
    void aTableWithoutASegmentColumnIsADeploymentToFix() {
        DmnModelInstance table = table("debtorType", "amountDue", List.of(List.of("\"B2B\"", "> 10")));

        assertThatThrownBy(() -> SegmentColumn.read(table, "scenario"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("colonne d'entrée « segment »");
        assertThatThrownBy(() -> SegmentColumn.read(table, "another-decision"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another-decision");
    }

    @Test
    void aSegmentIsFoundInAnyCaseAndGivenInTheDmnSpelling() {
        KnownSegments known = KnownSegments.of(List.of("PME", "Administration", "pme"));

        assertThat(known.find("PME")).contains("PME");
        assertThat(known.find("pme")).contains("pme");
        assertThat(known.find("Pme")).contains("PME");
        assertThat(known.find("ADMINISTRATION")).contains("Administration");
        assertThat(known.find("VIP")).isEmpty();
    }

    /** A decision {@code scenario} with two string inputs and one output; {@code rules} gives each rule's two entries. */
    private static DmnModelInstance table(String firstInput, String secondInput, List<List<String>> rules) {
        String ruleXml = IntStream.range(0, rules.size()).mapToObj(i -> """
                <rule id="r%d">
                  <inputEntry id="r%d-0"><text>%s</text></inputEntry>
                  <inputEntry id="r%d-1"><text>%s</text></inputEntry>
                  <outputEntry id="r%d-o"><text>1</text></outputEntry>
                </rule>""".formatted(i, i, xml(rules.get(i).get(0)), i, xml(rules.get(i).get(1)), i))
                .collect(Collectors.joining("\n"));
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test">
                  <decision id="scenario" name="scenario">
                    <decisionTable id="t" hitPolicy="FIRST">
                      <input id="i0"><inputExpression id="e0" typeRef="string"><text>%s</text></inputExpression></input>
                      <input id="i1"><inputExpression id="e1" typeRef="string"><text>%s</text></inputExpression></input>
                      <output id="o" name="days" typeRef="integer"/>
                      %s
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(firstInput, secondInput, ruleXml);
        return Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
