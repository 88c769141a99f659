package org.partyline.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.partyline.processor.streams.StoreNames;

/** Before Kafka Streams runs, nobody holds anything: queries must answer 503, never throw or wait. */
class StreamsInstanceLocatorTest {

    @Test
    void shouldSayUnavailableAndListOnlyItselfBeforeStreamsRuns() throws Exception {
        Path stateDir = Files.createTempDirectory("partyline-locator-test");
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("statements", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as(StoreNames.STANCES));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "locator-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:8080");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            StreamsInstanceLocator locator = new StreamsInstanceLocator(streams, new HostInfo("127.0.0.1", 8080),
                    new StringSerializer(), store -> 1);
            assertInstanceOf(KeyOwner.Unavailable.class, locator.ownerOf(StoreNames.STANCES, "RU"));
            assertEquals(List.of(new InstanceInfo("127.0.0.1", 8080, true, List.of(), List.of(), List.of(), List.of())),
                    locator.instances());
            assertEquals(new Instance("127.0.0.1", 8080), locator.self());
        } finally {
            Utils.delete(stateDir.toFile());
        }
    }
}
