package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.faults.ConsumerGroupLag;
import org.partyline.processor.faults.JvmProcess;
import org.partyline.events.publish.JsonLinesPublisher;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.events.publish.PublishException;

/**
 * From an article to the views, as a user runs it: the processor with its embedded broker and registry, the producer
 * jar's streaming job ({@code ingest --follow}, a JVM of its own) with the example codebook, and the seed article
 * published as an article line. Every candidate that {@code ingest} writes for the article reaches the REST views
 * once; the job killed with SIGKILL, started again and given the same article once more adds nothing to them. The
 * processor knows nothing of the ingestion: the job runs from the producer jar.
 */
@Timeout(400)
class IngestedViewsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void shouldBringEveryCandidateOfAnArticleIntoTheViewsOnceAcrossAKilledJob() throws Exception {
        List<JsonNode> candidates = offlineCandidates();
        assertFalse(candidates.isEmpty(), "ingest gives no candidate for the seed article");
        try (PartylineProcessor processor = PartylineProcessor.start(PartylineConfig.load(new String[] {
                "--state-dir", dir.resolve("state").toString(), "--http-port", "0", "--kafka-port", "0",
                "--registry-port", "0", "--partitions", "2"}, Map.of()))) {
            Api api = new Api(processor.apiUrl());
            List<String> follow = List.of("-jar", JvmProcess.producerJar().toString(), "ingest", "--follow",
                    "--codebook", EXAMPLES.resolve("seed-codebook.json").toString(), "--bootstrap-servers",
                    processor.bootstrapServers(), "--schema-registry-url", processor.registryUrl(),
                    "--instance-id", "views-it");
            try (JvmProcess job = JvmProcess.start("ingest-1", List.of("-Xmx512m"), follow, Map.of(),
                    dir.resolve("ingest-1.log"))) {
                job.awaitLine(Pattern.compile("ingesting articles from articles"), SETTLE);
                publishSeedArticle(processor);
                for (JsonNode candidate : candidates) {
                    awaitInViews(api, candidate);
                }
                job.kill();
            }
            long eventsBefore;
            try (ConsumerGroupLag events = ConsumerGroupLag.onInputs(processor.bootstrapServers(), "partyline")) {
                eventsBefore = events.endOffsets();
            }
            try (JvmProcess job = JvmProcess.start("ingest-2", List.of("-Xmx512m"), follow, Map.of(),
                    dir.resolve("ingest-2.log"))) {
                job.awaitLine(Pattern.compile("ingesting articles from articles"), SETTLE);
                publishSeedArticle(processor);
                try (ConsumerGroupLag articles = new ConsumerGroupLag(processor.bootstrapServers(),
                        "partyline-ingest", List.of("articles"));
                     ConsumerGroupLag events = ConsumerGroupLag.onInputs(processor.bootstrapServers(), "partyline")) {
                    articles.awaitCaughtUp(SETTLE);
                    // The article given again comes through the job again: its events are redelivered...
                    assertTrue(events.endOffsets() >= eventsBefore + candidates.size(),
                            "the job wrote no redeliveries: " + events.endOffsets() + " after " + eventsBefore);
                    events.awaitCaughtUp(SETTLE);
                }
                // ...and the views, which ignore a redelivered eventId, keep one of each.
                for (JsonNode candidate : candidates) {
                    assertEquals(1, occurrencesInViews(api, candidate), candidate.toString());
                }
                assertClaimEventCounts(api, candidates);
                assertTrue(job.stop(Duration.ofSeconds(60)), "the job did not end on SIGTERM");
            }
        }
    }

    /** Each claim counts as many events as the article gave candidates on it: none was folded twice. */
    private static void assertClaimEventCounts(Api api, List<JsonNode> candidates) {
        Map<String, Integer> expected = new TreeMap<>();
        for (JsonNode candidate : candidates) {
            if (candidate.get("type").asText().equals("claim")) {
                expected.merge(candidate.get("claimId").asText(), 1, Integer::sum);
            }
        }
        Map<String, Integer> actual = new TreeMap<>();
        for (String claimId : expected.keySet()) {
            actual.put(claimId, api.get("/api/claims/" + encode(claimId)).body().path("events").asInt());
        }
        assertEquals(expected, actual);
    }

    /** The candidates {@code ingest} writes for the seed article, from the producer jar. */
    private List<JsonNode> offlineCandidates() throws Exception {
        Path out = dir.resolve("candidates.jsonl");
        Process ingest = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JvmProcess.producerJar().toString(), "ingest", "--codebook",
                EXAMPLES.resolve("seed-codebook.json").toString(), "--out", out.toString(),
                EXAMPLES.resolve("seed-article.jsonl").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("offline.log").toFile()).start();
        assertTrue(ingest.waitFor(120, TimeUnit.SECONDS), "offline ingest did not end");
        assertEquals(0, ingest.exitValue(), Files.readString(dir.resolve("offline.log")));
        List<JsonNode> candidates = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            candidates.add(JSON.readTree(line));
        }
        return candidates;
    }

    /** The seed article onto {@code articles}, through the publisher of the {@code publish} command. */
    private static void publishSeedArticle(PartylineProcessor processor) throws IOException, PublishException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JsonLinesPublisher.Counts counts;
        try (PartylinePublisher publisher = new PartylinePublisher(processor.bootstrapServers(),
                processor.registryUrl())) {
            counts = new JsonLinesPublisher(publisher, new PrintStream(err, true, StandardCharsets.UTF_8))
                    .publish(EXAMPLES.resolve("seed-article.jsonl"), "seed-article.jsonl");
        }
        assertEquals(new JsonLinesPublisher.Counts(1, 0), counts, err.toString(StandardCharsets.UTF_8));
    }

    private static void awaitInViews(Api api, JsonNode candidate) throws InterruptedException {
        api.await(path(candidate), body -> occurrences(body, candidate) > 0, SETTLE);
    }

    private static int occurrencesInViews(Api api, JsonNode candidate) {
        Api.Response response = api.get(path(candidate));
        assertEquals(200, response.status(), path(candidate) + ": " + response.body());
        return occurrences(response.body(), candidate);
    }

    /** Statements: the party's history on the topic. Claims: the claim (its positions and event count). */
    private static String path(JsonNode candidate) {
        return candidate.get("type").asText().equals("statement")
                ? "/api/parties/" + encode(candidate.get("party").asText()) + "/stances/"
                        + encode(candidate.get("topic").asText()) + "?limit=1000"
                : "/api/claims/" + encode(candidate.get("claimId").asText());
    }

    /**
     * How often the candidate is in the view: in a stance history, the entries with its eventId; in a claim, 1 when
     * its party holds a position there (its last event on the claim), with at most as many events as the job wrote.
     */
    private static int occurrences(JsonNode body, JsonNode candidate) {
        String eventId = candidate.get("eventId").asText();
        int found = 0;
        if (candidate.get("type").asText().equals("statement")) {
            for (JsonNode entry : body.path("history")) {
                if (entry.path("eventId").asText().equals(eventId)) {
                    found++;
                }
            }
            return found;
        }
        for (JsonNode position : body.path("positions")) {
            if (position.path("party").asText().equals(candidate.get("party").asText())) {
                found++;
            }
        }
        return found;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
