package org.partyline.processor.query;

import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of the routes this API adds to the contract for its dashboard ({@code /api/activity},
 * {@code /api/topics}) and of the internal parts they are gathered from. Field order is the order on the wire.
 */
public final class ExtensionBodies {

    private ExtensionBodies() {
    }

    /** {@code /api/activity}: the parties and the topics with the most statements, most first, then by name. */
    public record Activity(List<PartyActivity> parties, List<TopicActivity> topics) {
    }

    public record PartyActivity(String party, long statements) {
    }

    public record TopicActivity(String topic, long statements) {
    }

    /** {@code /api/topics}: one page of topic names in code point order, and the cursor of the next (or null). */
    public record Topics(List<String> topics, String next) {
    }

    /**
     * Internal: the statements one instance's up-to-date active partitions of {@code stances} count, and which
     * partitions: its busiest parties (each party's count is complete there) and every topic (a part of its count).
     */
    public record ActivityPart(List<PartyActivity> parties, List<TopicActivity> topics,
                               Map<String, List<Integer>> partitions) {
    }
}
