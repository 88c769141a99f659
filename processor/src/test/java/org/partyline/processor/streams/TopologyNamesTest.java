package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.serde.AvroStringSerializer;
import org.partyline.serde.MockSchemaRegistry;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * Pins the names of the topology: stores (and so changelog topics), repartition topics, processors and sinks.
 * Renaming any of them breaks running deployments and the REST layer, so it must be a visible change here.
 */
class TopologyNamesTest {
    private final String scope = "names-" + UUID.randomUUID();
    private TopologyDescription description;
    private SchemaRegistryClient registry;

    @BeforeEach
    void setUp() {
        registry = SchemaRegistryClients.forUrl("mock://" + scope);
        description = PartylineTopology.build(TopologySettings.withRegistry(TopicNames.defaults(), registry))
                .describe();
    }

    @AfterEach
    void tearDown() {
        MockSchemaRegistry.drop(scope);
    }

    private Map<String, TopologyDescription.Node> nodes() {
        Map<String, TopologyDescription.Node> nodes = new TreeMap<>();
        description.subtopologies().forEach(s -> s.nodes().forEach(n -> nodes.put(n.name(), n)));
        return nodes;
    }

    @Test
    void shouldNameEveryNode() {
        assertEquals(new TreeSet<>(Set.of(
                        "statements-source", "statements-decode", "statements-deduplicate", "statements-rejected",
                        "statements-dead-letters", "statements-dead-letter-sink", "statements-accepted",
                        "stances-fold", "stance-changes-select", "stance-changes-sink",
                        "stances-by-topic-select", "stances-by-topic-repartition-filter",
                        "stances-by-topic-repartition-sink", "stances-by-topic-repartition-source",
                        "topic-stances-write",
                        "claims-source", "claims-decode", "claims-deduplicate", "claims-rejected",
                        "claims-dead-letters", "claims-dead-letter-sink", "claims-accepted",
                        "claims-fold", "claim-status-select", "claim-status-sink",
                        "claims-by-party-select", "claims-by-party-repartition-filter",
                        "claims-by-party-repartition-sink", "claims-by-party-repartition-source",
                        "party-claims-write",
                        "claim-changes-by-party-select", "claim-changes-by-party-repartition-filter",
                        "claim-changes-by-party-repartition-sink", "claim-changes-by-party-repartition-source",
                        "party-claim-changes-write")),
                nodes().keySet());
    }

    @Test
    void shouldWriteToTheContractTopicsAndTheNamedRepartitions() {
        Map<String, String> sinks = new TreeMap<>();
        nodes().values().stream()
                .filter(n -> n instanceof TopologyDescription.Sink)
                .map(n -> (TopologyDescription.Sink) n)
                .forEach(s -> sinks.put(s.name(), s.topic()));

        assertEquals(Map.of(
                        "statements-dead-letter-sink", "partyline-dlq",
                        "claims-dead-letter-sink", "partyline-dlq",
                        "stance-changes-sink", "stance-changes",
                        "claim-status-sink", "claim-status",
                        "stances-by-topic-repartition-sink", "stances-by-topic-repartition",
                        "claims-by-party-repartition-sink", "claims-by-party-repartition",
                        "claim-changes-by-party-repartition-sink", "claim-changes-by-party-repartition"),
                sinks);
    }

    @Test
    void shouldAttachTheNamedStoresToTheirProcessors() {
        Map<String, Set<String>> stores = new TreeMap<>();
        nodes().values().stream()
                .filter(n -> n instanceof TopologyDescription.Processor)
                .map(n -> (TopologyDescription.Processor) n)
                .filter(p -> !p.stores().isEmpty())
                .forEach(p -> stores.put(p.name(), p.stores()));

        assertEquals(Map.of(
                        "statements-deduplicate", Set.of("statement-event-ids"),
                        "stances-fold", Set.of("stance-history", "stance-change-history", "stances",
                                "statement-event-ids", "party-stance-changes"),
                        "topic-stances-write", Set.of("topic-stances"),
                        "claims-deduplicate", Set.of("claim-event-ids"),
                        "claims-fold", Set.of("claims", "claim-positions", "claim-sides", "claim-history",
                                "claim-change-history", "claim-event-ids"),
                        "party-claims-write", Set.of("party-claims"),
                        "party-claim-changes-write", Set.of("party-claim-changes")),
                stores);
    }

    @Test
    void shouldKeepEachInputAndEachReKeyedViewInItsOwnSubtopology() {
        Set<Set<String>> sources = new java.util.HashSet<>();
        description.subtopologies().forEach(s -> {
            Set<String> topics = new TreeSet<>();
            s.nodes().stream().filter(n -> n instanceof TopologyDescription.Source)
                    .forEach(n -> topics.addAll(((TopologyDescription.Source) n).topicSet()));
            sources.add(topics);
        });

        assertEquals(Set.of(Set.of("statements"), Set.of("claims"), Set.of("stances-by-topic-repartition"),
                Set.of("claims-by-party-repartition"),
                Set.of("claim-changes-by-party-repartition")), sources);
    }

    @Test
    void shouldSayWhichSerializerRoutesEachStore() {
        AvroStringSerializer inputKeys = new AvroStringSerializer(registry);

        for (String store : StoreNames.ALL) {
            boolean byString = store.equals(StoreNames.TOPIC_STANCES) || store.equals(StoreNames.PARTY_CLAIMS)
                    || store.equals(StoreNames.PARTY_CLAIM_CHANGES);
            assertEquals(byString ? Serdes.String().serializer().getClass() : AvroStringSerializer.class,
                    PartylineTopology.routingKeySerializer(store, inputKeys).getClass(), store);
        }
        assertThrows(IllegalArgumentException.class, () -> PartylineTopology.routingKeySerializer("nope", inputKeys));
    }
}
