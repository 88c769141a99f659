package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partyline.processor.streams.PartylineTopology;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.embedded.EmbeddedKafkaCluster;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.faults.ChangeRecords;
import org.partyline.processor.faults.ConsumerGroupLag;
import org.partyline.processor.streams.ReferenceFold;
import org.partyline.events.publish.PartylinePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor (exactly-once, replication factor 3, min ISR 2) on a three-broker cluster, folding a stream of
 * events while one broker is stopped and started again: no event lost, the views equal the reference fold, and
 * the change topics, read committed, hold each change once.
 */
class ThreeBrokerClusterIT {
    private static final Logger LOG = LoggerFactory.getLogger(ThreeBrokerClusterIT.class);
    private static final String APPLICATION_ID = "partyline";
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final int EVENTS = 3_000;

    @TempDir
    static Path dir;
    static EmbeddedKafkaCluster cluster;
    static EmbeddedSchemaRegistry registry;
    static PartylineProcessor processor;
    static Admin admin;
    static ConsumerGroupLag inputLag;

    /** One cluster and processor for both tests: the topic test publishes nothing, so their order does not matter. */
    @BeforeAll
    static void startClusterAndProcessor() {
        cluster = EmbeddedKafkaCluster.start(dir.resolve("kafka"), 3, 3);
        registry = EmbeddedSchemaRegistry.start(cluster.bootstrapServers(), "localhost", 0);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        inputLag = ConsumerGroupLag.onInputs(cluster.bootstrapServers(), APPLICATION_ID);
        processor = PartylineProcessor.start(PartylineConfig.load(new String[] {
                "--bootstrap-servers", cluster.bootstrapServers(), "--schema-registry-url", registry.url(),
                "--http-port", "0", "--state-dir", dir.resolve("state").toString(), "--partitions", "3",
                "--replication-factor", "3", "--min-insync-replicas", "2"}, Map.of()));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {processor, inputLag, admin, registry, cluster}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                LOG.warn("Could not close {}; closing the rest", c, e);
            }
        }
    }

    @Test
    void shouldFoldEveryEventOnceWhileABrokerIsStoppedAndStartedAgain() throws Exception {
        List<SpecificRecord> events = TestEvents.generate(EVENTS, 8);
        int third = EVENTS / 3;
        try (PartylinePublisher publisher = new PartylinePublisher(cluster.bootstrapServers(), registry.url())) {
            publish(publisher, events.subList(0, third));
            int stopped = leaderOf("statements", 0);
            LOG.info("Stopping broker {}, the leader of statements-0, mid-stream", stopped);
            cluster.stopNode(stopped);
            publish(publisher, events.subList(third, 2 * third));
            inputLag.awaitCaughtUp(SETTLE);
            LOG.info("Two thirds folded with broker {} down; starting it again", stopped);
            cluster.startNode(stopped);
            publish(publisher, events.subList(2 * third, EVENTS));
        }
        inputLag.awaitCaughtUp(SETTLE);

        ReferenceFold expected = ReferenceFold.of(events);
        awaitViews(expected.views());
        Map<String, List<String>> stanceChanges = ChangeRecords.stanceChanges(cluster.bootstrapServers(),
                registry.url(), "stance-changes");
        Map<String, List<String>> claimStatus = ChangeRecords.claimStatus(cluster.bootstrapServers(), registry.url(),
                "claim-status");
        assertFalse(expected.stanceChanges.isEmpty(), "the events make stance changes");
        assertEquals(expected.stanceChangesByParty, stanceChanges,
                "stance-changes, read committed: each change once, in order per party");
        assertEquals(expected.claimStatusByClaim, claimStatus,
                "claim-status, read committed: each status change once, in order per claim");
    }

    @Test
    void shouldCreateEveryTopicWithReplicationFactorThreeAndMinInsyncReplicasTwo() throws Exception {
        Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        Set<String> internal = topics.stream().filter(t -> t.startsWith(APPLICATION_ID + "-")
                && (t.endsWith("-changelog") || t.endsWith("-repartition"))).collect(Collectors.toSet());
        assertEquals(PartylineTopology.internalTopics(APPLICATION_ID), new TreeSet<>(internal),
                "a changelog per store and the repartition topics");
        Set<String> checked = new TreeSet<>(internal);
        checked.addAll(List.of("statements", "claims", "stance-changes", "claim-status", "partyline-dlq"));

        Map<String, TopicDescription> descriptions = admin.describeTopics(checked).allTopicNames()
                .get(30, TimeUnit.SECONDS);
        Map<String, Integer> replicas = new TreeMap<>();
        descriptions.forEach((name, d) -> replicas.put(name, d.partitions().stream()
                .mapToInt(p -> p.replicas().size()).min().orElse(0)));
        assertEquals(checked.stream().collect(Collectors.toMap(t -> t, t -> 3, (a, b) -> a, TreeMap::new)), replicas,
                "replicas of every partition");

        var resources = checked.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<String, String> minIsr = new TreeMap<>();
        admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS).forEach((r, config) ->
                minIsr.put(r.name(), config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()));
        assertEquals(checked.stream().collect(Collectors.toMap(t -> t, t -> "2", (a, b) -> a, TreeMap::new)), minIsr,
                "min.insync.replicas of every topic");
    }

    private static void publish(PartylinePublisher publisher, List<SpecificRecord> events) {
        publisher.publishAll(events);
        publisher.flush();
    }

    private static int leaderOf(String topic, int partition) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic);
        return description.partitions().get(partition).leader().id();
    }

    /** The re-keyed views follow the input within a commit or two: polls until they match, then compares. */
    private void awaitViews(Map<String, Object> expected) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<String, Object> actual = LocalViews.of(processor.kafkaStreams());
        while (!expected.equals(actual) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            actual = LocalViews.of(processor.kafkaStreams());
        }
        assertEquals(expected, actual, "views after the broker came back");
        assertTrue(((List<?>) actual.get("stances")).size() > 50, "the views hold the events");
    }
}
