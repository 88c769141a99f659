package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.streams.StoreNames;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.SchemaRegistryClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two processor instances on one broker: every key is answered by both, whichever holds it, and the list
 * endpoints gather from both.
 */
class TwoInstancesIT {
    private static final Logger LOG = LoggerFactory.getLogger(TwoInstancesIT.class);
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final int PARTIES = 8;

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static EmbeddedSchemaRegistry registry;
    static PartylineProcessor first;
    static PartylineProcessor second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 4);
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
        first = PartylineProcessor.start(config("a"));
        second = PartylineProcessor.start(config("b"));
        try (PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers(), registry.url())) {
            for (int i = 0; i < PARTIES; i++) {
                String party = "P" + i;
                publisher.publish(statement(party + "-1", party, "nato", Stance.SUPPORT, "2025-12-01T10:00:00Z"));
                publisher.publish(statement(party + "-2", party, "nato", Stance.OPPOSE, "2025-12-02T10:00:00Z"));
                publisher.publish(claim("c" + i + "-a", party, "claim-" + i, Position.ASSERTS, "2025-12-03T10:00:00Z"));
                publisher.publish(claim("c" + i + "-d", "Q" + i, "claim-" + i, Position.DENIES, "2025-12-03T11:00:00Z"));
            }
            publisher.flush();
        }
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {second, first, registry, kafka}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                LOG.warn("Could not close {}; closing the rest", c, e);
            }
        }
    }

    private static PartylineConfig config(String name) {
        return PartylineConfig.load(new String[] {"--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registry.url(), "--http-port", "0",
                "--state-dir", dir.resolve(name).toString(), "--partitions", "4"}, Map.of());
    }

    @Test
    void shouldAnswerEveryKeyOnEitherInstanceWhicheverHoldsIt() throws Exception {
        List<String> heldByFirst = new ArrayList<>();
        List<String> heldBySecond = new ArrayList<>();
        var keySerializer = AvroSerdes.stringKey(SchemaRegistryClients.forUrl(registry.url())).serializer();
        HostInfo firstHost = new HostInfo("localhost", first.apiUrl().getPort());
        for (int i = 0; i < PARTIES; i++) {
            String party = "P" + i;
            KeyQueryMetadata owner = first.kafkaStreams().queryMetadataForKey(StoreNames.STANCES, party, keySerializer);
            (owner.activeHost().equals(firstHost) ? heldByFirst : heldBySecond).add(party);
        }
        assertFalse(heldByFirst.isEmpty(), "the first instance holds no party");
        assertFalse(heldBySecond.isEmpty(), "the second instance holds no party");

        for (PartylineProcessor instance : List.of(first, second)) {
            Api api = new Api(instance.apiUrl());
            for (int i = 0; i < PARTIES; i++) {
                JsonNode stances = api.await("/api/parties/P" + i + "/stances",
                        b -> b.path("stances").path(0).path("statements").asInt() == 2, SETTLE);
                assertEquals(1, stances.path("stances").size());
                assertEquals("OPPOSE", stances.path("stances").get(0).path("stance").asText());
                assertEquals(2, stances.path("stances").get(0).path("statements").asInt());
                JsonNode claim = api.await("/api/claims/claim-" + i, b -> b.path("positions").size() == 2, SETTLE);
                assertEquals("CONTESTED", claim.path("status").asText());
                JsonNode contested = api.await("/api/parties/Q" + i + "/contested-claims",
                        b -> b.path("claims").size() == 1, SETTLE);
                assertEquals("claim-" + i, contested.path("claims").get(0).path("claimId").asText());
            }
            JsonNode topic = api.await("/api/topics/nato/stances", b -> b.path("stances").size() == PARTIES, SETTLE);
            assertEquals("P0", topic.path("stances").get(0).path("party").asText());
            JsonNode parties = api.await("/api/parties", b -> b.path("parties").size() == 2 * PARTIES, SETTLE);
            assertEquals("P0", parties.path("parties").get(0).asText());
            assertEquals("Q7", parties.path("parties").get(2 * PARTIES - 1).asText());
            JsonNode claims = api.await("/api/claims?status=CONTESTED", b -> b.path("claims").size() == PARTIES,
                    SETTLE);
            assertEquals("claim-0", claims.path("claims").get(0).path("claimId").asText());
        }
    }

    private static Statement statement(String id, String party, String topic, Stance stance, String at) {
        return Statement.newBuilder().setEventId(id).setParty(party).setTopic(topic).setStance(stance)
                .setOccurredAt(Instant.parse(at)).build();
    }

    private static Claim claim(String id, String party, String claimId, Position position, String at) {
        return Claim.newBuilder().setEventId(id).setParty(party).setClaimId(claimId).setPosition(position)
                .setOccurredAt(Instant.parse(at)).build();
    }
}
