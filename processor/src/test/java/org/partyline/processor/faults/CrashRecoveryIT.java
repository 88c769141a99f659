package org.partyline.processor.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.processor.streams.ReferenceFold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor jar killed with SIGKILL at random moments while it folds, on an external broker JVM, restarted each
 * time with the same application id, its {@code --state-dir} wiped before some restarts; then every view equals the
 * reference fold of the input, and the change topics, read committed, hold exactly the records of an uninterrupted
 * run (the reference's): none missing, none twice.
 *
 * <p>Size: {@code -Dpartyline.crash.events=N} distinct events (default 20,000, about 5 % more arrive as
 * redeliveries), {@code -Dpartyline.crash.kills=K} (default 5), {@code -Dpartyline.crash.seed=S} (default: random,
 * logged). The same kills under {@code at_least_once} run with {@code -Dpartyline.crash.atLeastOnce=true} and report
 * the duplicates the change topics got. See docs/operations.md, "Crashes and restarts".
 */
class CrashRecoveryIT {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryIT.class);
    private static final int EVENTS = Integer.getInteger("partyline.crash.events", 20_000);
    private static final int KILLS = Integer.getInteger("partyline.crash.kills", 5);
    private static final long SEED = Long.getLong("partyline.crash.seed", new Random().nextLong());
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration FOLD_WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static BrokerProcess broker;
    private static List<SpecificRecord> events;
    private static ReferenceFold reference;

    @BeforeAll
    static void startBrokerAndGenerate() throws Exception {
        LOG.info("Crash test: {} distinct events, {} kills, seed {} (-Dpartyline.crash.seed={} repeats it)", EVENTS,
                KILLS, SEED, SEED);
        events = GeneratedEvents.generate(EVENTS, new Random(SEED));
        reference = ReferenceFold.of(events);
        broker = BrokerProcess.start(dir.resolve("broker"), 3);
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldFoldExactlyOnceThroughSigkillsAndStateWipes() throws Exception {
        Outcome outcome = crashRun("exactly_once_v2", "eos");
        assertEquals("", outcome.viewDifferences, "views after the crashes differ from the reference fold");
        assertTrue(outcome.stanceChanges.exact(), "stance-changes under exactly-once: " + outcome.stanceChanges);
        assertTrue(outcome.claimStatus.exact(), "claim-status under exactly-once: " + outcome.claimStatus);
    }

    @Test
    @EnabledIfSystemProperty(named = "partyline.crash.atLeastOnce", matches = "true")
    void shouldMeasureWhatAtLeastOnceGivesUpUnderTheSameKills() throws Exception {
        Outcome outcome = crashRun("at_least_once", "alos");
        LOG.info("at_least_once: stance-changes {}, claim-status {}", outcome.stanceChanges, outcome.claimStatus);
        assertEquals("", outcome.viewDifferences, "views after the crashes differ from the reference fold");
        assertEquals(0, outcome.stanceChanges.missing(), "stance-changes lost records: " + outcome.stanceChanges);
        assertEquals(0, outcome.claimStatus.missing(), "claim-status lost records: " + outcome.claimStatus);
    }

    record Outcome(String viewDifferences, ChangeRecords.Comparison stanceChanges,
                   ChangeRecords.Comparison claimStatus) {
    }

    /**
     * Publishes the events in {@code KILLS + 1} chunks: each chunk right after a start's READY, then a SIGKILL at a
     * random moment of the fold of the backlog; the last start folds the last chunk to the end. Each guarantee has its own
     * application id, input topics and change topics, so that either run sees only its own publishes.
     */
    private Outcome crashRun(String guarantee, String name) throws Exception {
        Random random = new Random(SEED ^ name.hashCode());
        String stanceTopic = name + "-stance-changes";
        String claimTopic = name + "-claim-status";
        String applicationId = "crash-" + name;
        org.partyline.events.publish.PartylinePublisher.Topics inputs =
                new org.partyline.events.publish.PartylinePublisher.Topics(name + "-statements", name + "-claims");
        long started = System.nanoTime();
        try (ProcessorProcess processor = ProcessorProcess.on(broker, name, dir.resolve(name),
                "--application-id", applicationId, "--instance-id", applicationId + "-1",
                "--processing-guarantee", guarantee, "--topic-stance-changes", stanceTopic,
                "--topic-statements", inputs.statements(), "--topic-claims", inputs.claims(),
                "--topic-claim-status", claimTopic);
             ConsumerGroupLag lag = new ConsumerGroupLag(broker.bootstrapServers(), applicationId,
                     List.of(inputs.statements(), inputs.claims()))) {
            List<List<SpecificRecord>> chunks = chunks(events, KILLS + 1);
            boolean atLeastOnce = "at_least_once".equals(guarantee);
            long foldedSoFar = 0;
            for (int kill = 0; kill < KILLS; kill++) {
                long t0 = System.nanoTime();
                processor.start();
                long readyMs = (System.nanoTime() - t0) / 1_000_000;
                GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), inputs, chunks.get(kill));
                // The moment of the kill: once this run has folded a random share (10 to 90 %) of the backlog (its
                // own count, /metrics, committed or not), plus up to 0.5 s: each kill lands mid-fold, between commits.
                // Under at_least_once nothing may be committed yet (every 30 s), but a replayed event the views already
                // hold is not counted again: the share is of what is left to fold, as far as the counts tell.
                long backlog = lag.lag();
                long toFold = atLeastOnce ? Math.max(chunks.get(kill).size(), backlog - foldedSoFar) : backlog;
                long target = (long) (toFold * (0.1 + 0.8 * random.nextDouble()));
                RestViews rest = new RestViews(processor.api());
                long waitStart = System.nanoTime();
                while (folded(rest) < target && System.nanoTime() - waitStart < FOLD_WAIT.toNanos()) {
                    Thread.sleep(50);
                }
                long delayMs = random.nextInt(500);
                Thread.sleep(delayMs); // a random moment, not a wait for a condition
                long foldedBeforeKill = folded(rest);
                foldedSoFar += foldedBeforeKill;
                long behind = lag.lag();
                processor.kill();
                boolean wipe = kill % 2 == 1; // kills 2 and 4 of 5: stores come back from the changelogs
                if (wipe) {
                    processor.wipeState();
                }
                LOG.info("{} kill {}: READY after {} ms, chunk of {} published, backlog {}, SIGKILL after {} folded"
                                + " with {} input records uncommitted; state dir {}", name, kill + 1, readyMs,
                        chunks.get(kill).size(), backlog, foldedBeforeKill, behind, wipe ? "wiped" : "kept");
            }
            processor.start();
            GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), inputs, chunks.get(KILLS));
            lag.awaitCaughtUp(CATCH_UP);
            // The rekeyed views (topic stances, contested claims) follow through repartition topics, and the change
            // topics' last transaction may still be open: poll both, bounded.
            ViewSnapshot expected = ViewSnapshot.of(reference);
            ViewSnapshot actual = ViewSnapshot.await(processor.api(), expected, SETTLE);
            LOG.info("{}: caught up {} s after the first start; views {}", name,
                    (System.nanoTime() - started) / 1_000_000_000, actual.sizes());
            long deadline = System.nanoTime() + SETTLE.toNanos();
            Map<String, List<String>> stance;
            Map<String, List<String>> claim;
            do {
                stance = ChangeRecords.stanceChanges(broker.bootstrapServers(), broker.registryUrl(), stanceTopic);
                claim = ChangeRecords.claimStatus(broker.bootstrapServers(), broker.registryUrl(), claimTopic);
            } while (!(count(stance) >= reference.stanceChanges.size()
                    && count(claim) >= reference.claimStatus.size()) && System.nanoTime() < deadline);
            Outcome outcome = new Outcome(actual.differencesFrom(expected),
                    ChangeRecords.compare(reference.stanceChangesByParty, stance),
                    ChangeRecords.compare(reference.claimStatusByClaim, claim));
            LOG.info("{}: {} kills; stance-changes {}; claim-status {}", name, KILLS, outcome.stanceChanges,
                    outcome.claimStatus);
            processor.stop();
            return outcome;
        }
    }

    /** Events this processor JVM has folded: {@code partyline_events_folded_total} summed over its topics. */
    private static long folded(RestViews rest) {
        return rest.text("/metrics").lines().filter(l -> l.startsWith("partyline_events_folded_total"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static int count(Map<String, List<String>> byKey) {
        return byKey.values().stream().mapToInt(List::size).sum();
    }

    private static <T> List<List<T>> chunks(List<T> all, int n) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chunks.add(all.subList(all.size() * i / n, all.size() * (i + 1) / n));
        }
        return chunks;
    }
}
