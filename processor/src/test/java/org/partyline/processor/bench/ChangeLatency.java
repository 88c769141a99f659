package org.partyline.processor.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * End-to-end latency of a change record at a steady rate: statements published one by one at {@code rate} per second
 * (each later in time than any before, so most set a change), and a {@code read_committed} consumer of the change
 * topic, as a downstream service reads it; the latency of a statement is from just before its {@code send} until its
 * own change record (same eventId) is read. Statements that set no change (same stance as before) are not counted.
 */
final class ChangeLatency {
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");

    /** Percentiles in milliseconds over {@code measured} change records. */
    record Result(int sent, int measured, double p50, double p99, double max) {
        @Override
        public String toString() {
            return String.format("%d statements at a steady rate, %d change records: p50 %.0f ms, p99 %.0f ms, "
                    + "max %.0f ms", sent, measured, p50, p99, max);
        }
    }

    private ChangeLatency() {
    }

    static Result measure(String bootstrap, String registryUrl, PartylinePublisher.Topics inputs,
                          String stanceChanges, String prefix, int rate, Duration duration) throws Exception {
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch positioned = new CountDownLatch(1);
        Thread reader = new Thread(() -> read(bootstrap, registry, stanceChanges, sentAt, latencies, stop,
                positioned), "change-latency-reader");
        reader.start();
        if (!positioned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the reader of " + stanceChanges + " did not start");
        }
        Random random = new Random(7);
        int total = (int) (rate * duration.toSeconds());
        long interval = 1_000_000_000L / rate;
        try (PartylinePublisher publisher = new PartylinePublisher(bootstrap, registry, inputs, Map.of())) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Statement s = Statement.newBuilder().setEventId(prefix + i)
                        .setParty(String.format("P%02d", random.nextInt(24)))
                        .setTopic("topic-" + random.nextInt(30)).setStance(Stance.values()[random.nextInt(5)])
                        .setOccurredAt(LATER.plusSeconds(i)).build();
                sentAt.put(s.getEventId(), System.nanoTime());
                publisher.publish(s, null);
            }
            publisher.flush();
        }
        Thread.sleep(5_000);
        stop.set(true);
        reader.join();
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Result(total, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Result(total, sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void read(String bootstrap, SchemaRegistryClient registry, String topic, Map<String, Long> sentAt,
                             List<Double> latencies, AtomicBoolean stop, CountDownLatch positioned) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, StanceChange> consumer = new KafkaConsumer<>(props,
                AvroSerdes.stringKey(registry).deserializer(),
                AvroSerdes.value(StanceChange.class, registry).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (!stop.get()) {
                for (ConsumerRecord<String, StanceChange> r : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    Long sent = sentAt.remove(r.value().getEventId());
                    if (sent != null) {
                        latencies.add((now - sent) / 1e6);
                    }
                }
            }
        }
    }
}
