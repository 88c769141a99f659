package org.partyline.events.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.partyline.events.publish.TestEvents.statementLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.partyline.events.publish.PartylinePublisher.Topics;

/**
 * A broker that goes away in the middle of a publish: every line Kafka did not acknowledge is reported as
 * {@code FILE:LINE}, so that none is lost silently.
 */
class UnacknowledgedLinesTest {
    private static final String EXPIRED = "Expiring 1 record(s) for statements-0:30001 ms has passed since batch "
            + "creation";

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, UTF_8);

    /** Acknowledges the first {@code acknowledged} sends; the later ones stay in flight and expire at the flush. */
    private static final class BrokerGoneProducer extends MockProducer<String, SpecificRecord> {
        private final int acknowledged;
        private final List<Callback> inFlight = new ArrayList<>();
        private int sent;

        BrokerGoneProducer(int acknowledged) {
            super(true, null, (topic, key) -> new byte[0], (topic, value) -> new byte[0]);
            this.acknowledged = acknowledged;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, SpecificRecord> record,
                                                        Callback callback) {
            if (++sent <= acknowledged) {
                return super.send(record, callback);
            }
            inFlight.add(callback);
            return new CompletableFuture<>();
        }

        @Override
        public synchronized void flush() {
            inFlight.forEach(c -> c.onCompletion(null, new TimeoutException(EXPIRED)));
            inFlight.clear();
        }
    }

    @Test
    void shouldReportEverySentLineThatKafkaDidNotAcknowledge() {
        JsonLinesPublisher lines = publisherOver(new BrokerGoneProducer(2));
        String file = statementLine("st-1", "RU", "nato", "SUPPORT") + "\n\n"
                + statementLine("st-2", "RU", "nato", "OPPOSE") + "\n"
                + "{not json\n"
                + statementLine("st-3", "UA", "nato", "SUPPORT") + "\n"
                + statementLine("st-4", "UA", "nato", "NEUTRAL") + "\n";

        PublishException e = assertThrows(PublishException.class,
                () -> lines.publish("events.jsonl", new ByteArrayInputStream(file.getBytes(UTF_8))));

        List<String> reported = errBytes.toString(UTF_8).lines().toList();
        assertEquals(3, reported.size(), reported.toString());
        assertEquals("events.jsonl:5: not acknowledged by Kafka: " + EXPIRED, reported.get(1));
        assertEquals("events.jsonl:6: not acknowledged by Kafka: " + EXPIRED, reported.get(2));
        assertEquals("sending events of events.jsonl failed: " + EXPIRED + " (2 sent lines not acknowledged, each "
                + "reported above; publishing the same file again completes it)", e.getMessage());
    }

    @Test
    void shouldReportTheFirstLineNotSentWhenSendingStopsEarly() {
        MockProducer<String, SpecificRecord> failingAfterOne = new MockProducer<>(true, null,
                (topic, key) -> new byte[0], (topic, value) -> new byte[0]) {
            private int sent;

            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, SpecificRecord> record,
                                                            Callback callback) {
                if (++sent == 1) {
                    return super.send(record, callback);
                }
                callback.onCompletion(null, new TimeoutException(EXPIRED));
                return CompletableFuture.failedFuture(new TimeoutException(EXPIRED));
            }
        };
        JsonLinesPublisher lines = publisherOver(failingAfterOne);
        String file = statementLine("st-1", "RU", "nato", "SUPPORT") + "\n"
                + statementLine("st-2", "RU", "nato", "OPPOSE") + "\n"
                + statementLine("st-3", "UA", "nato", "SUPPORT") + "\n"
                + statementLine("st-4", "UA", "nato", "NEUTRAL") + "\n";

        PublishException e = assertThrows(PublishException.class,
                () -> lines.publish("events.jsonl", new ByteArrayInputStream(file.getBytes(UTF_8))));

        assertEquals(List.of("events.jsonl:2: not acknowledged by Kafka: " + EXPIRED,
                "events.jsonl:3: not sent, nor any line after it"), errBytes.toString(UTF_8).lines().toList());
        assertEquals("sending events of events.jsonl failed: " + EXPIRED + " (1 sent lines not acknowledged, lines "
                + "from 3 on not sent, each reported above; publishing the same file again completes it)",
                e.getMessage());
    }

    private JsonLinesPublisher publisherOver(MockProducer<String, SpecificRecord> producer) {
        return new JsonLinesPublisher(new PartylinePublisher(producer, Topics.DEFAULT), err, Duration.ofHours(1));
    }
}
