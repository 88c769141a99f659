package org.partyline.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.partyline.processor.streams.DeadLetter;
import org.partyline.processor.streams.TopologyMeters;

/**
 * The topology's reports as Prometheus counters: {@code partyline_events_folded_total{topic}} and
 * {@code partyline_dead_letters_total{topic,type}}. The series of every input topic, and of every dead-letter type
 * on it, exist from the start at 0, so that a dashboard or an alert on their rate sees them before the first event.
 */
final class TopologyCounters implements TopologyMeters {
    static final String FOLDED = "partyline.events.folded";
    static final String DEAD_LETTERS = "partyline.dead.letters";

    private final Meter.MeterProvider<Counter> foldedCounters;
    private final Meter.MeterProvider<Counter> deadLetterCounters;
    private final Map<String, Counter> folded = new ConcurrentHashMap<>();
    private final Map<DeadLetterKey, Counter> deadLetters = new ConcurrentHashMap<>();

    private record DeadLetterKey(String topic, DeadLetter.Type type) {
    }

    TopologyCounters(MeterRegistry registry, Collection<String> inputTopics) {
        foldedCounters = Counter.builder(FOLDED)
                .description("Events accepted from an input topic and folded into the views (redeliveries not counted)")
                .withRegistry(registry);
        deadLetterCounters = Counter.builder(DEAD_LETTERS)
                .description("Records of a topic sent to the dead-letter topic, by the partyline.error.type header")
                .withRegistry(registry);
        for (String topic : inputTopics) {
            foldedCounter(topic);
            for (DeadLetter.Type type : DeadLetter.Type.values()) {
                deadLetterCounter(topic, type);
            }
        }
    }

    @Override
    public void folded(String topic) {
        foldedCounter(topic).increment();
    }

    @Override
    public void deadLettered(String topic, DeadLetter.Type type) {
        deadLetterCounter(topic, type).increment();
    }

    private Counter foldedCounter(String topic) {
        return folded.computeIfAbsent(topic, t -> foldedCounters.withTags(Tags.of("topic", t)));
    }

    private Counter deadLetterCounter(String topic, DeadLetter.Type type) {
        return deadLetters.computeIfAbsent(new DeadLetterKey(topic, type),
                key -> deadLetterCounters.withTags(Tags.of("topic", key.topic(), "type", key.type().name())));
    }
}
