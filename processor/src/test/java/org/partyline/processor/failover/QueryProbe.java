package org.partyline.processor.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A client that asks one instance for every key and list, round after round, and judges each answer against the
 * view the cluster gave before the failure: a 200 whose body differs, or a 404 for something that exists, is WRONG;
 * a 503 (or no answer) is UNAVAILABLE; a 200 with {@code X-Partyline-Stale: true} and the right body is STALE_RIGHT.
 */
public final class QueryProbe {
    public static final String STALE_HEADER = "X-Partyline-Stale";
    public static final String LAG_HEADER = "X-Partyline-Lag";
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Verdict { RIGHT, STALE_RIGHT, UNAVAILABLE, WRONG }

    /** One answer, {@code atMillis} after the kill (negative: before it). */
    public record Answer(long atMillis, String path, int status, Verdict verdict, String detail) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;

    public QueryProbe(URI api) {
        this.api = api;
    }

    /** Every path of the failover data set of {@code parties} parties (see {@link FailoverCluster#publish}). */
    public static List<String> paths(int parties) {
        List<String> paths = new ArrayList<>(List.of("/api/parties", "/api/claims", "/api/claims?status=CONTESTED"));
        for (int i = 0; i < parties; i++) {
            String party = String.format("P%02d", i);
            paths.add("/api/parties/" + party + "/stances");
            paths.add("/api/parties/" + party + "/stances/topic-" + (i % 5));
            paths.add("/api/parties/" + party + "/changes");
            paths.add("/api/parties/" + party + "/contested-claims");
            paths.add("/api/claims/claim-" + i);
        }
        IntStream.range(0, 4).forEach(q -> {
            paths.add("/api/parties/Q" + q + "/stances");
            paths.add("/api/parties/Q" + q + "/contested-claims");
        });
        IntStream.range(0, 5).forEach(t -> paths.add("/api/topics/topic-" + t + "/stances"));
        return List.copyOf(paths);
    }

    /** The views once the cluster is settled: two rounds in a row, every answer 200 and the same. */
    public Map<String, JsonNode> settledViews(List<String> paths, int parties, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, JsonNode> previous = Map.of();
        while (System.nanoTime() < deadline) {
            Map<String, JsonNode> round = new LinkedHashMap<>();
            for (String path : paths) {
                Response r = get(path);
                if (r.status == 200 && !r.stale) {
                    round.put(path, r.body);
                }
            }
            boolean complete = round.size() == paths.size()
                    && round.get("/api/parties").path("parties").size() == parties + 4;
            if (complete && round.equals(previous)) {
                return round;
            }
            previous = round;
            Thread.sleep(500);
        }
        throw new AssertionError("the views did not settle within " + timeout.toSeconds() + " s on " + api);
    }

    /**
     * Asks every path round after round: for {@code before}, then runs {@code kill}, then until {@code quiet} has
     * passed with every answer RIGHT (the survivor has taken over), at most {@code max} after the kill.
     */
    public List<Answer> observe(Map<String, JsonNode> expected, Duration before, Kill kill, Duration quiet,
                                Duration max) throws InterruptedException {
        List<Answer> answers = new ArrayList<>();
        long start = System.nanoTime();
        long killedAt = Long.MAX_VALUE;
        long lastNotRight = Long.MAX_VALUE;
        while (true) {
            long now = System.nanoTime();
            if (killedAt == Long.MAX_VALUE && now - start >= before.toNanos()) {
                kill.run();
                killedAt = System.nanoTime();
                lastNotRight = killedAt;
            }
            if (killedAt != Long.MAX_VALUE && (now - lastNotRight >= quiet.toNanos()
                    || now - killedAt >= max.toNanos())) {
                return answers;
            }
            for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
                Response r = get(e.getKey());
                long at = System.nanoTime();
                Answer a = judge(e.getKey(), e.getValue(), r,
                        killedAt == Long.MAX_VALUE ? -1 : (at - killedAt) / 1_000_000);
                answers.add(a);
                if (a.verdict() != Verdict.RIGHT) {
                    lastNotRight = at;
                }
            }
        }
    }

    /** What the observation shows: the unavailability window and the wrong answers. */
    public record Summary(int answers, int right, int stale, int unavailable, int wrong, long windowMillis,
                          long pathsUnavailable, long takeoverMillis, List<Answer> wrongAnswers) {

        /**
         * The window is the longest time, after the kill, between two answers of one path that were not 503 while
         * that path answered 503 in between: how long a client could not get that key.
         */
        public static Summary of(List<Answer> answers) {
            Map<String, Long> lastAnswered = new LinkedHashMap<>();
            Map<String, Boolean> failing = new LinkedHashMap<>();
            long window = 0;
            long lastNotRight = 0;
            for (Answer a : answers) {
                if (a.atMillis() < 0) {
                    continue;
                }
                if (a.verdict() == Verdict.UNAVAILABLE) {
                    failing.put(a.path(), true);
                    window = Math.max(window, a.atMillis() - lastAnswered.getOrDefault(a.path(), 0L));
                } else {
                    if (failing.getOrDefault(a.path(), false)) {
                        window = Math.max(window, a.atMillis() - lastAnswered.getOrDefault(a.path(), 0L));
                    }
                    failing.put(a.path(), false);
                    lastAnswered.put(a.path(), a.atMillis());
                }
                if (a.verdict() != Verdict.RIGHT) {
                    lastNotRight = Math.max(lastNotRight, a.atMillis());
                }
            }
            List<Answer> wrong = answers.stream().filter(a -> a.verdict() == Verdict.WRONG).toList();
            long paths = answers.stream().filter(a -> a.atMillis() >= 0 && a.verdict() == Verdict.UNAVAILABLE)
                    .map(Answer::path).distinct().count();
            return new Summary(answers.size(), count(answers, Verdict.RIGHT), count(answers, Verdict.STALE_RIGHT),
                    count(answers, Verdict.UNAVAILABLE), wrong.size(), window, paths, lastNotRight, wrong);
        }

        private static int count(List<Answer> answers, Verdict v) {
            return (int) answers.stream().filter(a -> a.verdict() == v).count();
        }

        @Override
        public String toString() {
            return String.format("answers=%d right=%d stale=%d unavailable=%d wrong=%d window=%d ms (paths with a 503:"
                            + " %d) takeover=%d ms", answers, right, stale, unavailable, wrong, windowMillis,
                    pathsUnavailable, takeoverMillis);
        }
    }

    @FunctionalInterface
    public interface Kill {
        void run() throws InterruptedException;
    }

    private static Answer judge(String path, JsonNode expected, Response r, long at) {
        if (r.status == 200) {
            if (!expected.equals(r.body)) {
                return new Answer(at, path, 200, Verdict.WRONG, "200 " + r.body + " instead of " + expected);
            }
            return new Answer(at, path, 200, r.stale ? Verdict.STALE_RIGHT : Verdict.RIGHT, r.lag);
        }
        if (r.status == 503 || r.status == 0) {
            return new Answer(at, path, r.status, Verdict.UNAVAILABLE, String.valueOf(r.body));
        }
        return new Answer(at, path, r.status, Verdict.WRONG, r.status + " " + r.body);
    }

    private record Response(int status, JsonNode body, boolean stale, String lag) {
    }

    private Response get(String path) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(api.resolve(path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isEmpty() ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), body,
                    r.headers().firstValue(STALE_HEADER).map("true"::equals).orElse(false),
                    r.headers().firstValue(LAG_HEADER).orElse(null));
        } catch (IOException e) {
            return new Response(0, JSON.getNodeFactory().textNode(e.toString()), false, null);
        }
    }
}
