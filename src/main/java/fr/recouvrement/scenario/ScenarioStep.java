package fr.recouvrement.scenario;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public method of a Spring bean that a diagram may call, as {@code ${bean.method(execution, 'LITERAL')}}.
 *
 * <p>Analysts deploy diagrams from Camunda Modeler, and an expression can call any Java method: the marked methods are
 * the whole list of Java a diagram may reach. The deployment guard refuses a new diagram that calls anything else, and
 * the engine's expressions see only the beans that carry a step (docs/architecture.md §2, «What a diagram may
 * contain»). Marking a method here is all it takes to offer it to the diagrams; it then runs with whatever the
 * diagram passes, so a step checks its inputs like any public entry point.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ScenarioStep {
}
