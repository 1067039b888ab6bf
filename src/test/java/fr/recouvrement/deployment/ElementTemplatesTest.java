package fr.recouvrement.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.RecouvrementSpringTest;
import fr.recouvrement.scenario.ScenarioStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The Camunda Modeler element templates under {@code .camunda/element-templates/}: well formed as Modeler reads them,
 * every expression they set names a bean and a method of the application marked as a scenario step (what the
 * deployment guard lets through), and every custom service task of the scenario has one, so that an analyst places it
 * without typing an expression.
 */
@RecouvrementSpringTest
class ElementTemplatesTest {

    private static final Path FOLDER = Path.of(".camunda", "element-templates");
    private static final Set<String> BINDINGS = Set.of("property", "camunda:property", "camunda:inputParameter",
            "camunda:outputParameter", "camunda:in", "camunda:out", "camunda:in:businessKey",
            "camunda:executionListener", "camunda:field", "camunda:errorEventDefinition");
    private static final Pattern EXPRESSION = Pattern.compile("^\\$\\{(\\w+)\\.(\\w+)\\(execution(, '[A-Za-z0-9_]+')?\\)}$");

    @Autowired
    ApplicationContext context;
    @Autowired
    RepositoryService repository;

    private List<JsonNode> templates() throws IOException {
        List<JsonNode> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                new ObjectMapper().readTree(file.toFile()).forEach(templates::add);
            }
        }
        return templates;
    }

    @Test
    void everyTemplateIsWellFormed() throws IOException {
        Set<String> ids = new HashSet<>();
        for (JsonNode template : templates()) {
            String id = template.path("id").asText();
            assertThat(id).as("id").matches("fr\\.recouvrement\\.[a-z0-9.-]+");
            assertThat(ids.add(id)).as("id %s is unique", id).isTrue();
            assertThat(template.path("name").asText()).as("name of %s", id).isNotBlank();
            assertThat(template.path("version").isInt() && template.path("version").asInt() >= 1).as("version of %s", id)
                    .isTrue();
            assertThat(template.path("appliesTo").isArray() && !template.path("appliesTo").isEmpty()).isTrue();
            template.path("appliesTo").forEach(type -> assertThat(type.asText()).startsWith("bpmn:"));
            for (JsonNode property : template.path("properties")) {
                assertThat(BINDINGS).as("binding of %s", id).contains(property.path("binding").path("type").asText());
                if ("Dropdown".equals(property.path("type").asText())) {
                    assertThat(property.path("choices")).as("choices of %s", id).isNotEmpty();
                    property.path("choices").forEach(choice -> {
                        assertThat(choice.path("name").asText()).isNotBlank();
                        assertThat(choice.path("value").asText()).isNotBlank();
                    });
                }
            }
        }
        assertThat(ids).contains("fr.recouvrement.debtorchecks-consultbodacc",
                "fr.recouvrement.debtorchecks-consultregistry", "fr.recouvrement.verifier-le-debiteur");
    }

    @Test
    void everyExpressionNamesABeanAndAMethodOfTheApplication() throws IOException {
        for (String expression : expressions()) {
            Matcher call = EXPRESSION.matcher(expression);
            assertThat(call.matches()).as("expression %s", expression).isTrue();
            assertThat(context.containsBean(call.group(1))).as("bean of %s", expression).isTrue();
            Class<?> type = AopUtils.getTargetClass(context.getBean(call.group(1)));
            assertThat(Arrays.stream(type.getMethods()).map(java.lang.reflect.Method::getName))
                    .as("method of %s", expression).contains(call.group(2));
        }
    }

    /** A template offers only what the deployment guard lets through: a method marked as a scenario step. */
    @Test
    void everyMethodATemplateNamesIsAScenarioStep() throws IOException {
        for (String expression : expressions()) {
            Matcher call = EXPRESSION.matcher(expression);
            assertThat(call.matches()).as("expression %s", expression).isTrue();
            int arguments = call.group(3) == null ? 1 : 2;
            Class<?> type = AopUtils.getTargetClass(context.getBean(call.group(1)));
            assertThat(Arrays.stream(type.getMethods())
                    .filter(method -> method.getName().equals(call.group(2)))
                    .filter(method -> method.getParameterCount() == arguments))
                    .as("%s calls a @ScenarioStep", expression).isNotEmpty()
                    .allMatch(method -> method.isAnnotationPresent(ScenarioStep.class));
        }
    }

    @Test
    void everyCalledProcessIsDeployed() throws IOException {
        for (JsonNode template : templates()) {
            for (JsonNode property : template.path("properties")) {
                if ("calledElement".equals(property.path("binding").path("name").asText())) {
                    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(property.path("value")
                            .asText()).count()).isPositive();
                }
            }
        }
    }

    @Test
    void everyCustomServiceTaskOfTheScenarioHasATemplate() throws IOException {
        Set<String> offered = new HashSet<>(expressions());
        Pattern serviceTask = Pattern.compile("<serviceTask [^>]*camunda:expression=\"([^\"]+)\"");
        try (Stream<Path> diagrams = Files.list(Path.of("bpmn"))) {
            for (Path diagram : diagrams.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher task = serviceTask.matcher(Files.readString(diagram));
                while (task.find()) {
                    assertThat(offered).as("a template for %s in %s", task.group(1), diagram).contains(task.group(1));
                }
            }
        }
    }

    /** Every expression a template can set: hidden values and dropdown choices bound to camunda:expression. */
    private List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode template : templates()) {
            for (JsonNode property : template.path("properties")) {
                if (!"camunda:expression".equals(property.path("binding").path("name").asText())) {
                    continue;
                }
                if (property.has("choices")) {
                    property.path("choices").forEach(choice -> expressions.add(choice.path("value").asText()));
                } else {
                    expressions.add(property.path("value").asText());
                }
            }
        }
        return expressions;
    }
}
