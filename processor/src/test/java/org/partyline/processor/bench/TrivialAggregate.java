package org.partyline.processor.bench;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The baseline of {@link ThroughputBenchmark}: the most trivial stateful Kafka Streams application, run in a JVM of
 * its own like the processor. It reads the input topics as raw bytes, {@code groupByKey().aggregate} sums the value
 * sizes of each key into a RocksDB store with its changelog, exactly-once, every other setting Kafka Streams' default.
 * It runs until killed.
 *
 * <pre>java -cp ... TrivialAggregate BOOTSTRAP APPLICATION_ID STATE_DIR TOPIC...</pre>
 */
public final class TrivialAggregate {
    private TrivialAggregate() {
    }

    static Topology topology(List<String> topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .groupByKey(Grouped.as("by-key"))
                .aggregate(() -> 0L, (key, value, sum) -> sum + (value == null ? 0 : value.length),
                        Materialized.<byte[], Long, KeyValueStore<Bytes, byte[]>>as("sums")
                                .withKeySerde(Serdes.ByteArray()).withValueSerde(Serdes.Long()));
        return builder.build();
    }

    public static void main(String[] args) throws InterruptedException {
        runUntilKilled(topology(List.of(args).subList(3, args.length)), args[0], args[1], args[2], "AGGREGATE RUNNING");
    }

    /**
     * Runs a baseline topology exactly-once, every other setting Kafka Streams' default, prints {@code ready} once it
     * is RUNNING, and waits to be killed.
     */
    static void runUntilKilled(Topology topology, String bootstrap, String applicationId, String stateDir,
                               String ready) throws InterruptedException {
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        KafkaStreams streams = new KafkaStreams(topology, props);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        running.await();
        System.out.println(ready);
        new CountDownLatch(1).await();
    }
}
