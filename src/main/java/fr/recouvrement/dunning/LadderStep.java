package fr.recouvrement.dunning;

import java.util.Arrays;
import java.util.List;

/**
 * The dated steps of a dossier's ladder (docs/architecture.md §3), in order, dated and given a channel by the
 * scenario. Their number of days counts from J, the dossier's origin.
 */
public enum LadderStep {
    RELANCE_1,
    RELANCE_2,
    RELANCE_3,
    MISE_EN_DEMEURE;

    /** The step's day after J, or null when the scenario has no such step (two relances only). */
    public Integer day(Scenario scenario) {
        return switch (this) {
            case RELANCE_1 -> scenario.relance1Day();
            case RELANCE_2 -> scenario.relance2Day();
            case RELANCE_3 -> scenario.relance3Day();
            case MISE_EN_DEMEURE -> scenario.noticeDay();
        };
    }

    public String channel(Scenario scenario) {
        return switch (this) {
            case RELANCE_1 -> scenario.relance1Channel();
            case RELANCE_2 -> scenario.relance2Channel();
            case RELANCE_3 -> scenario.relance3Channel();
            case MISE_EN_DEMEURE -> "LRAR";
        };
    }

    /** The steps after this one that the scenario has. */
    public List<LadderStep> later(Scenario scenario) {
        return Arrays.stream(values()).filter(s -> s.ordinal() > ordinal() && s.day(scenario) != null).toList();
    }
}
