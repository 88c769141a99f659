package org.partyline.processor.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChangeFanoutTest {
    private static final Duration NO_WAIT = Duration.ZERO;

    private static ChangeEvent event(int offset) {
        return new ChangeEvent("stance-changes", offset % 3, offset, "stance-change", "{\"n\":" + offset + "}");
    }

    private static List<Long> drain(Subscriber subscriber) throws InterruptedException {
        List<Long> offsets = new ArrayList<>();
        for (ChangeEvent e = subscriber.poll(NO_WAIT); e != null; e = subscriber.poll(NO_WAIT)) {
            offsets.add(e.offset());
        }
        return offsets;
    }

    private static List<Long> range(int from, int to) {
        List<Long> offsets = new ArrayList<>();
        for (long i = from; i < to; i++) {
            offsets.add(i);
        }
        return offsets;
    }

    @Test
    void shouldGiveEverySubscriberEveryEventInOrder() throws InterruptedException {
        ChangeFanout fanout = new ChangeFanout(100, FeedObserver.NONE);
        Subscriber first = fanout.subscribe();
        Subscriber second = fanout.subscribe();
        for (int i = 0; i < 50; i++) {
            fanout.publish(event(i));
        }

        assertEquals(range(0, 50), drain(first));
        assertEquals(range(0, 50), drain(second));
        assertEquals(2, fanout.subscribers());
    }

    @Test
    void shouldGiveASubscriberOnlyWhatWasPublishedAfterItSubscribed() throws InterruptedException {
        ChangeFanout fanout = new ChangeFanout(100, FeedObserver.NONE);
        Subscriber early = fanout.subscribe();
        fanout.publish(event(0));
        fanout.publish(event(1));
        Subscriber late = fanout.subscribe();
        fanout.publish(event(2));

        assertEquals(List.of(0L, 1L, 2L), drain(early));
        assertEquals(List.of(2L), drain(late));
    }

    @Test
    void shouldCutOffASubscriberThatDoesNotDrainWhileAFastOneReceivesEverything() throws InterruptedException {
        AtomicInteger cutOff = new AtomicInteger();
        ChangeFanout fanout = new ChangeFanout(10, cutOff::incrementAndGet);
        Subscriber slow = fanout.subscribe();
        Subscriber fast = fanout.subscribe();
        List<Long> received = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fanout.publish(event(i));
            received.addAll(drain(fast));
        }

        assertEquals(range(0, 100), received);
        assertEquals(Optional.of(Subscriber.Ending.SLOW), slow.ending());
        assertNull(slow.poll(NO_WAIT), "a subscriber cut off gets nothing more, not even what it had buffered");
        assertEquals(Optional.empty(), fast.ending());
        assertEquals(1, cutOff.get());
        assertEquals(1, fanout.subscribers());
    }

    @Test
    void shouldCutOffOnlyWhenAnEventFindsTheBufferFull() throws InterruptedException {
        ChangeFanout fanout = new ChangeFanout(3, FeedObserver.NONE);
        Subscriber subscriber = fanout.subscribe();
        for (int i = 0; i < 3; i++) {
            fanout.publish(event(i));
        }
        assertEquals(Optional.empty(), subscriber.ending(), "a full buffer is not yet an overflow");
        assertEquals(3, subscriber.buffered());

        fanout.publish(event(3));
        assertEquals(Optional.of(Subscriber.Ending.SLOW), subscriber.ending());
    }

    @Test
    void shouldWakeAWaitingReaderWithTheNextEvent() throws Exception {
        ChangeFanout fanout = new ChangeFanout(10, FeedObserver.NONE);
        Subscriber subscriber = fanout.subscribe();
        Thread publisher = new Thread(() -> {
            sleep(100);
            fanout.publish(event(7));
        });
        publisher.start();

        ChangeEvent got = subscriber.poll(Duration.ofSeconds(10));
        publisher.join();
        assertEquals(7, got.offset());
    }

    @Test
    void shouldLetSubscribersReadWhatTheyHeldWhenTheFeedClosesThenEnd() throws InterruptedException {
        ChangeFanout fanout = new ChangeFanout(10, FeedObserver.NONE);
        Subscriber subscriber = fanout.subscribe();
        fanout.publish(event(0));
        fanout.close();

        assertEquals(List.of(0L), drain(subscriber));
        assertEquals(Optional.of(Subscriber.Ending.FEED_CLOSED), subscriber.ending());
        assertNull(subscriber.poll(Duration.ofSeconds(10)), "an ended subscriber does not wait");
        assertThrows(IllegalStateException.class, fanout::subscribe);
    }

    @Test
    void shouldForgetASubscriberWhoseClientWentAway() throws InterruptedException {
        ChangeFanout fanout = new ChangeFanout(10, FeedObserver.NONE);
        Subscriber gone = fanout.subscribe();
        Subscriber staying = fanout.subscribe();
        gone.close();
        fanout.publish(event(0));

        assertEquals(1, fanout.subscribers());
        assertEquals(Optional.of(Subscriber.Ending.CLOSED), gone.ending());
        assertNull(gone.poll(NO_WAIT));
        assertTrue(drain(staying).contains(0L));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
