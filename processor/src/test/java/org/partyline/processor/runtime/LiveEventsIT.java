package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.rest.SseTestClient;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/events} on two instances of one application over a broker with 4-partition topics: a client of
 * either instance receives the change records of every partition of both change topics, with their data, in
 * partition order, and nothing committed before it connected.
 */
class LiveEventsIT {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEventsIT.class);
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final int PARTIES = 8;

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static EmbeddedSchemaRegistry registry;
    static PartylineProcessor first;
    static PartylineProcessor second;
    static final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 4);
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
        first = PartylineProcessor.start(config("a"));
        second = PartylineProcessor.start(config("b"));
    }

    @AfterAll
    static void stop() {
        List<AutoCloseable> all = new ArrayList<>(clients);
        all.addAll(List.of(second, first, registry, kafka));
        for (AutoCloseable c : all) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                LOG.warn("Could not close {}; closing the rest", c, e);
            }
        }
    }

    private static PartylineConfig config(String name) {
        return PartylineConfig.load(new String[] {"--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registry.url(), "--http-port", "0",
                "--state-dir", dir.resolve(name).toString(), "--partitions", "4"}, Map.of());
    }

    private static SseTestClient connect(PartylineProcessor instance) throws Exception {
        SseTestClient client = SseTestClient.open(instance.apiUrl().resolve("/api/events"), Optional.empty());
        clients.add(client);
        assertEquals(200, client.status());
        return client;
    }

    @Test
    void shouldStreamEveryPartitionsChangesOnEitherInstanceFromWhenTheClientConnected() throws Exception {
        SseTestClient earlyOnFirst = connect(first);
        SseTestClient earlyOnSecond = connect(second);

        List<SseTestClient.Frame> before = new ArrayList<>();
        publishBefore(before);
        List<SseTestClient.Frame> beforeOnFirst = earlyOnFirst.await(f -> f.size() >= before.size(), SETTLE);
        List<SseTestClient.Frame> beforeOnSecond = earlyOnSecond.await(f -> f.size() >= before.size(), SETTLE);
        assertSameEvents(before, beforeOnFirst, "first instance, before");
        assertSameEvents(before, beforeOnSecond, "second instance, before");
        // Both feeds have handed out every record of the first batch: a client that connects now gets none of them.

        SseTestClient lateOnFirst = connect(first);
        SseTestClient lateOnSecond = connect(second);
        List<SseTestClient.Frame> after = new ArrayList<>();
        publishAfter(after);

        for (SseTestClient late : List.of(lateOnFirst, lateOnSecond)) {
            List<SseTestClient.Frame> got = late.await(f -> f.size() >= after.size(), SETTLE);
            assertSameEvents(after, got, "late client");
        }
        List<SseTestClient.Frame> all = new ArrayList<>(before);
        all.addAll(after);
        for (SseTestClient early : List.of(earlyOnFirst, earlyOnSecond)) {
            assertSameEvents(all, early.await(f -> f.size() >= all.size(), SETTLE), "early client");
        }
        Thread.sleep(1000);
        for (SseTestClient client : List.of(earlyOnFirst, earlyOnSecond, lateOnFirst, lateOnSecond)) {
            List<SseTestClient.Frame> got = client.received();
            assertEquals(client == lateOnFirst || client == lateOnSecond ? after.size() : all.size(), got.size(),
                    "no event twice and none more: " + got);
            assertInPartitionOrder(got);
            assertTrue(partitions(got, "stance-changes").size() > 1 && partitions(got, "claim-status").size() > 1,
                    "the parties and claims spread over several partitions of both topics: " + got);
        }
    }

    /** P0..P7 turn from SUPPORT to OPPOSE on nato; each Pi asserts claim-i (its first status). */
    private static void publishBefore(List<SseTestClient.Frame> expected) {
        try (PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers(), registry.url())) {
            for (int i = 0; i < PARTIES; i++) {
                String party = "P" + i;
                publisher.publish(statement(party + "-1", party, Stance.SUPPORT, "2025-12-01T10:00:00Z"));
                publisher.publish(statement(party + "-2", party, Stance.OPPOSE, "2025-12-02T10:00:00Z"));
                publisher.publish(claim("c" + i + "-a", party, "claim-" + i, Position.ASSERTS, "2025-12-03T10:00:00Z"));
                expected.add(stanceChange(party, "SUPPORT", "OPPOSE", "2025-12-02T10:00:00Z",
                        party + "-2", -4, true));
                expected.add(claimStatus("claim-" + i, "ASSERTED", null, "2025-12-03T10:00:00Z"));
            }
            publisher.flush();
        } catch (Exception e) {
            throw new AssertionError("publishing failed", e);
        }
    }

    /** Even parties turn NEUTRAL, odd ones LEAN_SUPPORT; Qi denies claim-i, which becomes CONTESTED. */
    private static void publishAfter(List<SseTestClient.Frame> expected) {
        try (PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers(), registry.url())) {
            for (int i = 0; i < PARTIES; i++) {
                String party = "P" + i;
                Stance to = i % 2 == 0 ? Stance.NEUTRAL : Stance.LEAN_SUPPORT;
                publisher.publish(statement(party + "-3", party, to, "2025-12-04T10:00:00Z"));
                publisher.publish(claim("c" + i + "-d", "Q" + i, "claim-" + i, Position.DENIES, "2025-12-04T11:00:00Z"));
                expected.add(stanceChange(party, "OPPOSE", to.name(), "2025-12-04T10:00:00Z",
                        party + "-3", i % 2 == 0 ? 2 : 3, i % 2 != 0));
                expected.add(claimStatus("claim-" + i, "CONTESTED", "ASSERTED", "2025-12-04T11:00:00Z"));
            }
            publisher.flush();
        } catch (Exception e) {
            throw new AssertionError("publishing failed", e);
        }
    }

    private static SseTestClient.Frame stanceChange(String party, String from, String to, String at, String eventId,
                                                   int shift, boolean reversal) {
        return new SseTestClient.Frame(null, "stance-change", "{\"party\":\"" + party + "\",\"topic\":\"nato\","
                + "\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"occurredAt\":\"" + at + "\",\"eventId\":\""
                + eventId + "\",\"shift\":" + shift + ",\"reversal\":" + reversal + "}");
    }

    private static SseTestClient.Frame claimStatus(String claimId, String status, String previous, String at) {
        return new SseTestClient.Frame(null, "claim-status", "{\"claimId\":\"" + claimId + "\",\"proposition\":\""
                + claimId + " is true\",\"status\":\"" + status + "\",\"previousStatus\":"
                + (previous == null ? "null" : "\"" + previous + "\"") + ",\"occurredAt\":\"" + at + "\"}");
    }

    /** The same events (name and data), in any order across partitions; ids are checked apart. */
    private static void assertSameEvents(List<SseTestClient.Frame> expected, List<SseTestClient.Frame> got,
                                         String what) {
        Map<String, Integer> want = new HashMap<>();
        expected.forEach(f -> want.merge(f.event() + " " + f.data(), 1, Integer::sum));
        Map<String, Integer> have = new HashMap<>();
        got.forEach(f -> have.merge(f.event() + " " + f.data(), 1, Integer::sum));
        assertEquals(want, have, what);
    }

    /** Each id is topic:partition:offset, of the event's topic, offsets rising within each partition. */
    private static void assertInPartitionOrder(List<SseTestClient.Frame> frames) {
        Map<String, Long> last = new HashMap<>();
        for (SseTestClient.Frame frame : frames) {
            String[] id = frame.id().split(":");
            assertEquals(3, id.length, frame.id());
            assertEquals(frame.event().equals("stance-change") ? "stance-changes" : "claim-status", id[0]);
            long offset = Long.parseLong(id[2]);
            Long previous = last.put(id[0] + ":" + id[1], offset);
            assertTrue(previous == null || previous < offset, "out of partition order: " + frames);
        }
    }

    private static Set<String> partitions(List<SseTestClient.Frame> frames, String topic) {
        Set<String> partitions = new HashSet<>();
        frames.stream().map(SseTestClient.Frame::id).filter(id -> id.startsWith(topic + ":"))
                .forEach(id -> partitions.add(id.split(":")[1]));
        return partitions;
    }

    private static Statement statement(String id, String party, Stance stance, String at) {
        return Statement.newBuilder().setEventId(id).setParty(party).setTopic("nato").setStance(stance)
                .setOccurredAt(Instant.parse(at)).build();
    }

    private static Claim claim(String id, String party, String claimId, Position position, String at) {
        return Claim.newBuilder().setEventId(id).setParty(party).setClaimId(claimId).setPosition(position)
                .setProposition(claimId + " is true").setOccurredAt(Instant.parse(at)).build();
    }
}
