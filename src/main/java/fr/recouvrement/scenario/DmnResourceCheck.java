package fr.recouvrement.scenario;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * The checks of one {@code .dmn} file: every expression is FEEL. Another language (JUEL, JavaScript, Groovy) would let
 * a decision table call Java or run a script. The language of an expression is, as the engine decides it: its own
 * {@code expressionLanguage}; else the definitions' one when that is not FEEL; else the engine's default for that kind
 * of expression, read from the running DMN engine (FEEL for all four in Camunda 7.24, unless the legacy FEEL
 * behaviour is switched on, which makes input expressions, output entries and literal expressions JUEL). The shipped
 * tables declare no language: FEEL, by that default.
 */
final class DmnResourceCheck extends XmlResourceCheck {

    private static final Set<String> FEEL = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

    /** The kinds of expression (element names) and the engine's default language for each. */
    private final Map<String, String> defaults;
    private boolean definitionsNotFeel;

    DmnResourceCheck(Map<String, String> defaults) {
        this.defaults = defaults;
    }

    static Map<String, String> defaultsOf(DefaultDmnEngineConfiguration dmn) {
        return Map.of("inputExpression", String.valueOf(dmn.getDefaultInputExpressionExpressionLanguage()),
                "inputEntry", String.valueOf(dmn.getDefaultInputEntryExpressionLanguage()),
                "outputEntry", String.valueOf(dmn.getDefaultOutputEntryExpressionLanguage()),
                "literalExpression", String.valueOf(dmn.getDefaultLiteralExpressionLanguage()));
    }

    /** As the engine compares: "feel" in any case, the FEEL namespaces exactly. */
    static boolean isFeel(String language) {
        return FEEL.contains(language) || "feel".equalsIgnoreCase(language);
    }

    @Override
    protected boolean isContainer(Element element) {
        return element.is("definitions");
    }

    @Override
    protected void started(Element element) {
        boolean declared = false;
        for (Attribute attribute : element.attributes) {
            if (attribute.name().equals("expressionLanguage")) {
                declared = true;
                if (!isFeel(attribute.value())) {
                    definitionsNotFeel |= element.is("definitions");
                    refuse(element, "declares expressionLanguage=\"" + attribute.value()
                            + "\": a decision may only use FEEL (feel or "
                            + DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13 + ")");
                }
            }
        }
        String language = defaults.get(element.name);
        if (!declared && !definitionsNotFeel && language != null && !isFeel(language)) {
            refuse(element, "declares no expressionLanguage, so the engine's default " + language
                    + " applies: declare expressionLanguage=\"feel\"");
        }
    }

    @Override
    protected void ended(Element element, String text) {
        // Only languages matter: a FEEL expression cannot call Java (Camunda builds its FEEL engine without
        // external functions).
    }
}
