package fr.recouvrement.engine;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstNull$;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, except that each expression of a decision table is parsed once, not at every evaluation
 * (parsing was a quarter of the CPU while follow-ups and dossiers started, docs/performance.md), a literal output
 * entry is evaluated once, and an input that names a string or boolean variable, or an input entry that is one string
 * literal, is answered directly. The same value mappers, functions and error messages as {@link ScalaFeelEngine};
 * only the parsed syntax trees and the literals' values are kept, by text.
 */
class ParsedOnceFeelEngine extends ScalaFeelEngine {

    /** Expressions come from deployed tables; a bound keeps a long-lived node with many redeployments in check. */
    static final int MAX_EXPRESSIONS = 10_000;

    /** An input expression that only names a variable. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** An input entry that is one string literal without escapes: {@code "PME"}. */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");

    private final ConcurrentMap<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Optional<Object>> constants = new ConcurrentHashMap<>();

    ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        if (NAME.matcher(expression).matches() && variableContext.containsVariable(expression)) {
            Object value = variableContext.resolve(expression).getValue();
            if (value instanceof String || value instanceof Boolean) {
                // An input expression is mostly a variable's name: FEEL would give the same string or boolean back,
                // after building its table of built-in functions (docs/reliability.md, «Throughput»).
                return (T) value;
            }
        }
        Either<Failure, ParsedExpression> parsed = parsed(expressions, expression, feelEngine::parseExpression);
        CustomContext context = context(new ContextVariableWrapper(variableContext));
        if (parsed instanceof Right<Failure, ParsedExpression> right && isConstant(right.value().expression())) {
            // An output entry is mostly a literal (7, "EMAIL", true): its value never changes, and every evaluation
            // builds FEEL's whole table of built-in functions anew.
            if (constants.size() >= MAX_EXPRESSIONS) {
                constants.clear();
            }
            return (T) constants.computeIfAbsent(expression, text -> Optional.ofNullable(evaluate(parsed, context)))
                    .orElse(null);
        }
        return (T) evaluate(parsed, context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        Matcher literal = STRING_LITERAL.matcher(expression);
        TypedValue cell = variableContext.resolve(inputVariable);
        if (literal.matches() && cell != null && cell.getValue() instanceof String input) {
            // Most input entries compare a string with one literal ("PME"): FEEL's answer is their equality.
            return input.equals(literal.group(1));
        }
        // The FEEL engine finds the tested value under the name this entry gives.
        VariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        VariableProvider variables = new CompositeVariableProvider(CollectionConverters.asScala(
                List.<VariableProvider>of(input, new ContextVariableWrapper(variableContext))).toList());
        return BoxesRunTime.unboxToBoolean(
                evaluate(parsed(unaryTests, expression, feelEngine::parseUnaryTests), context(variables)));
    }

    private static Either<Failure, ParsedExpression> parsed(
            ConcurrentMap<String, Either<Failure, ParsedExpression>> cache, String expression,
            Function<String, Either<Failure, ParsedExpression>> parser) {
        if (cache.size() >= MAX_EXPRESSIONS) {
            cache.clear();
        }
        return cache.computeIfAbsent(expression, parser);
    }

    private Object evaluate(Either<Failure, ParsedExpression> parsed, CustomContext context) {
        Either<Failure, Object> result = parsed instanceof Right<Failure, ParsedExpression> right
                ? feelEngine.eval(right.value(), context)
                : new Left<>(((Left<Failure, ParsedExpression>) parsed).value());
        if (result instanceof Right<Failure, Object> value) {
            return value.value();
        }
        throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
    }

    private static boolean isConstant(Exp expression) {
        return expression instanceof ConstNumber || expression instanceof ConstString || expression instanceof ConstBool
                || expression instanceof ConstNull$;
    }

    private static CustomContext context(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }
}
