package org.partyline.processor.rest;

import java.util.function.BiPredicate;

import org.apache.kafka.streams.KafkaStreams;
import org.partyline.processor.query.FakeLocator;
import org.partyline.processor.query.FakeStores;
import org.partyline.processor.query.Instance;
import org.partyline.processor.query.SeedViews;

/**
 * Two REST servers in this JVM on 127.0.0.1, each over its own stores filled with part of the seed: A holds the keys
 * {@code aHolds} accepts (partition 0), B the others (partition 1), and each knows the other as its peer.
 */
final class TwoServers implements AutoCloseable {
    final FakeStores storesA = new FakeStores();
    final FakeStores storesB = new FakeStores(1);
    final FakeLocator locatorA;
    final FakeLocator locatorB;
    final RestServer a;
    final RestServer b;

    TwoServers(BiPredicate<String, String> aHolds, RestSettings settings) {
        locatorA = new FakeLocator(aHolds);
        locatorB = new FakeLocator(aHolds.negate());
        SeedViews.fill(storesA, aHolds);
        SeedViews.fill(storesB, aHolds.negate());
        a = new RestServer(storesA, locatorA, () -> KafkaStreams.State.RUNNING, settings).start("127.0.0.1", 0);
        b = new RestServer(storesB, locatorB, () -> KafkaStreams.State.RUNNING, settings).start("127.0.0.1", 0);
        Instance instanceA = new Instance("127.0.0.1", a.port());
        Instance instanceB = new Instance("127.0.0.1", b.port());
        locatorA.setSelf(instanceA);
        locatorA.setPeer(instanceB);
        locatorB.setSelf(instanceB);
        locatorB.setSelfPartition(1);
        locatorB.setPeer(instanceA);
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
