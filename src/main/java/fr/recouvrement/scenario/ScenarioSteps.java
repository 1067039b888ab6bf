package fr.recouvrement.scenario;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The beans that carry {@link ScenarioStep} methods, and those methods by name and number of arguments (what an
 * expression names). Read from the bean definitions' types, so that nothing is created while the engine is being
 * built.
 */
final class ScenarioSteps {

    /** Only the application's own classes carry steps; library beans are not even inspected. */
    private static final String APPLICATION_PACKAGE = "fr.recouvrement.";

    /** Bean name → "method/arity" of its steps. */
    private final Map<String, Set<String>> steps;

    private ScenarioSteps(Map<String, Set<String>> steps) {
        this.steps = steps;
    }

    static ScenarioSteps scan(ListableBeanFactory beans) {
        Map<String, Class<?>> types = new TreeMap<>();
        for (String name : beans.getBeanNamesForType(Object.class, true, false)) {
            Class<?> type = beans.getType(name, false);
            if (type != null && type.getName().startsWith(APPLICATION_PACKAGE)) {
                types.put(name, ClassUtils.getUserClass(type));
            }
        }
        return of(types);
    }

    static ScenarioSteps of(Map<String, Class<?>> beanTypes) {
        Map<String, Set<String>> steps = new TreeMap<>();
        beanTypes.forEach((name, type) -> {
            Set<String> marked = signatures(type, true);
            // An overload that is not a step, with the same name and number of arguments, could be the one the
            // expression language picks: such a name is no step at all.
            marked.removeAll(signatures(type, false));
            if (!marked.isEmpty()) {
                steps.put(name, Set.copyOf(marked));
            }
        });
        return new ScenarioSteps(Map.copyOf(steps));
    }

    private static Set<String> signatures(Class<?> type, boolean marked) {
        return Arrays.stream(type.getMethods())
                .filter(method -> method.isAnnotationPresent(ScenarioStep.class) == marked)
                .map(ScenarioSteps::signature)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static String signature(Method method) {
        return method.getName() + "/" + method.getParameterCount();
    }

    Set<String> beanNames() {
        return steps.keySet();
    }

    boolean isBean(String name) {
        return steps.containsKey(name);
    }

    boolean isStep(String bean, String method, int arguments) {
        return steps.getOrDefault(bean, Set.of()).contains(method + "/" + arguments);
    }
}
