package fr.recouvrement.kpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.debtor.SegmentCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The grace after a promise or a plan's instalment, {@code promiseGraceDays}: a figure of the scenario, so it comes
 * from the latest deployed {@code scenario-recouvrement}, once per segment and debtor type rather than per dossier.
 * It is read for an amount due of zero: the shipped table's grace depends on the segment and type only, except that a
 * consumer owing over 5,000 EUR gets the general consumer grace even when a chronic late payer.
 *
 * <p>The table is evaluated by a DMN engine of the application's, not the process engine's: reading a figure is not a
 * decision the engine should record in its history, and the KPIs are read in a read-only transaction.
 */
@Component
class PromiseGrace {

    /** A segment and debtor type that a figure needs the grace of. */
    record Debtors(String segment, String type) {
    }

    private record Parsed(String definitionId, DmnDecision decision) {
    }

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final RepositoryService repository;
    private final ObjectMapper json;
    /** The latest version, parsed once; a deployment gives a new definition id. */
    private final AtomicReference<Parsed> parsed = new AtomicReference<>();

    PromiseGrace(RepositoryService repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /**
     * The grace of each, as a JSON array of {@code {segment, type, days}} for {@code jsonb_to_recordset}; a segment no
     * rule matches (one the table no longer names) gets no grace.
     */
    String asJson(List<Debtors> debtors) {
        if (debtors.isEmpty()) {
            return "[]";
        }
        DmnDecision decision = latest();
        List<Map<String, Object>> rows = debtors.stream().map(d -> Map.<String, Object>of(
                "segment", d.segment(), "type", d.type(), "days", days(decision, d))).toList();
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the graces " + rows, e);
        }
    }

    private int days(DmnDecision decision, Debtors debtors) {
        DmnDecisionResultEntries decided = dmn.evaluateDecision(decision, Variables.createVariables()
                        .putValue("segment", debtors.segment()).putValue("debtorType", debtors.type())
                        .putValue("amountDue", 0.0))
                .getSingleResult();
        Object grace = decided == null ? null : decided.get("promiseGraceDays");
        return grace == null ? 0 : ((Number) grace).intValue();
    }

    private DmnDecision latest() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(SegmentCatalogue.DECISION_KEY).withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("Aucune décision « " + SegmentCatalogue.DECISION_KEY + " » n'est déployée.");
        }
        Parsed known = parsed.get();
        if (known != null && known.definitionId().equals(latest.getId())) {
            return known.decision();
        }
        try (InputStream model = repository.getDecisionModel(latest.getId())) {
            DmnDecision decision = dmn.parseDecision(SegmentCatalogue.DECISION_KEY, model);
            parsed.set(new Parsed(latest.getId(), decision));
            return decision;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
