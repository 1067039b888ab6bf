package fr.recouvrement.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import fr.recouvrement.dunning.LadderSteps;
import fr.recouvrement.event.EventReporting;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expression rules on their own, against the real step beans' classes; the REST tests cover the rest. */
@FastTest
class ExpressionCheckTest {

    private final ExpressionCheck check = new ExpressionCheck(ScenarioSteps.of(Map.of(
            "ladderSteps", LadderSteps.class, "eventReporting", EventReporting.class)));

    @ParameterizedTest
    @ValueSource(strings = {
        "${ladderSteps.planStep(execution, 'RELANCE_1')}",
        "#{ladderSteps.resumeLadder(execution)}",
        "${eventReporting.recordResolver(task)}",
        "${stepAt}",
        "${voie.route}",
        "#{execution.processBusinessKey}",
        "D-${number}/${step}",
        "${amount * 2 > 100 ? 'GROS' : 'PETIT'}",
        "${empty invoices}",
        "no expression at all",
    })
    void allows(String expression) {
        assertThat(check.problems(expression, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "${!insolvent && (registryStatus == 'CLOSED' || debtorReview == 'DECISION')}",
        "${scenario.relanceCount != 3}",
        "${amount ge 5000 and not disputed}",
        "${x eq null}",
    })
    void allowsConditions(String condition) {
        assertThat(check.problems(condition, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "${clock.instant()}",
        "${ladderSteps.toString()}",
        "${ladderSteps.planStep(execution)}",
        "${ladderSteps.planStep(execution, step)}",
        "${ladderSteps.planStep(execution, runtimeService)}",
        "${ladderSteps.planStep(execution, x.y)}",
        "${ladderSteps}",
        "${ladderSteps.class}",
        "${x . getClass ( ) . forName ( 'java.lang.Runtime' )}",
        "${''.getClass()}",
        "${execution.getProcessEngine()}",
        "${execution.processEngineServices}",
        "${task.execution}",
        "${execution}",
        "${a.b.c}",
        "${a['b']}",
        "${ladderSteps['planStep'](execution, 'X')}",
        "${now()}",
        "${S(json).prop('x')}",
        "${not closed",
    })
    void refuses(String expression) {
        assertThat(check.problems(expression, false)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "${amount + 1 > 3}",
        "${empty invoices}",
        "${a ? b : c}",
        "${-amount < 0}",
        "${ladderSteps.planStep(execution, 'X') == null}",
        "${scenario.relanceCount.toString() == '3'}",
    })
    void refusesInConditions(String condition) {
        assertThat(check.problems(condition, true)).isNotEmpty();
    }
}
