package fr.recouvrement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import fr.recouvrement.registry.FakePublicData;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The one Spring test configuration: every test class that needs the application uses it, so they all share one
 * cached context (the Camunda webapp supports one Spring context per JVM). The whole application runs on the
 * embedded PostgreSQL with process-coverage recording; the job executor is off (profile {@code test}), so tests
 * run jobs themselves and never race it. "Today" is {@link MutableClock#DEFAULT_TODAY} unless a test moves it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, TestClockConfiguration.class})
// The public registers answer from a local HTTP server (fr.recouvrement.registry.FakePublicData).
@ContextConfiguration(initializers = FakePublicData.Initializer.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface RecouvrementSpringTest {
}
