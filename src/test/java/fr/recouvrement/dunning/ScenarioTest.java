package fr.recouvrement.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.FastTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenario variable as the decision's map, read through the typed record. */
@FastTest
class ScenarioTest {

    private static Map<String, Object> decision() {
        Map<String, Object> outputs = new HashMap<>();
        outputs.put("preDueDays", 7);
        outputs.put("conciliationDay", 1);
        outputs.put("relance1Day", 7);
        outputs.put("relance2Day", 15);
        outputs.put("relance3Day", null);
        outputs.put("relanceCount", 2);
        outputs.put("noticeDay", 30);
        outputs.put("noticeDeadlineDays", 8);
        outputs.put("noticeApproval", false);
        outputs.put("promiseGraceDays", 5);
        outputs.put("minDaysBetween", 5);
        outputs.put("taskSlaDays", 2);
        outputs.put("relance1Channel", "EMAIL");
        outputs.put("relance2Channel", "EMAIL");
        outputs.put("relance3Channel", null);
        return outputs;
    }

    @Test
    void aDecisionDeployedBeforeCallAttemptsExistedGivesThreeAndANewOneItsOwn() {
        assertThat(Scenario.of(decision()).conciliationAttempts()).isEqualTo(3);
        Map<String, Object> outputs = decision();
        outputs.put("conciliationAttempts", 5);
        assertThat(Scenario.of(outputs).conciliationAttempts()).isEqualTo(5);
    }

    @Test
    void readsTheDecisionsOutputs() {
        Scenario scenario = Scenario.of(decision());

        assertThat(scenario).isEqualTo(new Scenario(7, 7, 15, null, 30, 8, 5, 5, 2, "EMAIL", "EMAIL", null, 3));
        assertThat(LadderStep.RELANCE_3.day(scenario)).isNull();
        assertThat(LadderStep.RELANCE_1.later(scenario))
                .containsExactly(LadderStep.RELANCE_2, LadderStep.MISE_EN_DEMEURE);
        assertThat(LadderStep.MISE_EN_DEMEURE.channel(scenario)).isEqualTo("LRAR");
    }

    @Test
    void anyNumberTypeTheEngineGivesIsRead() {
        Map<String, Object> outputs = decision();
        outputs.put("relance3Day", 30L);
        outputs.put("relance3Channel", "LETTER");

        Scenario scenario = Scenario.of(outputs);

        assertThat(scenario.relance3Day()).isEqualTo(30);
        assertThat(LadderStep.RELANCE_2.later(scenario))
                .containsExactly(LadderStep.RELANCE_3, LadderStep.MISE_EN_DEMEURE);
    }

    @Test
    void aMissingOutputIsNamed() {
        Map<String, Object> outputs = decision();
        outputs.remove("taskSlaDays");

        assertThatThrownBy(() -> Scenario.of(outputs)).hasMessageContaining("taskSlaDays");
        assertThatThrownBy(() -> Scenario.of(null)).hasMessageContaining("scenario");
    }
}
