package org.partyline.processor.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.faults.ConsumerGroupLag;
import org.partyline.processor.runtime.PartylineProcessor;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroDeserializer;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * The whole pipeline on a real broker (in this JVM): N generated events published through the producer library,
 * then folded by the real runtime ({@link PartylineProcessor}: exactly-once, RocksDB stores, changelogs,
 * repartitions), timed from RUNNING until its consumer group has committed the end of both input topics (the
 * re-keyed views follow within a commit interval; start-up is printed apart). Side
 * by side, a plain consumer reads and decodes the same records: the floor Kafka itself sets on this machine.
 * Rounds alternate; each fold has a new application id, so it starts from the beginning with empty state. Prints
 * medians, their ratio, and the heap in use.
 *
 * <pre>mvn -B -q -pl processor test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partyline.processor.bench.PipelineBenchmark [-Dexec.args="100000 3"]</pre>
 */
public final class PipelineBenchmark {
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = BenchSupport.tempDir();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 3);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0)) {
            new PipelineBenchmark().run(kafka.bootstrapServers(), registry.url(), dir, events, rounds);
        } finally {
            BenchSupport.delete(dir);
        }
    }

    private void run(String bootstrap, String registryUrl, Path dir, int events, int rounds) throws Exception {
        List<SpecificRecord> generated = BenchSupport.events(events, new Random(1));
        long start = System.nanoTime();
        try (PartylinePublisher publisher = new PartylinePublisher(bootstrap, registryUrl)) {
            publisher.publishAll(generated);
            publisher.flush();
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("published %d events in %.1f s: %.0f events/s (idempotent producer, acks=all)%n", events,
                publishSeconds, events / publishSeconds);

        double[] fold = new double[rounds];
        double[] raw = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Fold timed = fold(bootstrap, registryUrl, dir.resolve("round-" + r), "bench-" + r);
            fold[r] = timed.foldSeconds();
            raw[r] = rawReadSeconds(bootstrap, SchemaRegistryClients.forUrl(registryUrl), events);
            System.out.printf("round %d: start-up %.1f s, then fold %.1f s (%.0f events/s) | plain consumer %.1f s "
                    + "(%.0f events/s) | ratio %.1f%n", r + 1, timed.startSeconds(), fold[r], events / fold[r], raw[r],
                    events / raw[r], fold[r] / raw[r]);
        }
        double foldMedian = BenchSupport.median(fold);
        double rawMedian = BenchSupport.median(raw);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("MEDIAN: fold %.0f events/s, plain consumer %.0f events/s, fold takes %.1fx as long; "
                        + "heap in use after GC %d MiB (broker, registry and benchmark in one JVM, max %d MiB)%n",
                events / foldMedian, events / rawMedian, foldMedian / rawMedian,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    /** Seconds until Kafka Streams is RUNNING, then until the end of the inputs is committed. */
    private record Fold(double startSeconds, double foldSeconds) {
    }

    /** Starts a processor with a fresh application id and waits until it has committed the end of the inputs. */
    private static Fold fold(String bootstrap, String registryUrl, Path stateDir, String applicationId)
            throws Exception {
        PartylineConfig config = PartylineConfig.load(new String[] {"--bootstrap-servers", bootstrap,
                "--schema-registry-url", registryUrl, "--application-id", applicationId,
                "--state-dir", stateDir.toString(), "--http-port", "0"}, Map.of());
        long start = System.nanoTime();
        try (PartylineProcessor processor = PartylineProcessor.start(config);
             ConsumerGroupLag lag = ConsumerGroupLag.onInputs(bootstrap, applicationId)) {
            long running = System.nanoTime();
            while (lag.lag() > 0) {
                Thread.sleep(50);
            }
            return new Fold((running - start) / 1e9, (System.nanoTime() - running) / 1e9);
        }
    }

    /** Reads both input topics from the beginning and decodes every value, as a plain consumer would. */
    private static double rawReadSeconds(String bootstrap, SchemaRegistryClient registry, int events) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        AvroDeserializer<Statement> statements = new AvroDeserializer<>(registry, Statement.class, false);
        AvroDeserializer<Claim> claims = new AvroDeserializer<>(registry, Claim.class, false);
        long start = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            ConsumerGroupLag.INPUTS.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(
                    new TopicPartition(t, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int read = 0;
            while (read < events) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    Object event = record.topic().equals("statements")
                            ? statements.deserialize(record.topic(), record.value())
                            : claims.deserialize(record.topic(), record.value());
                    if (event != null) {
                        read++;
                    }
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
