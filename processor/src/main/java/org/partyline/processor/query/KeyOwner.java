package org.partyline.processor.query;

import java.util.List;

/**
 * Which instance holds the partition of a key in a store (its active copy), and which instances keep a standby
 * copy of it (KIP-535). {@code partition} is -1 when the metadata cannot say.
 */
public sealed interface KeyOwner {

    int partition();

    /** Instances with a standby copy of the partition (this one included, when it has one). */
    List<Instance> standbys();

    /** This instance holds the active copy. */
    record Local(int partition, List<Instance> standbys) implements KeyOwner {
    }

    /** Another instance holds the active copy. */
    record Remote(Instance instance, int partition, List<Instance> standbys) implements KeyOwner {
    }

    /** No instance is known to hold the active copy right now (not started, rebalancing, store unknown). */
    record Unavailable(String reason, int partition, List<Instance> standbys) implements KeyOwner {
    }
}
