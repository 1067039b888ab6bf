package fr.recouvrement.dunning;

import java.util.Map;
import java.util.Objects;

/**
 * What the decision {@code scenario-recouvrement} gave a dossier or an invoice, typed for Java. The process variable
 * {@code scenario} stays the decision's map, because the diagrams' conditions read it
 * ({@code ${scenario.relanceCount == 3}}) and Camunda's expression language cannot read record accessors; Java reads
 * it only through this record.
 *
 * @param relance3Day null when the scenario has two relances
 * @param relance3Channel null when the scenario has two relances
 * @param conciliationAttempts how many times agents call a debtor who does not answer; a decision deployed before
 *     this output existed gives {@value #DEFAULT_CONCILIATION_ATTEMPTS}
 */
public record Scenario(int preDueDays, int relance1Day, int relance2Day, Integer relance3Day, int noticeDay,
        int noticeDeadlineDays, int promiseGraceDays, int minDaysBetween, int taskSlaDays, String relance1Channel,
        String relance2Channel, String relance3Channel, int conciliationAttempts) {

    static final int DEFAULT_CONCILIATION_ATTEMPTS = 3;

    /** The decision's single result, as the business rule task stored it. */
    public static Scenario of(Object variable) {
        if (!(variable instanceof Map<?, ?> outputs)) {
            throw new IllegalStateException("La variable « scenario » manque ou n'est pas le résultat de la décision "
                    + "scenario-recouvrement : " + variable);
        }
        return new Scenario(number(outputs, "preDueDays"), number(outputs, "relance1Day"),
                number(outputs, "relance2Day"), optionalNumber(outputs, "relance3Day"), number(outputs, "noticeDay"),
                number(outputs, "noticeDeadlineDays"), number(outputs, "promiseGraceDays"),
                number(outputs, "minDaysBetween"), number(outputs, "taskSlaDays"),
                (String) outputs.get("relance1Channel"), (String) outputs.get("relance2Channel"),
                (String) outputs.get("relance3Channel"), Objects.requireNonNullElse(
                        optionalNumber(outputs, "conciliationAttempts"), DEFAULT_CONCILIATION_ATTEMPTS));
    }

    private static int number(Map<?, ?> outputs, String name) {
        Integer value = optionalNumber(outputs, name);
        if (value == null) {
            throw new IllegalStateException("La décision scenario-recouvrement ne donne pas « " + name + " » : " + outputs);
        }
        return value;
    }

    private static Integer optionalNumber(Map<?, ?> outputs, String name) {
        Object value = outputs.get(name);
        return value == null ? null : ((Number) value).intValue();
    }
}
