package fr.recouvrement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.recouvrement.FastTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dates agents type in Tasklist: read strictly, kept as ISO, refused in French. Today is 24/11/2026. */
@FastTest
class FormDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String LABEL = "La date de dépôt à la Poste";

    private final Map<String, Object> variables = new HashMap<>();

    /** What a completed form leaves on the task: the field's text under its key. */
    private VariableScope typed(Object text) {
        variables.put("postedOn", text);
        VariableScope scope = mock(VariableScope.class);
        when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(scope)
                .setVariable(anyString(), any());
        return scope;
    }

    private LocalDate postedBetween(String text, LocalDate earliest) {
        return FormDates.between(typed(text), "postedOn", LABEL, earliest, "l'édition de la lettre", TODAY);
    }

    @Test
    void aFrenchDateIsKeptAsIso() {
        assertThat(FormDates.required(typed(" 05/01/2027 "), "postedOn", LABEL)).isEqualTo("2027-01-05");
        assertThat(variables).containsEntry("postedOn", "2027-01-05");
    }

    @Test
    void anIsoDateFromARestClientIsAcceptedAndLeftAsItIs() {
        VariableScope scope = typed("2027-01-05");

        assertThat(FormDates.required(scope, "postedOn", LABEL)).isEqualTo("2027-01-05");
        verify(scope, never()).setVariable(anyString(), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2027", "29/02/2027", "00/01/2027", "05/13/2027", "5/1/27", "05-01-2027",
            "2027-02-30", "demain"})
    void whatIsNotADayOfTheCalendarIsRefusedAndLeftAsTyped(String text) {
        assertThatThrownBy(() -> FormDates.required(typed(text), "postedOn", LABEL))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage(LABEL + " « " + text + " » n'est pas une date : écrivez-la jj/mm/aaaa, par exemple "
                        + "05/01/2027.");
        assertThat(variables).containsEntry("postedOn", text);
    }

    @Test
    void aLeapDayIsADay() {
        assertThat(FormDates.required(typed("29/02/2028"), "postedOn", LABEL)).isEqualTo("2028-02-29");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void anEmptyFieldIsOptionalOrRefusedWhenRequired(String text) {
        assertThat(FormDates.optional(typed(text), "postedOn", LABEL)).isEmpty();
        assertThatThrownBy(() -> FormDates.required(typed(text), "postedOn", LABEL))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("La date de dépôt à la Poste est à renseigner (jj/mm/aaaa).");
    }

    @Test
    void aMissingFieldIsEmpty() {
        assertThat(FormDates.optional(typed(null), "postedOn", LABEL)).isEmpty();
    }

    @Test
    void aDayBetweenTheEarliestAndTodayIsAcceptedBothIncluded() {
        assertThat(postedBetween("20/11/2026", LocalDate.of(2026, 11, 20))).isEqualTo("2026-11-20");
        assertThat(postedBetween("24/11/2026", LocalDate.of(2026, 11, 20))).isEqualTo("2026-11-24");
        assertThat(variables).containsEntry("postedOn", "2026-11-24");
    }

    @Test
    void aDayInTheFutureIsRefusedWithToday() {
        assertThatThrownBy(() -> postedBetween("25/11/2026", LocalDate.of(2026, 11, 20)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("La date de dépôt à la Poste, 25/11/2026, est dans le futur : au plus tard aujourd'hui, "
                        + "24/11/2026.");
    }

    @Test
    void aDayBeforeTheEarliestIsRefusedWithThatDay() {
        assertThatThrownBy(() -> postedBetween("2026-11-19", LocalDate.of(2026, 11, 20)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("La date de dépôt à la Poste, 19/11/2026, précède l'édition de la lettre : au plus tôt "
                        + "le 20/11/2026.");
    }

    @Test
    void anImpossibleDayIsRefusedBeforeAnyRange() {
        assertThatThrownBy(() -> postedBetween("31/02/2026", LocalDate.of(2026, 11, 20)))
                .hasMessageContaining("« 31/02/2026 » n'est pas une date");
    }

    @Test
    void agentsReadDatesTheFrenchWay() {
        assertThat(FormDates.french(LocalDate.of(2027, 1, 5))).isEqualTo("05/01/2027");
    }
}
