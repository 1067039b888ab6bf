package fr.recouvrement.scenario;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Node;

/** Reading the nodes of a JUEL syntax tree: a dot's property name, literals, and the node as text for a message. */
final class JuelNodes {

    private JuelNodes() {
    }

    /** JUEL keeps a dot's property name to itself; its {@code toString()} is ". name". */
    static String name(AstDot dot) {
        String text = dot.toString();
        if (!text.startsWith(". ")) {
            throw new IllegalStateException("Unexpected JUEL property node: " + text);
        }
        return text.substring(2);
    }

    /** A string, a number (negative too) or a boolean. */
    static boolean isLiteral(Node node) {
        return node instanceof AstString || node instanceof AstNumber || node instanceof AstBoolean
                || node instanceof AstUnary unary && unary.getOperator() == AstUnary.NEG
                        && unary.getChild(0) instanceof AstNumber;
    }

    /** The node as the analyst wrote it, near enough to find it in the diagram. */
    static String print(Node node) {
        if (node instanceof AstIdentifier identifier) {
            return identifier.getName();
        } else if (node instanceof AstDot dot) {
            return print(dot.getChild(0)) + "." + name(dot);
        } else if (node instanceof AstBracket) {
            return print(node.getChild(0)) + "[" + print(node.getChild(1)) + "]";
        } else if (node instanceof AstMethod) {
            Node arguments = node.getChild(1);
            return print(node.getChild(0)) + IntStream.range(0, arguments.getCardinality())
                    .mapToObj(i -> print(arguments.getChild(i))).collect(Collectors.joining(", ", "(", ")"));
        } else if (node instanceof AstString || node instanceof AstNumber || node instanceof AstBoolean
                || node instanceof AstNull) {
            return node.toString();
        } else if (node instanceof AstUnary unary && unary.getOperator() == AstUnary.NEG) {
            return "-" + print(unary.getChild(0));
        } else if (node instanceof AstFunction function) {
            return function.getName() + "(…)";
        }
        return "(…)";
    }
}
