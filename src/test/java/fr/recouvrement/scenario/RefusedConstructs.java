package fr.recouvrement.scenario;

import static fr.recouvrement.scenario.GuardDiagrams.bpmn;
import static fr.recouvrement.scenario.GuardDiagrams.connector;
import static fr.recouvrement.scenario.GuardDiagrams.dmn;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One small diagram per construct the guard refuses (docs/architecture.md §2, «What a diagram may contain»): the
 * construct, the file, its content, the element id the answer must name, and a piece of the reason it must give.
 */
final class RefusedConstructs {

    private static final String RUNTIME = "${execution.getClass().forName('java.lang.Runtime')"
            + ".getMethod('getRuntime').invoke(null).exec('touch /tmp/pwned')}";

    private RefusedConstructs() {
    }

    static Stream<Arguments> all() {
        return Stream.of(
                refused("a script task", bpmn("""
                        <scriptTask id="Calculer" scriptFormat="javascript">
                          <script>java.lang.Runtime.getRuntime().exec('id')</script>
                        </scriptTask>"""), "Calculer", "script task"),
                refused("an execution listener's script", bpmn("""
                        <serviceTask id="Relancer" camunda:expression="${ladderSteps.resumeLadder(execution)}">
                          <extensionElements>
                            <camunda:executionListener event="start">
                              <camunda:script scriptFormat="groovy">'id'.execute()</camunda:script>
                            </camunda:executionListener>
                          </extensionElements>
                        </serviceTask>"""), "Relancer", "script"),
                refused("a script in an input parameter", bpmn("""
                        <userTask id="Appeler">
                          <extensionElements>
                            <camunda:inputOutput>
                              <camunda:inputParameter name="x">
                                <camunda:script scriptFormat="javascript">1 + 1</camunda:script>
                              </camunda:inputParameter>
                            </camunda:inputOutput>
                          </extensionElements>
                        </userTask>"""), "Appeler", "script"),
                refused("a script condition", bpmn("""
                        <exclusiveGateway id="Choix"/>
                        <sequenceFlow id="SiScript" sourceRef="Choix" targetRef="Debut">
                          <conditionExpression language="groovy">'id'.execute() != null</conditionExpression>
                        </sequenceFlow>"""), "SiScript", "script"),
                refused("camunda:class on a service task",
                        bpmn("<serviceTask id=\"Executer\" camunda:class=\"org.example.Evil\"/>"),
                        "Executer", "Java class"),
                refused("a task listener's class", bpmn("""
                        <userTask id="Valider">
                          <extensionElements>
                            <camunda:taskListener event="create" class="org.example.Evil"/>
                          </extensionElements>
                        </userTask>"""), "Valider", "Java class"),
                refused("camunda:delegateExpression",
                        bpmn("<serviceTask id=\"Deleguer\" camunda:delegateExpression=\"${ladderSteps}\"/>"),
                        "Deleguer", "delegate expression"),
                refused("a method of a bean that is no scenario bean",
                        bpmn("<serviceTask id=\"Horloge\" camunda:expression=\"${clock.instant()}\"/>"),
                        "Horloge", "clock.instant(), which is not a scenario step"),
                refused("the runtime service in a listener", bpmn("""
                        <userTask id="Supprimer">
                          <extensionElements>
                            <camunda:executionListener event="start"
                                expression="${runtimeService.deleteProcessInstance(execution.processInstanceId, 'x')}"/>
                          </extensionElements>
                        </userTask>"""), "Supprimer", "not a scenario step"),
                refused("a method of a scenario bean that is not marked",
                        bpmn("<serviceTask id=\"Texte\" camunda:expression=\"${ladderSteps.toString()}\"/>"),
                        "Texte", "ladderSteps.toString(), which is not a scenario step"),
                refused("a variable passed to a step", bpmn("""
                        <serviceTask id="Planifier" camunda:expression="${ladderSteps.planStep(execution, stepName)}"/>"""),
                        "Planifier", "passes stepName"),
                refused("getClass() to java.lang.Runtime from the execution",
                        bpmn("<serviceTask id=\"Evasion\" camunda:expression=\"" + RUNTIME + "\"/>"),
                        "Evasion", "not a scenario step"),
                refused("getClass() to java.lang.Runtime from a string, in a timer", bpmn("""
                        <intermediateCatchEvent id="Attendre">
                          <timerEventDefinition id="Minuteur">
                            <timeDate>${"".getClass().forName("java.lang.Runtime")}</timeDate>
                          </timerEventDefinition>
                        </intermediateCatchEvent>"""), "Attendre", "getClass()"),
                refused("a method call in a sequence flow's condition", bpmn("""
                        <exclusiveGateway id="Choix"/>
                        <sequenceFlow id="SiTroisRelances" sourceRef="Choix" targetRef="Debut">
                          <conditionExpression>${scenario.relanceCount.toString() == '3'}</conditionExpression>
                        </sequenceFlow>"""), "SiTroisRelances", "a condition only compares"),
                refused("a step called in a conditional event", bpmn("""
                        <intermediateCatchEvent id="SiSolde">
                          <conditionalEventDefinition>
                            <condition>${dossierReading.load(execution) == null}</condition>
                          </conditionalEventDefinition>
                        </intermediateCatchEvent>"""), "SiSolde", "a condition only compares"),
                refused("a JavaScript input expression in a decision", "garde.dmn",
                        dmn("", "expressionLanguage=\"javascript\""), "montant-expr", "only use FEEL"),
                refused("JUEL for the whole decision", "garde.dmn",
                        dmn("expressionLanguage=\"juel\"", ""), "Definitions_GardeDecision", "only use FEEL"),
                refused("a connector to an internal address",
                        bpmn(connector("Appeler", "http://169.254.169.254/latest/meta-data/")),
                        "Appeler", "may only call"),
                refused("a CMMN case", "garde.cmmn", "<definitions/>", "garde.cmmn", "CMMN"));
    }

    private static Arguments refused(String construct, String bpmn, String elementId, String reason) {
        return refused(construct, "garde.bpmn", bpmn, elementId, reason);
    }

    private static Arguments refused(String construct, String file, String content, String elementId,
            String reason) {
        return Arguments.of(construct, file, content, elementId, reason);
    }
}
