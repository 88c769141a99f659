package org.partyline.processor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partyline.processor.streams.DeadLetter;
import org.partyline.processor.streams.TopicNames;

/** What a Prometheus scrape shows after the topology and the REST server reported their work. */
class PartylineMetersTest {
    private final PartylineMeters meters = new PartylineMeters(TopicNames.defaults());

    @AfterEach
    void close() {
        meters.close();
    }

    @Test
    void shouldShowEveryInputTopicAndDeadLetterTypeAtZeroBeforeTheFirstEvent() {
        List<String> scrape = lines(meters.scrape());

        assertTrue(scrape.contains("partyline_events_folded_total{topic=\"statements\"} 0.0"),
                String.join("\n", scrape));
        assertTrue(scrape.contains("partyline_events_folded_total{topic=\"claims\"} 0.0"));
        for (DeadLetter.Type type : DeadLetter.Type.values()) {
            for (String topic : List.of("statements", "claims")) {
                assertTrue(scrape.contains("partyline_dead_letters_total{topic=\"" + topic + "\",type=\"" + type
                        + "\"} 0.0"), topic + " " + type);
            }
        }
        assertTrue(scrape.contains("partyline_http_forwarded_total{outcome=\"ok\"} 0.0"));
        assertTrue(scrape.contains("partyline_http_forwarded_total{outcome=\"failed\"} 0.0"));
    }

    @Test
    void shouldShowWhatProcessingWaitsFor() {
        AtomicBoolean registryAway = new AtomicBoolean(false);
        Map<String, BooleanSupplier> waiting = new LinkedHashMap<>();
        waiting.put("schema-registry", registryAway::get);
        waiting.put("kafka", () -> false);
        meters.bindWaits(waiting);

        assertEquals(Optional.of(0.0), value(meters.scrape(), "partyline_waiting_for{dependency=\"schema-registry\"}"));
        registryAway.set(true);
        assertEquals(Optional.of(1.0), value(meters.scrape(), "partyline_waiting_for{dependency=\"schema-registry\"}"));
        assertEquals(Optional.of(0.0), value(meters.scrape(), "partyline_waiting_for{dependency=\"kafka\"}"));
    }

    @Test
    void shouldCountFoldedEventsPerInputTopic() {
        meters.folded("statements");
        meters.folded("statements");
        meters.folded("claims");

        assertEquals(Optional.of(2.0), value(meters.scrape(), "partyline_events_folded_total{topic=\"statements\"}"));
        assertEquals(Optional.of(1.0), value(meters.scrape(), "partyline_events_folded_total{topic=\"claims\"}"));
    }

    @Test
    void shouldCountDeadLettersByTopicAndType() {
        meters.deadLettered("statements", DeadLetter.Type.DESERIALIZATION);
        meters.deadLettered("statements", DeadLetter.Type.DESERIALIZATION);
        meters.deadLettered("claims", DeadLetter.Type.REUSED_EVENT_ID);
        meters.deadLettered("partyline-stances-by-topic-repartition", DeadLetter.Type.PROCESSING);

        String scrape = meters.scrape();
        assertEquals(Optional.of(2.0),
                value(scrape, "partyline_dead_letters_total{topic=\"statements\",type=\"DESERIALIZATION\"}"));
        assertEquals(Optional.of(0.0),
                value(scrape, "partyline_dead_letters_total{topic=\"statements\",type=\"INVALID_EVENT\"}"));
        assertEquals(Optional.of(1.0),
                value(scrape, "partyline_dead_letters_total{topic=\"claims\",type=\"REUSED_EVENT_ID\"}"));
        assertEquals(Optional.of(1.0), value(scrape,
                "partyline_dead_letters_total{topic=\"partyline-stances-by-topic-repartition\",type=\"PROCESSING\"}"));
    }

    @Test
    void shouldTimeRequestsByRouteAndStatusInAHistogram() {
        String lookup = "route=\"/api/claims/{claimId}\",status=\"200\"";
        meters.observed("/api/claims/{claimId}", 200, Duration.ofMillis(3).toNanos());
        meters.observed("/api/claims/{claimId}", 200, Duration.ofMillis(40).toNanos());
        meters.observed("/api/claims/{claimId}", 404, Duration.ofMillis(1).toNanos());

        String scrape = meters.scrape();
        assertEquals(Optional.of(2.0), value(scrape, "partyline_http_requests_seconds_count{" + lookup + "}"));
        assertEquals(Optional.of(0.043), value(scrape, "partyline_http_requests_seconds_sum{" + lookup + "}"));
        assertEquals(Optional.of(0.0), value(scrape, bucket(lookup, "0.001")));
        assertEquals(Optional.of(0.0), value(scrape, bucket(lookup, "0.002")));
        assertEquals(Optional.of(1.0), value(scrape, bucket(lookup, "0.005")));
        assertEquals(Optional.of(1.0), value(scrape, bucket(lookup, "0.025")));
        assertEquals(Optional.of(2.0), value(scrape, bucket(lookup, "0.05")));
        assertEquals(Optional.of(2.0), value(scrape, bucket(lookup, "+Inf")));
        assertEquals(Optional.of(1.0), value(scrape,
                "partyline_http_requests_seconds_count{route=\"/api/claims/{claimId}\",status=\"404\"}"));
        assertTrue(scrape.contains("# TYPE partyline_http_requests_seconds histogram"), scrape);
    }

    @Test
    void shouldCountForwardedRequestsByOutcome() {
        meters.forwarded(false);
        meters.forwarded(false);
        meters.forwarded(true);

        String scrape = meters.scrape();
        assertEquals(Optional.of(2.0), value(scrape, "partyline_http_forwarded_total{outcome=\"ok\"}"));
        assertEquals(Optional.of(1.0), value(scrape, "partyline_http_forwarded_total{outcome=\"failed\"}"));
    }

    @Test
    void shouldExposeOnlyPartylineMetersBeforeKafkaStreamsIsBound() {
        List<String> names = lines(meters.scrape()).stream().filter(l -> !l.startsWith("#")).toList();

        assertFalse(names.isEmpty());
        assertTrue(names.stream().allMatch(l -> l.startsWith("partyline_")), String.join("\n", names));
    }

    private static String bucket(String labels, String le) {
        return "partyline_http_requests_seconds_bucket{" + labels + ",le=\"" + le + "\"}";
    }

    private static List<String> lines(String scrape) {
        return scrape.lines().toList();
    }

    /** The value of the sample whose name and labels are exactly {@code series}, if the scrape has it. */
    static Optional<Double> value(String scrape, String series) {
        return scrape.lines()
                .filter(l -> l.startsWith(series + " "))
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .findFirst();
    }

    @Test
    void shouldShowTheClientsOfTheChangeFeedAndThoseCutOffAsTooSlow() {
        assertEquals(Optional.of(0.0), value(meters.scrape(), "partyline_sse_clients"));
        assertEquals(Optional.of(0.0), value(meters.scrape(), "partyline_sse_slow_clients_disconnected_total"));

        AtomicInteger connected = new AtomicInteger(3);
        meters.bindSseClients(connected::get);
        meters.slowSseClientDisconnected();
        assertEquals(Optional.of(3.0), value(meters.scrape(), "partyline_sse_clients"));
        assertEquals(Optional.of(1.0), value(meters.scrape(), "partyline_sse_slow_clients_disconnected_total"));

        connected.set(2);
        assertEquals(Optional.of(2.0), value(meters.scrape(), "partyline_sse_clients"));
    }
}
