package fr.recouvrement.dunning;

import java.util.List;
import java.util.Map;

/**
 * The dated steps of a dossier's ladder (DESIGN §3), in order, with the DMN outputs that date them and choose their
 * channel. Their number of days counts from J, the dossier's origin.
 */
enum LadderStep {
    RELANCE_1("relance1Day", "relance1Channel"),
    RELANCE_2("relance2Day", "relance2Channel"),
    RELANCE_3("relance3Day", "relance3Channel"),
    MISE_EN_DEMEURE("noticeDay", null);

    private final String dayOutput;
    private final String channelOutput;

    LadderStep(String dayOutput, String channelOutput) {
        this.dayOutput = dayOutput;
        this.channelOutput = channelOutput;
    }

    /** The step's day after J, or null when the scenario has no such step (two relances only). */
    Integer day(Map<String, Object> scenario) {
        Object day = scenario.get(dayOutput);
        return day == null ? null : ((Number) day).intValue();
    }

    String channel(Map<String, Object> scenario) {
        return channelOutput == null ? "LRAR" : (String) scenario.get(channelOutput);
    }

    /** The steps after this one that the scenario has. */
    List<LadderStep> later(Map<String, Object> scenario) {
        return java.util.Arrays.stream(values()).filter(s -> s.ordinal() > ordinal() && s.day(scenario) != null).toList();
    }
}
