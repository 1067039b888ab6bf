package fr.recouvrement.scenario;

import java.util.AbstractMap;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.BeanFactory;

/**
 * The beans the engine's expressions may name: those with a {@link ScenarioStep}, and no other Spring bean, so that
 * an expression that slipped past the guard (or a version deployed before it) still cannot reach
 * {@code runtimeService}, {@code dataSource} or the like. Each bean is looked up when an expression first names it:
 * the map is built while the engine is, before the beans it names exist.
 */
final class ScenarioBeans extends AbstractMap<Object, Object> {

    private final Set<String> names;
    private final BeanFactory beans;

    ScenarioBeans(Set<String> names, BeanFactory beans) {
        this.names = Set.copyOf(names);
        this.beans = beans;
    }

    @Override
    public boolean containsKey(Object key) {
        return names.contains(key);
    }

    @Override
    public Object get(Object key) {
        return names.contains(key) ? beans.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names.stream().map(name -> new SimpleImmutableEntry<Object, Object>(name, beans.getBean(name)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
