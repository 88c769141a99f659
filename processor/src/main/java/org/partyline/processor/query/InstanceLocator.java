package org.partyline.processor.query;

import java.util.List;

/**
 * The port that says which instance holds a key of a store, how many partitions a store has, and which instances
 * exist. The runtime implementation is {@link StreamsInstanceLocator}.
 */
public interface InstanceLocator {

    /** This instance, as other instances reach it. */
    Instance self();

    /**
     * The holder of {@code key} in {@code store}. The key is the partitioning key of the store (the party, the
     * topic or the claimId), not the composite store key.
     */
    KeyOwner ownerOf(String store, String key);

    /** How many partitions {@code store} has: a list is complete only when every one of them answered. */
    int partitionCount(String store);

    /** Every instance of the application, this one included, sorted by host and port. */
    List<InstanceInfo> instances();
}
