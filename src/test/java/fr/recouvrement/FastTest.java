package fr.recouvrement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the fast layer: no Spring context, no PostgreSQL, no server, so that {@code ./mvnw test -Pfast} checks a
 * change in seconds. Everything else is the slow, full-stack layer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("fast")
public @interface FastTest {
}
