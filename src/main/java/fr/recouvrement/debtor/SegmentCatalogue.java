package fr.recouvrement.debtor;

import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The segments a debtor may have: those the latest deployed version of {@code scenario-recouvrement} names in its
 * segment column (docs/architecture.md §3), so that a new segment is a DMN change only. The diagrams evaluate that
 * same latest version (their {@code decisionRef} binds to the latest), so an accepted segment is one the scenario
 * routes on.
 *
 * <p>It lives with the debtor, whose segment it checks, rather than with the scenario's process adapters in
 * {@code dunning}: {@code invoice} already depends on {@code debtor}, and {@code dunning} depends on {@code invoice}, so
 * putting it in {@code dunning} would make the two packages depend on each other.
 */
@Component
public class SegmentCatalogue {

    public static final String DECISION_KEY = "scenario-recouvrement";

    private static final Logger log = LoggerFactory.getLogger(SegmentCatalogue.class);

    private final RepositoryService repository;
    /**
     * The segments of one decision definition. A deployment always gives a new definition id, so the id is the whole
     * key: a request costs one query for the latest id, and the DMN is parsed once per version. Only the latest is kept.
     */
    private final AtomicReference<Read> last = new AtomicReference<>();

    private record Read(String definitionId, KnownSegments segments) {
    }

    public SegmentCatalogue(RepositoryService repository) {
        this.repository = repository;
    }

    /**
     * @throws IllegalStateException when no scenario is deployed or it has no segment column (see {@link SegmentColumn})
     */
    public KnownSegments current() {
        // Without tenant, as the diagrams, deployed without tenant, resolve their decisionRef.
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("Aucune décision « " + DECISION_KEY + " » n'est déployée.");
        }
        Read known = last.get();
        if (known != null && known.definitionId().equals(latest.getId())) {
            return known.segments();
        }
        SegmentColumn.Reading reading = SegmentColumn.read(repository.getDmnModelInstance(latest.getId()),
                DECISION_KEY);
        log.info("Segments of {} version {} ({}): {}", DECISION_KEY, latest.getVersion(), latest.getId(),
                reading.segments());
        if (!reading.ignored().isEmpty()) {
            log.warn("{} version {}: these entries of the segment column name no segment the API can accept (only"
                    + " string literals do, docs/architecture.md §3): {}", DECISION_KEY, latest.getVersion(),
                    reading.ignored());
        }
        // Two requests meeting a new version both parse it: harmless, and simpler than a lock.
        last.set(new Read(latest.getId(), reading.segments()));
        return reading.segments();
    }
}
