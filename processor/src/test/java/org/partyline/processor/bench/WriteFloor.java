package org.partyline.processor.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The second Kafka Streams baseline of {@link ThroughputBenchmark}: an application that does nothing but write, for
 * every input record, {@code WRITES} entries on average (4.65: four for every record, a fifth for 65 in 100 of them)
 * under keys of their own (the record's topic, partition and offset) to RocksDB stores with changelogs, one store per
 * entry, exactly-once, every other setting Kafka Streams' default. Run with as many writes per event as the processor
 * made, it is the fastest any topology can be that keeps a record of every event the way the histories of CONTRACT
 * section 6 must, on the same broker: the part of the gap to the trivial aggregate (whose cache folds the same few
 * keys and so writes almost nothing) that no fold logic can close. Runs until killed.
 *
 * <pre>java -cp ... WriteFloor BOOTSTRAP APPLICATION_ID STATE_DIR WRITES TOPIC...</pre>
 */
public final class WriteFloor {
    private WriteFloor() {
    }

    static Topology topology(List<String> topics, double writes) {
        Topology topology = new Topology();
        topology.addSource("inputs", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                topics.toArray(String[]::new));
        List<String> stores = new ArrayList<>();
        List<Integer> percents = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            stores.add("entries-" + i);
            // All records when writes - i is at least 1, else that fraction (4.65: four take all, the fifth 65 in 100).
            percents.add((int) Math.round(Math.min(1, writes - i) * 100));
        }
        topology.addProcessor("write", () -> new Write(stores, percents), "inputs");
        for (String store : stores) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store),
                    Serdes.Bytes(), Serdes.ByteArray()), "write");
        }
        return topology;
    }

    /**
     * Puts each record's value under its own topic, partition and offset into each store, for that store's percent of
     * the records (by offset).
     */
    private static final class Write implements Processor<byte[], byte[], Void, Void> {
        private final List<String> names;
        private final List<Integer> percents;
        private final List<KeyValueStore<Bytes, byte[]>> stores = new ArrayList<>();
        private ProcessorContext<Void, Void> context;

        Write(List<String> names, List<Integer> percents) {
            this.names = names;
            this.percents = percents;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            for (String name : names) {
                stores.add(context.getStateStore(name));
            }
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            RecordMetadata where = context.recordMetadata().orElseThrow();
            byte[] topic = where.topic().getBytes(StandardCharsets.UTF_8);
            Bytes key = Bytes.wrap(ByteBuffer.allocate(topic.length + 12).put(topic).putInt(where.partition())
                    .putLong(where.offset()).array());
            byte[] value = record.value() == null ? new byte[0] : record.value();
            for (int i = 0; i < stores.size(); i++) {
                if (where.offset() % 100 < percents.get(i)) {
                    stores.get(i).put(key, value);
                }
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        TrivialAggregate.runUntilKilled(topology(List.of(args).subList(4, args.length), Double.parseDouble(args[3])),
                args[0], args[1], args[2], "WRITE FLOOR RUNNING");
    }
}
