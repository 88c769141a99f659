package org.partyline.processor.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One client of the change feed: the events published since it subscribed, in order, in a bounded buffer. The feed
 * never waits for it: when an event finds the buffer full, the subscriber is cut off ({@link Ending#SLOW}) and the
 * events it holds are dropped, so that its client can be told and disconnected instead of silently missing events.
 * The feed's thread offers; one reader (the client's writer) polls.
 */
public final class Subscriber implements AutoCloseable {

    /** Why a subscriber gets no more events. */
    public enum Ending {
        /** Its buffer was full when an event came: the client reads too slowly. */
        SLOW,
        /** The feed was closed (the processor shuts down); the events buffered before are still delivered. */
        FEED_CLOSED,
        /** Its client went away ({@link #close()}). */
        CLOSED
    }

    private final int capacity;
    private final Consumer<Subscriber> onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ChangeEvent> buffer = new ArrayDeque<>();
    private Ending ending;

    Subscriber(int capacity, Consumer<Subscriber> onClose) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a subscriber's buffer holds at least 1 event, not " + capacity);
        }
        this.capacity = capacity;
        this.onClose = onClose;
    }

    /** How many events may wait for the client before it is cut off. */
    public int capacity() {
        return capacity;
    }

    /**
     * Buffers {@code event} for the client. Returns false when the buffer was full: the subscriber is then cut off
     * ({@link Ending#SLOW}) and its buffer dropped. An ended subscriber ignores events (and returns true).
     */
    boolean offer(ChangeEvent event) {
        lock.lock();
        try {
            if (ending != null) {
                return true;
            }
            if (buffer.size() >= capacity) {
                ending = Ending.SLOW;
                buffer.clear();
                changed.signalAll();
                return false;
            }
            buffer.addLast(event);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next event, waiting up to {@code timeout} for one; null when none came in that time or when the subscriber
     * has ended ({@link #ending()} says why). After {@link Ending#FEED_CLOSED} the buffered events still come first.
     */
    public ChangeEvent poll(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (true) {
                if (ending == Ending.SLOW || ending == Ending.CLOSED) {
                    return null;
                }
                if (!buffer.isEmpty()) {
                    return buffer.pollFirst();
                }
                if (ending == Ending.FEED_CLOSED || nanos <= 0) {
                    return null;
                }
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Why this subscriber gets no more events; empty while it is subscribed. */
    public Optional<Ending> ending() {
        lock.lock();
        try {
            return Optional.ofNullable(ending);
        } finally {
            lock.unlock();
        }
    }

    /** How many events wait to be polled. */
    public int buffered() {
        lock.lock();
        try {
            return buffer.size();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the subscriber, unless it has ended already, and wakes its reader. */
    void end(Ending why) {
        lock.lock();
        try {
            if (ending == null) {
                ending = why;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The client went away: unsubscribes. */
    @Override
    public void close() {
        end(Ending.CLOSED);
        onClose.accept(this);
    }
}
