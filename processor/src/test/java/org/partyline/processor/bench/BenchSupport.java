package org.partyline.processor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.partyline.processor.faults.ConsumerGroupLag;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/** What the benchmark harnesses share: generated events, medians and scratch directories. */
final class BenchSupport {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private BenchSupport() {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("partyline-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the group of {@code applicationId} has committed the end of both input topics. */
    static void awaitInputsCommitted(String bootstrap, String applicationId, Duration timeout) throws Exception {
        try (ConsumerGroupLag lag = ConsumerGroupLag.onInputs(bootstrap, applicationId)) {
            lag.awaitCaughtUp(timeout);
        }
    }

    /**
     * Waits until the group of {@code applicationId} has committed the end of its repartition topics: once the inputs
     * are committed, what it must commit to have every view.
     */
    static void awaitRepartitionsCommitted(String bootstrap, Admin admin, String applicationId, Duration timeout)
            throws Exception {
        List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition")).toList();
        try (ConsumerGroupLag lag = new ConsumerGroupLag(bootstrap, applicationId, topics)) {
            lag.awaitCaughtUp(timeout);
        }
    }

    /** Publishes {@code n} generated events in chunks (a long history is not held in memory at once). */
    static void publish(String bootstrap, String registryUrl, int n) {
        long start = System.nanoTime();
        Random random = new Random(1);
        try (PartylinePublisher publisher = new PartylinePublisher(bootstrap, registryUrl)) {
            for (int done = 0; done < n; done += 100_000) {
                publisher.publishAll(events(Math.min(100_000, n - done), random, done));
            }
            publisher.flush();
        }
        System.out.printf("published %d events in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
    }

    /** Events like the contract check's generator: 24 parties, 30 topics, 60 claims, times out of order. */
    static List<SpecificRecord> events(int n, Random random) {
        return events(n, random, 0);
    }

    /** As {@link #events(int, Random)}, event ids numbered from {@code first}: a long history made in chunks. */
    static List<SpecificRecord> events(int n, Random random, int first) {
        List<SpecificRecord> events = new ArrayList<>(n);
        for (int i = first; i < first + n; i++) {
            String party = String.format("P%02d", random.nextInt(24));
            Instant at = T0.plusSeconds(random.nextInt(365 * 24 * 3600));
            if (random.nextDouble() < 0.6) {
                events.add(Statement.newBuilder().setEventId("s" + i).setParty(party)
                        .setTopic("topic-" + random.nextInt(30)).setStance(Stance.values()[random.nextInt(5)])
                        .setOccurredAt(at).build());
            } else {
                events.add(Claim.newBuilder().setEventId("c" + i).setParty(party)
                        .setClaimId("claim-" + random.nextInt(60)).setPosition(Position.values()[random.nextInt(4)])
                        .setOccurredAt(at).build());
            }
        }
        return events;
    }
}
