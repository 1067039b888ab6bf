package fr.recouvrement.debtor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Reads the segments a scenario decision table names: the string literals of the input entries of the column whose
 * input expression is {@code segment} (docs/architecture.md §3). Pure: a DMN model in, segments out.
 */
final class SegmentColumn {

    static final String INPUT_EXPRESSION = "segment";
    /** The width of {@code debtor.segment} (V7): a longer literal could never be stored. */
    static final int MAX_LENGTH = 50;

    private SegmentColumn() {
    }

    /** The segments, and what the column holds that names none (for the log: the analyst may have meant one). */
    record Reading(KnownSegments segments, List<String> ignored) {
    }

    /**
     * @throws IllegalStateException when the decision is missing, is not a table, or has no segment column: the
     *     deployed scenario cannot route on a segment, which is a deployment to fix, not a request to refuse
     */
    static Reading read(DmnModelInstance model, String decisionKey) {
        ModelElementInstance element = model.getModelElementById(decisionKey);
        if (!(element instanceof Decision decision) || !(decision.getExpression() instanceof DecisionTable table)) {
            throw new IllegalStateException("La décision « " + decisionKey + " » déployée n'est pas une table de"
                    + " décision : les segments ne peuvent pas en être lus.");
        }
        int column = segmentColumn(table);
        if (column < 0) {
            throw new IllegalStateException("La table de décision « " + decisionKey + " » déployée n'a pas de colonne"
                    + " d'entrée « " + INPUT_EXPRESSION + " » : les segments ne peuvent pas en être lus.");
        }
        Set<String> literals = new LinkedHashSet<>();
        List<String> ignored = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            InputEntry entry = new ArrayList<>(rule.getInputEntries()).get(column);
            String text = entry.getText() == null ? "" : entry.getText().getTextContent();
            String language = entry.getExpressionLanguage();
            if (language != null && !language.toLowerCase(Locale.ROOT).contains("feel")) {
                // JUEL or a script: evaluated by the engine, not readable as a list of values.
                ignored.add(rule.getId() + ": " + text + " (" + language + ")");
                continue;
            }
            SegmentLiterals.Entry read = SegmentLiterals.of(text);
            read.unreadable().forEach(part -> ignored.add(rule.getId() + ": " + part));
            for (String literal : read.literals()) {
                if (literal.length() > MAX_LENGTH) {
                    ignored.add(rule.getId() + ": \"" + literal + "\" (plus de " + MAX_LENGTH + " caractères)");
                } else {
                    literals.add(literal);
                }
            }
        }
        return new Reading(KnownSegments.of(literals), List.copyOf(ignored));
    }

    private static int segmentColumn(DecisionTable table) {
        int index = 0;
        for (Input input : table.getInputs()) {
            if (input.getInputExpression() != null && input.getInputExpression().getText() != null
                    && INPUT_EXPRESSION.equals(input.getInputExpression().getText().getTextContent().strip())) {
                return index;
            }
            index++;
        }
        return -1;
    }
}
