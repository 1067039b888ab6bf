package fr.recouvrement.scenario;

/**
 * Small diagrams for the guard's tests, written as Modeler writes them: one process (or one decision) around the
 * construct under test.
 */
final class GuardDiagrams {

    private GuardDiagrams() {
    }

    /** A process {@code garde} whose body follows its start event; elements need no flows to be checked. */
    static String bpmn(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             id="Definitions_Garde" targetNamespace="http://recouvrement.fr/test">
                  <process id="garde" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="Debut"/>
                %s
                  </process>
                </definitions>
                """.formatted(body);
    }

    /** A service task that calls {@code url} through Camunda Connect's http-connector. */
    static String connector(String taskId, String url) {
        return """
                <serviceTask id="%s" name="Consulter">
                  <extensionElements>
                    <camunda:connector>
                      <camunda:inputOutput>
                        <camunda:inputParameter name="url">%s</camunda:inputParameter>
                        <camunda:inputParameter name="method">GET</camunda:inputParameter>
                      </camunda:inputOutput>
                      <camunda:connectorId>http-connector</camunda:connectorId>
                    </camunda:connector>
                  </extensionElements>
                </serviceTask>""".formatted(taskId, url);
    }

    /** A decision table {@code garde-decision}, with attributes added to its definitions and input expression. */
    static String dmn(String definitionsAttributes, String inputAttributes) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                             xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="Definitions_GardeDecision" name="Garde" namespace="http://recouvrement.fr/test" %s>
                  <decision id="garde-decision" name="Garde" camunda:historyTimeToLive="P1D">
                    <decisionTable id="garde-table" hitPolicy="FIRST">
                      <input id="montant" label="Montant">
                        <inputExpression id="montant-expr" typeRef="double" %s>
                          <text>amountDue</text>
                        </inputExpression>
                      </input>
                      <output id="o-voie" name="route" typeRef="string"/>
                      <rule id="r-grand">
                        <inputEntry id="r-grand-in"><text>&gt; 5000</text></inputEntry>
                        <outputEntry id="r-grand-out"><text>"ASSIGNATION"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(definitionsAttributes, inputAttributes);
    }

    /**
     * What an analyst may write: steps with execution, task and literals, conditions on variables, a timer on a
     * variable, the business key passed to a call activity, and a connector to the company registry.
     */
    static String allowed(String registryUrl) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             id="Definitions_GardePermise" targetNamespace="http://recouvrement.fr/test">
                  <process id="garde-permise" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="Debut"/>
                    <sequenceFlow id="F1" sourceRef="Debut" targetRef="Planifier"/>
                    <serviceTask id="Planifier" camunda:expression="${ladderSteps.planStep(execution, 'RELANCE_1')}"/>
                    <sequenceFlow id="F2" sourceRef="Planifier" targetRef="Attendre"/>
                    <intermediateCatchEvent id="Attendre">
                      <timerEventDefinition id="Minuteur"><timeDate>${stepAt}</timeDate></timerEventDefinition>
                    </intermediateCatchEvent>
                    <sequenceFlow id="F3" sourceRef="Attendre" targetRef="Choix"/>
                    <exclusiveGateway id="Choix" default="F5"/>
                    <sequenceFlow id="F4" sourceRef="Choix" targetRef="Resoudre">
                      <conditionExpression>${scenario.relanceCount == 3 &amp;&amp; !settled || route eq 'X'}</conditionExpression>
                    </sequenceFlow>
                    <sequenceFlow id="F5" sourceRef="Choix" targetRef="Verifier"/>
                    <userTask id="Resoudre" camunda:dueDate="${dossierReading.taskDue(execution)}">
                      <extensionElements>
                        <camunda:taskListener event="complete" expression="${eventReporting.recordResolver(task)}"/>
                      </extensionElements>
                    </userTask>
                    <sequenceFlow id="F6" sourceRef="Resoudre" targetRef="Fin"/>
                    <callActivity id="Verifier" calledElement="verification-debiteur">
                      <extensionElements>
                        <camunda:in businessKey="#{execution.processBusinessKey}"/>
                      </extensionElements>
                    </callActivity>
                    <sequenceFlow id="F7" sourceRef="Verifier" targetRef="Registre"/>
                %s
                    <sequenceFlow id="F8" sourceRef="Registre" targetRef="Fin"/>
                    <endEvent id="Fin"/>
                  </process>
                </definitions>
                """.formatted(connector("Registre", registryUrl + "/search?q=${siren}"));
    }
}
