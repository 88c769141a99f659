package org.partyline.processor.live;

/** Where a client subscribes to the change events; the REST layer's view of the feed. */
public interface ChangeSubscriptions {

    /** No feed: every subscription is refused. */
    ChangeSubscriptions NONE = () -> {
        throw new IllegalStateException("this instance serves no change feed");
    };

    /**
     * A new subscriber that receives every event published from now on, in order.
     *
     * @throws IllegalStateException when the feed is closed (or there is none)
     */
    Subscriber subscribe();
}
