package org.partyline.processor.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test client of {@code GET /api/events}: java.net.http reading the body line by line on its own thread, parsed
 * into server-sent event frames (comments kept apart). Sends no {@code Accept} header, like {@code curl -N}.
 */
public final class SseTestClient implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event: its {@code id}, {@code event} name and {@code data} (lines joined by {@code \n}). */
    public record Frame(String id, String event, String data) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final List<Frame> received = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

    private SseTestClient(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects and returns once the answer's headers came (so the server has subscribed this client). */
    public static SseTestClient open(URI events, Optional<String> token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(events).GET();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return new SseTestClient(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    public int status() {
        return response.statusCode();
    }

    public Optional<String> contentType() {
        return response.headers().firstValue("Content-Type");
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            List<String> data = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (event != null || !data.isEmpty()) {
                        Frame frame = new Frame(id, event, String.join("\n", data));
                        received.add(frame);
                        frames.add(frame);
                    }
                    id = null;
                    event = null;
                    data = new ArrayList<>();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                } else {
                    throw new IllegalStateException("not a server-sent event line: " + line);
                }
            }
        } catch (IOException e) {
            // closed by the test or the server
        } finally {
            ended = true;
        }
    }

    /** The next frame, waiting up to {@code timeout}; null when none came. */
    public Frame next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the frames received so far satisfy {@code done}; returns them (whether or not they do). */
    public List<Frame> await(Predicate<List<Frame>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(List.copyOf(received)) && System.nanoTime() < deadline && !ended) {
            Thread.sleep(20);
        }
        return List.copyOf(received);
    }

    /** Every frame received so far. */
    public List<Frame> received() {
        return List.copyOf(received);
    }

    /** The text of every comment line received so far. */
    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** Whether the server ended the stream (or the client was closed). */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing to do: the connection is going anyway
        }
    }
}
