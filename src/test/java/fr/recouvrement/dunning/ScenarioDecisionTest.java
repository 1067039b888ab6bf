package fr.recouvrement.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fr.recouvrement.FastTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bpmn/scenario-recouvrement.dmn and bpmn/voie-judiciaire.dmn as the files say, on a DMN engine of their own: the
 * default scenario of docs/architecture.md §3 for every segment and type, the judicial routes in their order, and the rules an
 * analyst may edit kept consistent.
 */
@FastTest
class ScenarioDecisionTest {

    private static final Path SCENARIO = Path.of("bpmn", "scenario-recouvrement.dmn");
    private static final Path ROUTES = Path.of("bpmn", "voie-judiciaire.dmn");
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision SCENARIO_DECISION = parse("scenario-recouvrement", SCENARIO);
    private static final DmnDecision ROUTE_DECISION = parse("voie-judiciaire", ROUTES);

    private static DmnDecision parse(String key, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return DMN.parseDecision(key, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
        "PME,            B2C, 6000,      3,     7,  15, 30, 45,     15,       true,     7,     7,       LETTER",
        "PME,            PUBLIC, 1500,   3,     7,  15, 30, 45,     15,       true,     5,     5,       LETTER",
        "GRAND_COMPTE,   PUBLIC, 80000,  3,     7,  15, 30, 45,     15,       true,     5,     5,       LETTER",
        "MAUVAIS_PAYEUR, PUBLIC, 300,    3,     7,  15, 30, 45,     15,       true,     5,     5,       LETTER"
    })
    void everySegmentAndTypeHasItsLadder(String segment, String type, double amount, int count, int r1, int r2,
            Integer r3, int notice, int deadline, boolean approval, int grace, int minDays, String channel3) {
        DmnDecisionRuleResult result = DMN.evaluateDecisionTable(SCENARIO_DECISION,
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
    }

    /**
     * Every rule of the table, as an analyst may edit it in the Modeler, not only those the cases above reach: relances
     * on increasing days, the notice after the last of them, and as many relances as {@code relanceCount} says (the
     * diagram sends a third relance when it says 3).
     */
    @Test
    void everyRuleSendsItsRelancesInOrderThenTheNotice() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Rule> rules = scenarioRules();
        assertThat(rules).isNotEmpty();
        for (Rule rule : rules) {
            Map<String, String> out = outputsByName(rule);
            Integer r1 = day(out, "relance1Day");
            Integer r2 = day(out, "relance2Day");
            Integer r3 = day(out, "relance3Day");
            Integer notice = day(out, "noticeDay");
            Integer count = day(out, "relanceCount");
            String id = "rule " + rule.getId() + ": ";
            if (r1 == null || r2 == null || notice == null || count == null) {
                problems.add(id + "relance1Day, relance2Day, noticeDay and relanceCount are required");
                continue;
            }
            if (r1 >= r2 || r3 != null && r2 >= r3) {
                problems.add(id + "relance days do not increase: " + r1 + ", " + r2 + ", " + r3);
            }
            int last = r3 == null ? r2 : r3;
            if (notice <= last) {
                problems.add(id + "the notice (J+" + notice + ") is not after the last relance (J+" + last + ")");
            }
            long days = Stream.of(r1, r2, r3).filter(Objects::nonNull).count();
            if (count != days) {
                problems.add(id + "relanceCount " + count + " but " + days + " relance days");
            }
            // A third relance needs a channel to go out on, and only a third relance has one.
            if ((r3 == null) != "null".equals(out.get("relance3Channel"))) {
                problems.add(id + "relance3Channel " + out.get("relance3Channel") + " with relance3Day " + r3);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<Rule> scenarioRules() throws IOException {
        try (InputStream in = Files.newInputStream(SCENARIO)) {
            DecisionTable table = Dmn.readModelFromStream(in).getModelElementById("scenario-recouvrement-table");
            return List.copyOf(table.getRules());
        }
    }

    /** A rule's output entries by output name: entries come in the order of the table's outputs. */
    private static Map<String, String> outputsByName(Rule rule) {
        DecisionTable table = (DecisionTable) rule.getParentElement();
        Map<String, String> byName = new HashMap<>();
        Iterator<OutputEntry> entries = rule.getOutputEntries().iterator();
        for (Output output : table.getOutputs()) {
            byName.put(output.getName(), entries.next().getText().getTextContent().trim());
        }
        return byName;
    }

    /** A day, or a count, as the table writes it: a plain number, or null (or empty) for none. */
    private static Integer day(Map<String, String> outputs, String name) {
        String text = Objects.requireNonNull(outputs.get(name), () -> "no output " + name);
        if (text.isEmpty() || "null".equals(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return fail("%s must be a plain number, found %s", name, text);
        }
    }

    @ParameterizedTest(name = "insolvent={0} prescribed={1} disputed={2} {3} EUR {4} -> {5}")
    @CsvSource({
        "true,  true,  true,  100,     B2B,    DECLARATION_CREANCE",
        "false, true,  true,  100,     B2B,    DECISION_MANAGER",
        "false, false, true,  100,     B2B,    ASSIGNATION",
        "false, false, false, 5000,    B2B,    PETITES_CREANCES",
        "false, false, false, 5000.01, B2B,    INJONCTION_DE_PAYER",
        "false, false, false, 80000,   B2B,    INJONCTION_DE_PAYER",
        "false, false, false, 80000,   B2C,    INJONCTION_DE_PAYER",
        "false, true,  false, 800,     PUBLIC, DECISION_MANAGER",
        "false, false, true,  800,     PUBLIC, REFERE_PROVISION_TA",
        "false, false, false, 800,     PUBLIC, REFERE_PROVISION_TA",
        "false, false, false, 80000,   PUBLIC, REFERE_PROVISION_TA",
        // One dossier, evaluated per group (docs/droit-francais.md §6): F-1 disputed, 1,200 + 16.96 penalties, alone;
        // F-2 + F-3 = 2,000 + 4,500 + 91.89 penalties = 6,591.89 together, where each alone would be a small claim.
        "false, false, true,  1216.96, B2B,    ASSIGNATION",
        "false, false, false, 6591.89, B2B,    INJONCTION_DE_PAYER",
        "false, false, false, 2028.27, B2B,    PETITES_CREANCES"
    })
    void judicialRoutesInTheirPriorityOrder(boolean insolvent, boolean prescribed, boolean disputed, double amount,
            String type, String route) {
        DmnDecisionRuleResult result = DMN.evaluateDecisionTable(ROUTE_DECISION,
                Map.of("insolvent", insolvent, "prescribed", prescribed, "disputed", disputed, "amountDue", amount,
                        "debtorType", type)).getSingleResult();

        assertThat(result.<String>getEntry("route")).isEqualTo(route);
        assertThat(result.<String>getEntry("routeLabel")).isNotBlank();
    }
}
