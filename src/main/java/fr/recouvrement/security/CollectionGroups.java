package fr.recouvrement.security;

import java.util.List;

/** The candidate groups of docs/architecture.md §4; the same ids appear in the BPMN and in Admin. */
public final class CollectionGroups {

    public static final String AGENTS = "agents-recouvrement";
    public static final String MANAGERS = "managers-recouvrement";
    public static final String ANALYSTS = "analystes";
    public static final String LEGAL = "juridique";

    /** Read access to the API. */
    public static final List<String> READERS = List.of(AGENTS, MANAGERS, ANALYSTS, LEGAL);
    /** Write access to the API. */
    public static final List<String> WRITERS = List.of(AGENTS, MANAGERS);

    private CollectionGroups() {
    }
}
