package fr.recouvrement.scenario;

import java.util.Set;

/**
 * The checks of one {@code .bpmn} file. Refused: script tasks and every script (listeners, input/output parameters,
 * script conditions), Java classes ({@code camunda:class} and the like) and delegate expressions anywhere, custom
 * form-field validators, connectors other than an {@code http-connector} to the public registers, and any
 * expression {@link ExpressionCheck} refuses. Every attribute and every text holding {@code ${} or {@code #{} is an
 * expression, wherever it sits: the guard does not need to know which of Camunda's many attributes the engine
 * evaluates.
 */
final class BpmnResourceCheck extends XmlResourceCheck {

    /** An element directly inside one of these is what Modeler selects: a task, an event, a flow, the process. */
    private static final Set<String> CONTAINERS = Set.of("definitions", "process", "subProcess", "transaction",
            "adHocSubProcess", "collaboration");
    /** Conditions of sequence flows and of conditional events. */
    private static final Set<String> CONDITIONS = Set.of("conditionExpression", "condition");
    /** Text for people, never evaluated: documentation and text annotations. */
    private static final Set<String> PROSE = Set.of("documentation", "text");

    private final ExpressionCheck expressions;
    private final ConnectorUrls urls;
    /** The connector being read, if any: its id and url input are checked together once it ends. */
    private String connectorId;
    private String connectorUrl;

    BpmnResourceCheck(ExpressionCheck expressions, ConnectorUrls urls) {
        this.expressions = expressions;
        this.urls = urls;
    }

    @Override
    protected boolean isContainer(Element element) {
        return CONTAINERS.contains(element.name);
    }

    @Override
    protected void started(Element element) {
        if (element.is("scriptTask")) {
            refuse(element, "is a script task: a script runs any code on the server");
        } else if (element.is("script") && !path().stream().skip(1).findFirst().map(p -> p.is("scriptTask"))
                .orElse(false)) {
            refuse(element, "holds a script: a script runs any code on the server");
        }
        if (element.is("constraint") && element.has("name", "validator")) {
            refuse(element, "has a custom form-field validator, which runs a Java class or bean");
        }
        if (element.is("connector")) {
            connectorId = null;
            connectorUrl = null;
        }
        for (Attribute attribute : element.attributes) {
            checkAttribute(element, attribute);
        }
    }

    private void checkAttribute(Element element, Attribute attribute) {
        String name = attribute.name();
        String written = attribute.qualifiedName() + "=\"" + attribute.value() + "\"";
        if (name.equals("class") || name.endsWith("Class")) {
            refuse(element, "has " + written + ": a diagram may not name a Java class, only call scenario steps");
        } else if (name.equals("delegateExpression") || name.endsWith("DelegateExpression")) {
            refuse(element, "has " + written + ": a delegate expression runs any Java object; call a scenario "
                    + "step with camunda:expression instead");
        } else if ((name.equals("language") || name.equals("scriptFormat")) && !element.is("scriptTask")
                && !element.is("script")) {
            refuse(element, "has " + written + ": a script runs any code on the server");
        } else if (ExpressionCheck.isExpression(attribute.value()) && !within("script")) {
            expressions.problems(attribute.value(), false)
                    .forEach(problem -> refuse(element, written + " " + problem));
        }
    }

    @Override
    protected void ended(Element element, String text) {
        readConnector(element, text);
        if (!ExpressionCheck.isExpression(text) || PROSE.contains(element.name) || element.is("script")
                || element.is("scriptTask") || within("script")) {
            return;
        }
        boolean condition = CONDITIONS.contains(element.name);
        expressions.problems(text, condition).forEach(problem -> refuse(element,
                (condition ? "the condition " : "the expression ") + text + " " + problem));
    }

    private void readConnector(Element element, String text) {
        if (element.is("connectorId") && within("connector")) {
            connectorId = text;
        } else if (element.is("inputParameter") && element.has("name", "url") && within("connector")) {
            // A list, a map or a script is no address the guard can check.
            connectorUrl = element.hasChildren ? null : text;
        } else if (element.is("connector")) {
            urls.problem(connectorId, connectorUrl).ifPresent(problem -> refuse(element, "its connector " + problem));
        }
    }
}
