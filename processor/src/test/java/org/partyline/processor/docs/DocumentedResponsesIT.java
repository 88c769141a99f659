package org.partyline.processor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.runtime.PartylineProcessor;
import org.partyline.events.publish.JsonLinesPublisher;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.events.publish.PublishException;

/**
 * The examples of the API in the README and {@code docs/} are the bodies the demo really answers: the processor on
 * its embedded broker and registry runs {@code --demo}, and every marked example (see {@link DocumentedExample}) is
 * asked of its REST API and compared with the page, {@code ...} and white space aside. Then the events the pages
 * publish on top of the demo go through the publisher of the {@code publish} command, and the examples marked as after
 * publishing are compared the same way, the live stream's included.
 */
class DocumentedResponsesIT {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final List<String> PAGES = List.of("README.md", "docs/api.md");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path stateDir;

    @Test
    void shouldAnswerEveryDocumentedExampleAsThePagesSay() throws Exception {
        Path root = RepositoryFiles.root();
        List<DocumentedExample> examples = new ArrayList<>();
        for (String page : PAGES) {
            examples.addAll(DocumentedExample.in(root.resolve(page)));
        }
        assertTrue(examples.stream().anyMatch(e -> e.kind() == DocumentedExample.Kind.RESPONSE),
                "no marked example in " + PAGES);

        try (PartylineProcessor processor = PartylineProcessor.start(PartylineConfig.load(new String[] {
                "--state-dir", stateDir.toString(), "--http-port", "0", "--kafka-port", "0", "--registry-port", "0",
                "--demo"}, Map.of()))) {
            ByteArrayOutputStream demoOut = new ByteArrayOutputStream();
            assertTrue(processor.runDemo(new PrintStream(demoOut, true, StandardCharsets.UTF_8), SETTLE),
                    "the demo did not finish: " + demoOut.toString(StandardCharsets.UTF_8));
            URI api = processor.apiUrl();

            List<String> wrong = new ArrayList<>();
            for (DocumentedExample example : of(examples, DocumentedExample.Kind.RESPONSE)) {
                check(api, example, root, wrong);
            }

            LinkedBlockingQueue<String> stream = new LinkedBlockingQueue<>();
            List<DocumentedExample> streams = of(examples, DocumentedExample.Kind.STREAM_AFTER_PUBLISHING);
            for (DocumentedExample example : streams) {
                follow(api, example.path(), stream);
            }
            Thread.sleep(QUIET.toMillis()); // change records of the demo still on their way are not the pages'
            stream.clear();
            publish(processor, of(examples, DocumentedExample.Kind.PUBLISH));
            for (DocumentedExample example : of(examples, DocumentedExample.Kind.RESPONSE_AFTER_PUBLISHING)) {
                check(api, example, root, wrong);
            }
            for (DocumentedExample example : streams) {
                checkStream(example, stream, root, wrong);
            }
            assertEquals(List.of(), wrong, "documented examples that differ from the real answers");
        }
    }

    private static List<DocumentedExample> of(List<DocumentedExample> examples, DocumentedExample.Kind kind) {
        return examples.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Asks until the answer matches or the settle time is over (the events of a publish fold in a moment). */
    private void check(URI api, DocumentedExample example, Path root, List<String> wrong) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String last;
        while (true) {
            HttpResponse<String> r = get(api.resolve(example.path()));
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == example.status() && ElidedJson.matches(example.body(), r.body())) {
                return;
            }
            if (System.nanoTime() > deadline || example.kind() == DocumentedExample.Kind.RESPONSE) {
                break;
            }
            Thread.sleep(250);
        }
        wrong.add(example.where(root) + ": GET " + example.path() + " answered " + last + "\n  the page says "
                + example.status() + " " + ElidedJson.compact(example.body()));
    }

    /** The stream's events (blank-line separated frames, keep-alive comments left out) as one text, compared. */
    private static void checkStream(DocumentedExample example, LinkedBlockingQueue<String> stream, Path root,
            List<String> wrong) throws InterruptedException {
        int expectedFrames = example.body().split("\\n\\s*\\n").length;
        List<String> frames = new ArrayList<>();
        StringBuilder frame = new StringBuilder();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (frames.size() < expectedFrames && System.nanoTime() < deadline) {
            String line = stream.poll(250, TimeUnit.MILLISECONDS);
            if (line == null || line.startsWith(":")) {
                continue;
            }
            if (line.isEmpty()) {
                if (frame.length() > 0) {
                    frames.add(frame.toString());
                    frame.setLength(0);
                }
            } else {
                frame.append(line).append('\n');
            }
        }
        String actual = String.join("\n", frames);
        if (!ElidedJson.matches(example.body(), actual)) {
            wrong.add(example.where(root) + ": GET " + example.path() + " streamed\n" + actual + "\n  the page says\n"
                    + example.body());
        }
    }

    private HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + uri, e);
        }
    }

    /** Connects to the stream now and queues its lines as they come, on the client's own thread. */
    private void follow(URI api, String path, LinkedBlockingQueue<String> lines) throws Exception {
        HttpResponse<Stream<String>> r = http.sendAsync(HttpRequest.newBuilder(api.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofLines()).get(15, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), "GET " + path);
        Thread reader = new Thread(() -> r.body().forEach(lines::add), "documented-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** The pages' extra events, published as a user would: one JSON Lines file through the {@code publish} command's publisher. */
    private void publish(PartylineProcessor processor, List<DocumentedExample> blocks)
            throws IOException, PublishException {
        if (blocks.isEmpty()) {
            return;
        }
        Path file = stateDir.resolve("documented-events.jsonl");
        Files.write(file, blocks.stream().map(DocumentedExample::body).toList());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JsonLinesPublisher.Counts counts;
        try (PartylinePublisher publisher = new PartylinePublisher(processor.bootstrapServers(),
                processor.registryUrl())) {
            counts = new JsonLinesPublisher(publisher, new PrintStream(err, true, StandardCharsets.UTF_8))
                    .publish(file, file.toString());
        }
        assertEquals(0, counts.rejected(),
                "publishing the pages' events: " + err.toString(StandardCharsets.UTF_8));
    }
}
