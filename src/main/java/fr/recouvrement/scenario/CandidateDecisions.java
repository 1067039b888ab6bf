package fr.recouvrement.scenario;

import fr.recouvrement.api.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Decision tables an analyst uploads to try, parsed and evaluated by a DMN engine of their own (the process engine's
 * expects a deployment around a decision) but never deployed; and the deployed ones they are compared with.
 */
@Component
class CandidateDecisions {

    static final String SCENARIO = "scenario-recouvrement";
    static final String ROUTE = "voie-judiciaire";

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DecisionService decisions;

    CandidateDecisions(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** One decision to evaluate: an uploaded candidate, or the deployed latest version when there is none. */
    interface Decision {
        DmnDecisionResult evaluate(Map<String, Object> inputs);
    }

    Decision deployed(String key) {
        return inputs -> decisions.evaluateDecisionByKey(key).variables(inputs).evaluate();
    }

    /**
     * @param field the upload's part name, named in the 400 when the file is not a decision table with that key
     */
    Optional<Decision> parse(MultipartFile file, String key, String field) {
        if (file == null || file.isEmpty()) {
            return Optional.empty();
        }
        DmnDecision decision;
        try {
            decision = dmn.parseDecision(key, new ByteArrayInputStream(file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // The DMN engine says what is wrong (XML, a FEEL expression, a missing decision): the analyst needs it.
            throw new InvalidInputException(field, "« " + file.getOriginalFilename() + " » n'est pas une table de"
                    + " décision « " + key + " » utilisable : " + e.getMessage());
        }
        return Optional.of(inputs -> dmn.evaluateDecision(decision, inputs));
    }
}
