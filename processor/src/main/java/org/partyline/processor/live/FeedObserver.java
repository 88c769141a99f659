package org.partyline.processor.live;

/** Told when the feed cuts off a client that reads too slowly, so that it can be counted. Must not block. */
@FunctionalInterface
public interface FeedObserver {

    /** Observes nothing. */
    FeedObserver NONE = () -> {
    };

    /** A subscriber's buffer was full when an event came: it was cut off. */
    void slowSubscriberCutOff();
}
