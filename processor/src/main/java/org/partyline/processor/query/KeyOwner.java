package org.partyline.processor.query;

/** Which instance holds the partition of a key in a store. */
public sealed interface KeyOwner {

    /** This instance holds it. */
    record Local() implements KeyOwner {
    }

    /** Another instance holds it. */
    record Remote(Instance instance) implements KeyOwner {
    }

    /** Nobody can say right now (not started, rebalancing, store unknown to the metadata). */
    record Unavailable(String reason) implements KeyOwner {
    }
}
