package org.partyline.processor.query;

import java.util.Set;

/**
 * The names of the stores the queries read (ARCHITECTURE.md, store table) and how their keys are partitioned.
 */
public final class Stores {
    public static final String STANCES = "stances";
    public static final String STANCE_HISTORY = "stance-history";
    public static final String STANCE_CHANGE_HISTORY = "stance-change-history";
    public static final String TOPIC_STANCES = "topic-stances";
    public static final String CLAIMS = "claims";
    public static final String PARTY_CLAIMS = "party-claims";

    /** Stores partitioned by a repartition topic with plain UTF-8 string keys; the others follow the input topics. */
    private static final Set<String> REPARTITIONED = Set.of(TOPIC_STANCES, PARTY_CLAIMS);

    private Stores() {
    }

    /** Whether the store's partitions follow a repartition topic keyed by plain UTF-8 strings. */
    public static boolean isRepartitioned(String store) {
        return REPARTITIONED.contains(store);
    }
}
