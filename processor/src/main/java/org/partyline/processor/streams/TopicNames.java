package org.partyline.processor.streams;

import java.util.Objects;

/** The topics Partyline reads and writes (CONTRACT section 3); each can be configured. */
public record TopicNames(String statements, String claims, String stanceChanges, String claimStatus, String dlq) {

    public TopicNames {
        Objects.requireNonNull(statements, "statements");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(stanceChanges, "stanceChanges");
        Objects.requireNonNull(claimStatus, "claimStatus");
        Objects.requireNonNull(dlq, "dlq");
    }

    public static TopicNames defaults() {
        return new TopicNames("statements", "claims", "stance-changes", "claim-status", "partyline-dlq");
    }
}
