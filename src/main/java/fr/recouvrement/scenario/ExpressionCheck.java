package fr.recouvrement.scenario;

import static fr.recouvrement.scenario.JuelNodes.name;
import static fr.recouvrement.scenario.JuelNodes.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What one JUEL expression of a diagram may do, read from the syntax tree the engine's own parser builds (never from
 * the text, which {@code ${x . getClass ()}} or nested calls would fool). An expression may read variables and
 * {@code variable.key}, use literals and operators, and call scenario steps as {@code ${bean.step(execution, 'X')}}
 * with only {@code execution}, {@code task} or literals as arguments. A condition is stricter: comparisons of
 * variables, {@code variable.key} and literals joined by {@code !}, {@code &&} and {@code ||}, no call at all.
 */
final class ExpressionCheck {

    /** The engine parses with these features: what it can read, the check can read. */
    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
    private static final Set<AstBinary.Operator> CONDITION_OPERATORS = Set.of(AstBinary.AND, AstBinary.OR,
            AstBinary.EQ, AstBinary.NE, AstBinary.LT, AstBinary.LE, AstBinary.GT, AstBinary.GE);
    private static final Set<String> STEP_ARGUMENTS = Set.of("execution", "task");
    /**
     * The engine's own objects a diagram names; each could lead, getter after getter, to the engine's services. Only
     * these plain properties may be read from them, such as {@code #{execution.processBusinessKey}} for a call
     * activity.
     */
    private static final Map<String, Set<String>> ENGINE_OBJECTS = Map.of(
            "execution", Set.of("id", "processInstanceId", "processBusinessKey", "businessKey", "processDefinitionId",
                    "activityInstanceId", "currentActivityId", "currentActivityName", "eventName", "tenantId"),
            "task", Set.of("id", "name", "assignee", "owner", "description", "dueDate", "followUpDate", "priority",
                    "taskDefinitionKey", "eventName", "processInstanceId", "executionId", "tenantId", "createTime"));

    private final ScenarioSteps steps;

    ExpressionCheck(ScenarioSteps steps) {
        this.steps = steps;
    }

    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Why the expression is refused; empty when it may be deployed. */
    List<String> problems(String expression, boolean condition) {
        Node root;
        try {
            root = PARSER.build(expression).getRoot();
        } catch (TreeBuilderException e) {
            return List.of("is not an expression the engine can read (" + e.getMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        new Walk(condition, problems).node(root);
        return problems;
    }

    private final class Walk {

        private final boolean condition;
        private final List<String> problems;

        Walk(boolean condition, List<String> problems) {
            this.condition = condition;
            this.problems = problems;
        }

        void node(Node node) {
            if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
                    || node instanceof AstBoolean || node instanceof AstNull) {
                return; // literal text and values
            }
            if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested) {
                children(node);
            } else if (node instanceof AstMethod method) {
                method(method);
            } else if (node instanceof AstDot dot) {
                property(dot);
            } else if (node instanceof AstIdentifier identifier) {
                identifier(identifier);
            } else if (node instanceof AstBinary binary) {
                if (condition && !CONDITION_OPERATORS.contains(binary.getOperator())) {
                    problems.add(conditionOnly("the operator " + binary));
                }
                children(node);
            } else if (node instanceof AstUnary unary) {
                if (condition && unary.getOperator() != AstUnary.NOT) {
                    problems.add(conditionOnly("the operator " + unary));
                }
                children(node);
            } else if (node instanceof AstChoice) {
                if (condition) {
                    problems.add(conditionOnly("the operator ?:"));
                }
                children(node);
            } else if (node instanceof AstBracket) {
                problems.add("reads " + print(node) + ": write variable.key, without brackets");
            } else if (node instanceof AstFunction function) {
                problems.add("calls the function " + function.getName() + "(): only scenario steps may be called");
            } else {
                problems.add("uses " + node + ", which a diagram may not");
            }
        }

        private void children(Node node) {
            IntStream.range(0, node.getCardinality()).forEach(i -> node(node.getChild(i)));
        }

        private void method(AstMethod method) {
            if (condition) {
                problems.add(conditionOnly("the call " + print(method)));
                return;
            }
            Node arguments = method.getChild(1);
            if (!(method.getChild(0) instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier bean
                    && steps.isStep(bean.getName(), name(dot), arguments.getCardinality()))) {
                problems.add("calls " + print(method) + ", which is not a scenario step");
                return;
            }
            for (int i = 0; i < arguments.getCardinality(); i++) {
                Node argument = arguments.getChild(i);
                boolean allowed = argument instanceof AstIdentifier identifier
                        && STEP_ARGUMENTS.contains(identifier.getName()) || JuelNodes.isLiteral(argument);
                if (!allowed) {
                    problems.add("passes " + print(argument) + " to " + print(method)
                            + ": a scenario step takes only execution, task or literals");
                }
            }
        }

        private void property(AstDot dot) {
            String property = name(dot);
            if (!(dot.getChild(0) instanceof AstIdentifier identifier)) {
                problems.add("reads " + print(dot) + ": only variable or variable.key may be read");
            } else if (property.equals("class")) {
                problems.add("reads " + print(dot) + ", a Java class");
            } else if (steps.isBean(identifier.getName())) {
                problems.add("reads " + print(dot) + " from the scenario bean " + identifier.getName()
                        + ": a diagram only calls its steps");
            } else if (ENGINE_OBJECTS.containsKey(identifier.getName())
                    && !ENGINE_OBJECTS.get(identifier.getName()).contains(property)) {
                problems.add("reads " + print(dot) + ": of " + identifier.getName() + " a diagram reads only "
                        + ENGINE_OBJECTS.get(identifier.getName()).stream().sorted().collect(Collectors.joining(", ")));
            }
        }

        private void identifier(AstIdentifier identifier) {
            if (steps.isBean(identifier.getName())) {
                problems.add("uses the scenario bean " + identifier.getName() + " as a value: call one of its steps");
            } else if (ENGINE_OBJECTS.containsKey(identifier.getName())) {
                problems.add("uses " + identifier.getName() + " as a value: pass it to a scenario step");
            }
        }

        private String conditionOnly(String found) {
            return "uses " + found + ": a condition only compares variables, variable.key and literals with "
                    + "==, !=, <, <=, >, >= and joins them with !, && and ||";
        }
    }
}
