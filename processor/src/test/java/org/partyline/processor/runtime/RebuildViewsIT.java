package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.partyline.processor.streams.PartylineTopology;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.faults.ChangeRecords;
import org.partyline.processor.faults.ConsumerGroupLag;
import org.partyline.processor.faults.ViewSnapshot;
import org.partyline.processor.streams.ReferenceFold;
import org.partyline.events.publish.PartylinePublisher;

/**
 * The procedure of docs/operations.md, "Rebuilding the views": stop the processor, start it with a new {@code application.id}, delete the
 * old application's internal topics. The rebuilt views answer exactly what the old ones did, and downstream
 * consumers of the change topics get every change record a second time.
 */
class RebuildViewsIT {
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final String OLD_ID = "partyline";
    private static final String NEW_ID = "partyline-rebuild-1";

    @TempDir
    Path dir;

    @Test
    void shouldRebuildEveryViewFromTheInputLogsUnderANewApplicationId() throws Exception {
        List<SpecificRecord> events = TestEvents.generate(600, 11);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 3);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ViewSnapshot before;
            try (PartylineProcessor old = PartylineProcessor.start(config(kafka, registry, OLD_ID));
                 PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers(), registry.url())) {
                publisher.publishAll(events);
                publisher.flush();
                awaitInputsCommitted(kafka, OLD_ID);
                before = awaitStableSnapshot(old.apiUrl());
            }
            assertTrue(before.entries() > 50, "the snapshot covers the views: " + before.sizes());

            try (PartylineProcessor rebuilt = PartylineProcessor.start(config(kafka, registry, NEW_ID))) {
                awaitInputsCommitted(kafka, NEW_ID);
                URI api = rebuilt.apiUrl();
                ViewSnapshot rebuiltViews = ViewSnapshot.await(api, before, SETTLE);
                assertEquals(before, rebuiltViews, () -> "every view after the rebuild: "
                        + rebuiltViews.differencesFrom(before));

                List<String> oldTopics = internalTopics(admin, OLD_ID);
                assertEquals(PartylineTopology.internalTopics(OLD_ID), new TreeSet<>(oldTopics),
                        "a changelog per store and the repartition topics");
                admin.deleteTopics(oldTopics).all().get(30, TimeUnit.SECONDS);
                admin.deleteConsumerGroups(List.of(OLD_ID)).all().get(30, TimeUnit.SECONDS);
                ViewSnapshot afterDelete = ViewSnapshot.read(api);
                assertEquals(before, afterDelete, () -> "every view once the old internal topics are gone: "
                        + afterDelete.differencesFrom(before));
                assertEquals(PartylineTopology.internalTopics(NEW_ID), new TreeSet<>(internalTopics(admin, NEW_ID)));
            }

            ReferenceFold reference = ReferenceFold.of(events);
            assertFalse(reference.stanceChanges.isEmpty());
            assertEquals(twice(reference.stanceChangesByParty),
                    ChangeRecords.stanceChanges(kafka.bootstrapServers(), registry.url(), "stance-changes"),
                    "downstream sees each stance change again, in the same order per party");
            assertEquals(twice(reference.claimStatusByClaim),
                    ChangeRecords.claimStatus(kafka.bootstrapServers(), registry.url(), "claim-status"),
                    "downstream sees each claim status change again, in the same order per claim");
        }
    }

    private PartylineConfig config(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, String applicationId) {
        return PartylineConfig.load(new String[] {"--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registry.url(), "--http-port", "0", "--application-id", applicationId,
                "--state-dir", dir.resolve("state").toString()}, Map.of());
    }

    private static void awaitInputsCommitted(EmbeddedKafka kafka, String applicationId) throws Exception {
        try (ConsumerGroupLag lag = ConsumerGroupLag.onInputs(kafka.bootstrapServers(), applicationId)) {
            lag.awaitCaughtUp(SETTLE);
        }
    }

    /** The re-keyed views trail the input by a commit: the snapshot is taken once two in a row agree. */
    private static ViewSnapshot awaitStableSnapshot(URI api) throws InterruptedException {
        ViewSnapshot previous = ViewSnapshot.read(api);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            ViewSnapshot next = ViewSnapshot.read(api);
            if (next.equals(previous)) {
                return next;
            }
            previous = next;
        }
        throw new AssertionError("the views did not settle within " + SETTLE.toSeconds() + " s");
    }

    /** The changelog and repartition topics of an application: what the procedure deletes. */
    private static List<String> internalTopics(Admin admin, String applicationId) throws Exception {
        Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        return topics.stream().filter(t -> t.startsWith(applicationId + "-")
                        && (t.endsWith("-changelog") || t.endsWith("-repartition"))
                        && !(applicationId.equals(OLD_ID) && t.startsWith(NEW_ID + "-")))
                .sorted().collect(Collectors.toList());
    }

    private static Map<String, List<String>> twice(Map<String, List<String>> once) {
        Map<String, List<String>> doubled = new TreeMap<>();
        once.forEach((k, v) -> {
            List<String> both = new ArrayList<>(v);
            both.addAll(v);
            doubled.put(k, both);
        });
        return doubled;
    }
}
