package fr.recouvrement.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.FastTest;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The parsed-once engine answers as Camunda's own FEEL engine does, whatever it parsed before. */
@FastTest
class ParsedOnceFeelEngineTest {

    final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of());
    final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());

    @Test
    void aParsedUnaryTestStillTestsEachNewValue() {
        for (Object value : new Object[] {6000, 100, 5000}) {
            assertThat(parsedOnce.evaluateSimpleUnaryTests("> 5000", "cellInput", cell(value)))
                    .isEqualTo(camunda.evaluateSimpleUnaryTests("> 5000", "cellInput", cell(value)));
        }
        assertThat(parsedOnce.evaluateSimpleUnaryTests("> 5000", "cellInput", cell(6000))).isTrue();
        assertThat(parsedOnce.evaluateSimpleUnaryTests("> 5000", "cellInput", cell(100))).isFalse();
        assertThat(parsedOnce.evaluateSimpleUnaryTests("\"PME\",\"FIDELE\"", "cellInput", cell("FIDELE"))).isTrue();
        assertThat(parsedOnce.evaluateSimpleUnaryTests("\"PME\",\"FIDELE\"", "cellInput", cell("GRAND_COMPTE")))
                .isFalse();
        assertThat(parsedOnce.evaluateSimpleUnaryTests("-", "cellInput", cell("B2C"))).isTrue();
    }

    @Test
    void aParsedExpressionReadsTheVariablesOfEachEvaluation() {
        for (int amount : new int[] {21, 4000}) {
            VariableContext variables = Variables.createVariables().putValue("amountDue", amount).asVariableContext();
            Object ours = parsedOnce.evaluateSimpleExpression("amountDue * 2", variables);
            Object theirs = camunda.evaluateSimpleExpression("amountDue * 2", variables);
            assertThat(ours).isEqualTo(theirs);
        }
        Object segment = parsedOnce.evaluateSimpleExpression("segment",
                Variables.createVariables().putValue("segment", "PME").asVariableContext());
        assertThat(segment).isEqualTo("PME");
    }

    /** The shortcuts (a variable's name, one string literal) answer, or fail, as FEEL does for any value. */
    @Test
    void aNameOrAStringLiteralAnswersAsCamundasEngine() {
        for (Object value : new Object[] {"PME", "pme", "PME ", "", "Créance é €", true, false, 5000, 12.5, null}) {
            VariableContext variables = Variables.createVariables().putValue("segment", value).asVariableContext();
            assertThat(answer(() -> parsedOnce.evaluateSimpleExpression("segment", variables)))
                    .as("segment = %s", value)
                    .isEqualTo(answer(() -> camunda.evaluateSimpleExpression("segment", variables)));
            for (String test : new String[] {"\"PME\"", "\"\"", "\"Créance é €\""}) {
                assertThat(answer(() -> parsedOnce.evaluateSimpleUnaryTests(test, "cellInput", cell(value))))
                        .as("%s against %s", test, value)
                        .isEqualTo(answer(() -> camunda.evaluateSimpleUnaryTests(test, "cellInput", cell(value))));
            }
        }
        VariableContext none = Variables.createVariables().asVariableContext();
        assertThat(answer(() -> parsedOnce.evaluateSimpleExpression("segment", none)))
                .isEqualTo(answer(() -> camunda.evaluateSimpleExpression("segment", none)));
    }

    /** The value, or the kind of failure. */
    private static Object answer(java.util.function.Supplier<Object> evaluation) {
        try {
            return evaluation.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Test
    void aLiteralOutputEntryKeepsTheValueCamundaGivesIt() {
        VariableContext none = Variables.createVariables().asVariableContext();
        for (String literal : new String[] {"7", "2.5", "\"EMAIL\"", "true", "null"}) {
            Object expected = camunda.evaluateSimpleExpression(literal, none);
            for (int evaluation = 0; evaluation < 2; evaluation++) {
                Object value = parsedOnce.evaluateSimpleExpression(literal, none);
                assertThat(value).as(literal).isEqualTo(expected);
            }
        }
    }

    @Test
    void anExpressionThatDoesNotParseFailsEachTimeAsCamundasDoes() {
        String broken = "> > 5000";
        assertThatThrownBy(() -> camunda.evaluateSimpleUnaryTests(broken, "cellInput", cell(1)))
                .isInstanceOf(FeelException.class);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests(broken, "cellInput", cell(1)))
                    .isInstanceOf(FeelException.class).hasMessageContaining("FEEL/SCALA-01008");
        }
    }

    private static VariableContext cell(Object value) {
        return Variables.createVariables().putValue("cellInput", value).asVariableContext();
    }
}
