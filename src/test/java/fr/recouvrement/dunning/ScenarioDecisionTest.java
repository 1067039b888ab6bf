package fr.recouvrement.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.RecouvrementSpringTest;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The default scenario of docs/architecture.md §3, as bpmn/scenario-recouvrement.dmn gives it for every segment and
 * type.
 */
@RecouvrementSpringTest
class ScenarioDecisionTest {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "{0} {1} {2} EUR: {3} relances at J+{4}/{5}/{6}, notice J+{7} within {8} days, approval {9}")
    @CsvSource(nullValues = "-", value = {
        // segment,      type, amount,   count, r1, r2, r3, notice, deadline, approval, grace, minDays, channel 3
        "PME,            B2B, 1500,      2,     7,  15, -,  30,     8,        false,    5,     5,       -",
        "PME,            B2B, 12000,     2,     7,  15, -,  30,     8,        true,     5,     5,       -",
        "GRAND_COMPTE,   B2B, 1500,      3,     7,  15, 30, 45,     15,       true,     5,     5,       LETTER",
        "FIDELE,         B2B, 1500,      3,     7,  15, 30, 45,     15,       true,     7,     5,       LETTER",
        "MAUVAIS_PAYEUR, B2B, 1500,      2,     7,  15, -,  30,     8,        false,    3,     5,       -",
        "PME,            B2C, 300,       3,     7,  15, 30, 45,     15,       false,    7,     7,       LETTER",
        "GRAND_COMPTE,   B2C, 300,       3,     7,  15, 30, 45,     15,       false,    7,     7,       LETTER",
        "FIDELE,         B2C, 300,       3,     7,  15, 30, 45,     15,       false,    7,     7,       LETTER",
        "MAUVAIS_PAYEUR, B2C, 300,       2,     7,  15, -,  30,     15,       false,    3,     7,       -",
        "PME,            B2C, 6000,      3,     7,  15, 30, 45,     15,       true,     7,     7,       LETTER"
    })
    void everySegmentAndTypeHasItsLadder(String segment, String type, double amount, int count, int r1, int r2,
            Integer r3, int notice, int deadline, boolean approval, int grace, int minDays, String channel3) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey("scenario-recouvrement",
                Map.of("segment", segment, "debtorType", type, "amountDue", amount)).getSingleResult();

        assertThat(result.<Integer>getEntry("relanceCount")).isEqualTo(count);
        assertThat(result.<Integer>getEntry("preDueDays")).isEqualTo(7);
        assertThat(result.<Integer>getEntry("conciliationDay")).isEqualTo(1);
        assertThat(result.<Integer>getEntry("relance1Day")).isEqualTo(r1);
        assertThat(result.<Integer>getEntry("relance2Day")).isEqualTo(r2);
        assertThat(result.<Integer>getEntry("relance3Day")).isEqualTo(r3);
        assertThat(result.<Integer>getEntry("noticeDay")).isEqualTo(notice);
        assertThat(result.<Integer>getEntry("noticeDeadlineDays")).isEqualTo(deadline);
        assertThat(result.<Boolean>getEntry("noticeApproval")).isEqualTo(approval);
        assertThat(result.<Integer>getEntry("promiseGraceDays")).isEqualTo(grace);
        assertThat(result.<Integer>getEntry("minDaysBetween")).isEqualTo(minDays);
        assertThat(result.<String>getEntry("relance1Channel")).isEqualTo("EMAIL");
        assertThat(result.<String>getEntry("relance2Channel")).isEqualTo("EMAIL");
        assertThat(result.<String>getEntry("relance3Channel")).isEqualTo(channel3);
        // The notice comes after the last relance, on every rule an analyst may edit.
        assertThat(notice).isGreaterThan(r3 == null ? r2 : r3);
    }

    @ParameterizedTest(name = "insolvent={0} prescribed={1} disputed={2} {3} EUR -> {4}")
    @CsvSource({
        "true,  true,  true,  100,   DECLARATION_CREANCE",
        "false, true,  true,  100,   DECISION_MANAGER",
        "false, false, true,  100,   ASSIGNATION",
        "false, false, false, 5000,  PETITES_CREANCES",
        "false, false, false, 5000.01, INJONCTION_DE_PAYER",
        "false, false, false, 80000, INJONCTION_DE_PAYER"
    })
    void judicialRoutesInTheirPriorityOrder(boolean insolvent, boolean prescribed, boolean disputed, double amount,
            String route) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey("voie-judiciaire",
                Map.of("insolvent", insolvent, "prescribed", prescribed, "disputed", disputed, "amountDue", amount,
                        "debtorType", "B2B")).getSingleResult();

        assertThat(result.<String>getEntry("route")).isEqualTo(route);
        assertThat(result.<String>getEntry("routeLabel")).isNotBlank();
    }
}
