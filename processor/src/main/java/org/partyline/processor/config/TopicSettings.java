package org.partyline.processor.config;

import java.util.Optional;

/** The topics' names and how the processor creates them. */
public final class TopicSettings {
    public static final String TOPIC_STATEMENTS = "topic.statements";
    public static final String TOPIC_CLAIMS = "topic.claims";
    public static final String TOPIC_STANCE_CHANGES = "topic.stance-changes";
    public static final String TOPIC_CLAIM_STATUS = "topic.claim-status";
    public static final String TOPIC_DLQ = "topic.dlq";
    public static final String PARTITIONS = "partitions";
    public static final String REPLICATION_FACTOR = "replication.factor";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

    static final SettingGroup GROUP = SettingGroup.of("Topics",
            Setting.of(TOPIC_STATEMENTS, "statements", "NAME", "Input topic of statements."),
            Setting.of(TOPIC_CLAIMS, "claims", "NAME", "Input topic of claim events."),
            Setting.of(TOPIC_STANCE_CHANGES, "stance-changes", "NAME", "Output topic of stance changes."),
            Setting.of(TOPIC_CLAIM_STATUS, "claim-status", "NAME", "Output topic of claim status changes."),
            Setting.of(TOPIC_DLQ, "partyline-dlq", "NAME", "Dead-letter topic of records that could not be"
                    + " processed."),
            Setting.of(PARTITIONS, "3", "N", "Partitions of the input and output topics created when"
                    + " missing, and of the embedded broker's topics."),
            Setting.of(REPLICATION_FACTOR, "1", "N", "Replication factor of the topics the processor creates and of"
                    + " Kafka Streams' internal topics."),
            Setting.of(MIN_INSYNC_REPLICAS, null, "N", "min.insync.replicas of the topics the processor creates (1 to"
                    + " replication.factor); the broker's default when not set."));

    private TopicSettings() {
    }

    /** {@code min.insync.replicas} of the topics the processor creates; empty: the broker's default. */
    public static Optional<Integer> minInsyncReplicas(PartylineConfig config) {
        return config.optional(MIN_INSYNC_REPLICAS).map(v -> config.intValue(MIN_INSYNC_REPLICAS));
    }

    static void validate(PartylineConfig config) {
        PartylineConfig.requireAtLeast(config, PARTITIONS, 1, "must be at least 1");
        PartylineConfig.requireAtLeast(config, REPLICATION_FACTOR, 1, "must be at least 1");
        Optional<Integer> minInsync = minInsyncReplicas(config);
        int replication = config.intValue(REPLICATION_FACTOR);
        if (minInsync.isPresent() && (minInsync.get() < 1 || minInsync.get() > replication)) {
            throw new PartylineConfig.ConfigException(MIN_INSYNC_REPLICAS + " must be from 1 to " + REPLICATION_FACTOR
                    + " (" + replication + "), not " + minInsync.get());
        }
    }
}
