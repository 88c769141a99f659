package org.partyline.processor.live;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of the change feed and the hand-out of each event to all of them. Publishing never waits: each
 * subscriber has its own bounded buffer, and one whose buffer is full is cut off ({@link Subscriber.Ending#SLOW})
 * and dropped, so a slow client never holds the others back. No Kafka and no HTTP here.
 */
public final class ChangeFanout implements ChangeSubscriptions, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFanout.class);

    private final int capacity;
    private final FeedObserver observer;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param capacity how many events each subscriber's buffer holds */
    public ChangeFanout(int capacity, FeedObserver observer) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the buffer of each client holds at least 1 event, not " + capacity);
        }
        this.capacity = capacity;
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public Subscriber subscribe() {
        if (closed) {
            throw new IllegalStateException("the change feed is closed");
        }
        Subscriber subscriber = new Subscriber(capacity, subscribers::remove);
        subscribers.add(subscriber);
        if (closed) {
            subscribers.remove(subscriber);
            subscriber.end(Subscriber.Ending.FEED_CLOSED);
        }
        return subscriber;
    }

    /** Hands {@code event} to every subscriber; cuts off those whose buffer is full. */
    public void publish(ChangeEvent event) {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.offer(event)) {
                subscribers.remove(subscriber);
                observer.slowSubscriberCutOff();
                LOG.warn("Cut off a client of the change feed: its {} buffered events were not read when event {} came",
                        capacity, event.id());
            }
        }
    }

    /** How many subscribers receive events now. */
    public int subscribers() {
        return subscribers.size();
    }

    /** How many events each subscriber's buffer holds. */
    public int capacity() {
        return capacity;
    }

    /** Ends every subscriber (after what it has buffered) and refuses new ones. */
    @Override
    public void close() {
        closed = true;
        for (Subscriber subscriber : subscribers) {
            subscriber.end(Subscriber.Ending.FEED_CLOSED);
        }
        subscribers.clear();
    }
}
