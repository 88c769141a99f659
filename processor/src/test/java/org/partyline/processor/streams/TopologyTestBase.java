package org.partyline.processor.streams;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh {@link TopologyFixture} for each test, in its own state directory, closed after the test; its topology
 * reports to {@link #meters()}.
 */
abstract class TopologyTestBase {
    @TempDir
    Path stateDir;
    TopologyFixture fixture;

    @BeforeEach
    final void startTopology() {
        fixture = new TopologyFixture(stateDir, meters(), guarantee());
    }

    /** The processing guarantee the topology runs under: exactly-once, as in production, unless a test says. */
    String guarantee() {
        return org.apache.kafka.streams.StreamsConfig.EXACTLY_ONCE_V2;
    }

    /** The listener the topology reports to; a test that counts overrides it. */
    TopologyMeters meters() {
        return TopologyMeters.NONE;
    }

    @AfterEach
    final void closeTopology() {
        fixture.close();
    }
}
