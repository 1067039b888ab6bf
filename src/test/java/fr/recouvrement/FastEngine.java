package fr.recouvrement;

import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.mockito.stubbing.Answer;

/**
 * What every flow test of the fast layer shares: one in-memory engine for the JVM ({@code fast-engine.cfg.xml}), the
 * real files of {@code bpmn/} and {@code forms/}, and beans that are Mockito mocks registered by name.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final ProcessEngineCoverageExtension engine = FastEngine.extension();
 *
 * &#64;BeforeEach
 * void deploy() {
 *     FastEngine.deploy(engine, "suivi-facture.bpmn", "scenario-recouvrement.dmn");
 *     followUp = FastEngine.mockBean("invoiceFollowUp", DiagramBeans.InvoiceFollowUp.class);
 * }
 * </pre>
 */
public final class FastEngine {

    private static final Path DIAGRAMS = Path.of("bpmn");
    private static final Path FORMS = Path.of("forms");
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private FastEngine() {
    }

    /**
     * The engine, shared by every test class (camunda-bpm-junit5 builds it once per configuration file), with the
     * coverage of the class's diagrams reported under {@code target/process-test-coverage/}. The class fails unless
     * its tests pass through every flow node and sequence flow of the diagrams it runs, but {@code excludedKeys}.
     */
    public static ProcessEngineCoverageExtension extension(String... excludedKeys) {
        ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder("fast-engine.cfg.xml")
                .excludeProcessDefinitionKeys(excludedKeys)
                .assertClassCoverageAtLeast(1.0)
                .build();
        // The shared engine stays as each test found it: a test whose leftovers could mislead the next one fails.
        extension.ensureCleanAfterTest(true);
        return extension;
    }

    /**
     * A clean start for one test: the assertions use this engine, no mock is left from another test, and these files
     * of {@code bpmn/} are deployed with the forms of {@code forms/} they name; the extension deletes them after the
     * test. A diagram naming a form that {@code forms/} lacks fails here.
     */
    public static void deploy(ProcessEngineExtension engine, String... diagrams) {
        AbstractAssertions.init(engine.getProcessEngine());
        Mocks.reset();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("fast");
        Set<Path> forms = new TreeSet<>();
        for (String diagram : diagrams) {
            String xml = read(DIAGRAMS.resolve(diagram));
            deployment.addString(diagram, xml);
            FORM_REF.matcher(xml).results().map(ref -> FORMS.resolve(ref.group(1) + ".form")).forEach(forms::add);
        }
        for (Path form : forms) {
            if (!Files.isRegularFile(form)) {
                throw new AssertionError("A diagram of " + List.of(diagrams) + " names the form " + form + ", missing");
            }
            deployment.addString(form.getFileName().toString(), read(form));
        }
        engine.manageDeployment(deployment.deploy());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mock of {@code type}, which the diagrams reach as {@code ${name.method(...)}}. */
    public static <T> T mockBean(String name, Class<T> type) {
        T bean = mock(type);
        Mocks.register(name, bean);
        return bean;
    }

    /**
     * What a bean does to the process in these tests: it sets these variables on the execution (or task) it was given
     * as first argument, e.g. {@code doAnswer(sets("unpaid", true)).when(followUp).checkPaid(any())}.
     */
    public static Answer<Void> sets(Object... namesAndValues) {
        return invocation -> {
            VariableScope scope = invocation.getArgument(0);
            for (int i = 0; i < namesAndValues.length; i += 2) {
                scope.setVariable((String) namesAndValues[i], namesAndValues[i + 1]);
            }
            return null;
        };
    }

    /** 09:00 in Paris on that day: the time of day the application's beans give their dates. */
    public static Date at9(String isoDate) {
        return Date.from(LocalDate.parse(isoDate).atTime(LocalTime.of(9, 0)).atZone(PARIS).toInstant());
    }
}
