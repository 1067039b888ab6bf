package fr.recouvrement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the fast layer: no Spring context, no database server, no mail server. {@code ./mvnw test -Pfast} runs
 * these alone; a plain build runs them first, in a JVM of their own, then the Spring tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("fast")
public @interface FastTest {
}
