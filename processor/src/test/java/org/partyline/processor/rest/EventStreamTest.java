package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partyline.processor.live.ChangeEvent;
import org.partyline.processor.live.ChangeFanout;
import org.partyline.processor.live.ChangeSubscriptions;
import org.partyline.processor.live.FeedObserver;
import org.partyline.processor.live.Subscriber;
import org.partyline.processor.query.FakeLocator;
import org.partyline.processor.query.FakeStores;

/** {@code GET /api/events} over HTTP, fed by an in-memory {@link ChangeFanout} instead of Kafka. */
class EventStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKEN = "events-t0ken";

    private final List<AutoCloseable> open = new ArrayList<>();
    private RestServer server;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private URI serve(RestSettings settings) {
        server = new RestServer(new FakeStores(), FakeLocator.alone(), () -> KafkaStreams.State.RUNNING, settings)
                .start("127.0.0.1", 0);
        return URI.create("http://127.0.0.1:" + server.port() + "/api/events");
    }

    private ChangeFanout fanout(int capacity) {
        ChangeFanout fanout = new ChangeFanout(capacity, FeedObserver.NONE);
        open.add(0, fanout);
        return fanout;
    }

    private SseTestClient connect(URI events, Optional<String> token) throws IOException, InterruptedException {
        SseTestClient client = SseTestClient.open(events, token);
        open.add(client);
        return client;
    }

    private static ChangeEvent stanceChange(long offset, String data) {
        return new ChangeEvent("stance-changes", 1, offset, "stance-change", data);
    }

    @Test
    void shouldStreamEachEventWithItsIdNameAndData() throws Exception {
        ChangeFanout fanout = fanout(10);
        URI events = serve(RestSettings.defaults().withEvents(fanout, Duration.ofSeconds(15)));
        SseTestClient client = connect(events, Optional.empty());
        String change = "{\"party\":\"RU\",\"topic\":\"t\",\"from\":\"LEAN_OPPOSE\",\"to\":\"LEAN_SUPPORT\","
                + "\"occurredAt\":\"2025-12-05T14:00:00Z\",\"eventId\":\"s-7\",\"shift\":2,\"reversal\":true}";
        String status = "{\"claimId\":\"pokrovsk-captured\",\"proposition\":null,\"status\":\"CONTESTED\","
                + "\"previousStatus\":\"ASSERTED\",\"occurredAt\":\"2025-12-05T15:00:00Z\"}";
        fanout.publish(stanceChange(17, change));
        fanout.publish(new ChangeEvent("claim-status", 0, 3, "claim-status", status));

        assertEquals(200, client.status());
        assertEquals(Optional.of("text/event-stream;charset=utf-8"),
                client.contentType().map(t -> t.replace(" ", "").toLowerCase()));
        assertEquals(new SseTestClient.Frame("stance-changes:1:17", "stance-change", change), client.next(WAIT));
        assertEquals(new SseTestClient.Frame("claim-status:0:3", "claim-status", status), client.next(WAIT));
    }

    @Test
    void shouldSendAKeepAliveCommentWhenIdle() throws Exception {
        URI events = serve(RestSettings.defaults().withEvents(fanout(10), Duration.ofMillis(100)));
        SseTestClient client = connect(events, Optional.empty());

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (client.comments().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("keep-alive", client.comments().get(0));
        assertFalse(client.ended());
    }

    @Test
    void shouldTellAClientCutOffAsTooSlowAndEndItsStream() throws Exception {
        ChangeFanout fanout = fanout(1);
        ChangeSubscriptions alreadySlow = () -> {
            Subscriber subscriber = fanout.subscribe();
            fanout.publish(stanceChange(1, "{}"));
            fanout.publish(stanceChange(2, "{}"));
            return subscriber;
        };
        URI events = serve(RestSettings.defaults().withEvents(alreadySlow, Duration.ofSeconds(15)));
        SseTestClient client = connect(events, Optional.empty());

        SseTestClient.Frame overflow = client.next(WAIT);
        assertEquals("overflow", overflow.event());
        assertEquals("{\"error\":\"GET /api/events: this client left 1 events unread and was cut off; events after"
                + " the last id it received were not sent\"}", overflow.data());
        client.await(frames -> false, Duration.ofSeconds(2));
        assertTrue(client.ended(), "the stream of a client cut off ends");
        assertEquals(1, client.received().size());
    }

    @Test
    void shouldKeepStreamingToAFastClientWhileOneThatDoesNotReadIsCutOff() throws Exception {
        AtomicInteger cutOff = new AtomicInteger();
        ChangeFanout fanout = new ChangeFanout(50, cutOff::incrementAndGet);
        open.add(0, fanout);
        URI events = serve(RestSettings.defaults().withEvents(fanout, Duration.ofSeconds(15)));
        Socket stalled = new Socket("127.0.0.1", events.getPort());
        open.add(stalled);
        OutputStream request = stalled.getOutputStream();
        request.write(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.flush();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (fanout.subscribers() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        SseTestClient fast = connect(events, Optional.empty());
        String padding = "x".repeat(8_000);

        int published = 0;
        while (cutOff.get() == 0 && published < 20_000) {
            for (int i = 0; i < 20; i++, published++) {
                fanout.publish(stanceChange(published, "{\"pad\":\"" + padding + "\"}"));
            }
            int expected = published;
            fast.await(frames -> frames.size() == expected, WAIT);
        }

        assertEquals(1, cutOff.get(), "the client that does not read was not cut off after " + published + " events");
        assertEquals(1, fanout.subscribers());
        for (int i = 0; i < 20; i++, published++) {
            fanout.publish(stanceChange(published, "{}"));
        }
        int total = published;
        List<SseTestClient.Frame> frames = fast.await(f -> f.size() == total, WAIT);
        assertEquals(total, frames.size());
        for (int i = 0; i < total; i++) {
            assertEquals("stance-changes:1:" + i, frames.get(i).id());
        }
    }

    @Test
    void shouldRefuseTheEventsWithoutTheToken() throws Exception {
        URI events = serve(RestSettings.defaults().withAuthToken(Optional.of(TOKEN))
                .withEvents(fanout(10), Duration.ofSeconds(15)));
        HttpTestClient.Answer refused = HttpTestClient.get(events.getPort(), "/api/events");
        SseTestClient admitted = connect(events, Optional.of(TOKEN));

        HttpTestClient.assertError(401, "/api/events", refused);
        assertEquals(200, admitted.status());
    }

    @Test
    void shouldAnswer503WhenThereIsNoFeed() {
        URI events = serve(RestSettings.defaults());

        HttpTestClient.assertError(503, "/api/events", HttpTestClient.get(events.getPort(), "/api/events"));
    }
}
