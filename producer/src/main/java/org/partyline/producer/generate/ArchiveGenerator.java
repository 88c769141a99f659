package org.partyline.producer.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Generates an archive of the given {@link ArchiveShape} as JSON Lines that {@code publish} accepts (statements and
 * claims mixed), one event at a time: memory grows with the number of parties, topics and claims, never with the
 * number of events. Deterministic by seed: each event is a function of the seed and its index alone, which is also
 * how a redelivery repeats an earlier event exactly.
 *
 * <p>Times run forward over {@code years} from 2020-01-01 as the archive goes, with a few hours of jitter; one event in
 * ten arrives late, up to 60 days before its place. Parties, topics and claims are drawn from Zipf laws of exponent
 * {@code skew} (their names shuffled, so the busiest is not the first in sort order). Each party leans one way on
 * each topic in each half-year and takes one position on each claim most of the time, so stances change now and
 * then and the busy claims are contested.
 */
public final class ArchiveGenerator {
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    private static final long DAY = 86_400;
    private static final String[] STANCES = {"SUPPORT", "LEAN_SUPPORT", "NEUTRAL", "LEAN_OPPOSE", "OPPOSE"};
    private static final String[] POSITIONS = {"ASSERTS", "DENIES", "DISPUTES", "RETRACTS"};
    private static final String[] OUTLETS = {"Wire", "Daily", "Herald", "Observer", "Gazette"};

    private final ArchiveShape shape;
    private final Zipf parties;
    private final Zipf topics;
    private final Zipf claims;
    private final int[] partyIds;
    private final int[] topicIds;
    private final int[] claimIds;
    private final String partyFormat;
    private final String topicFormat;
    private final String claimFormat;
    private final ObjectMapper json = new ObjectMapper();

    /** What was written: distinct events by type, and redeliveries. */
    public record Counts(long statements, long claims, long redeliveries) {
        public long lines() {
            return statements + claims + redeliveries;
        }
    }

    public ArchiveGenerator(ArchiveShape shape) {
        this.shape = shape;
        SplittableRandom names = new SplittableRandom(shape.seed());
        this.parties = new Zipf(shape.parties(), shape.skew());
        this.topics = new Zipf(shape.topics(), shape.skew());
        this.claims = new Zipf(shape.claims(), shape.skew());
        this.partyIds = shuffled(shape.parties(), names);
        this.topicIds = shuffled(shape.topics(), names);
        this.claimIds = shuffled(shape.claims(), names);
        this.partyFormat = "P%0" + digits(shape.parties()) + "d";
        this.topicFormat = "topic-%0" + digits(shape.topics()) + "d";
        this.claimFormat = "claim-%0" + digits(shape.claims()) + "d";
    }

    /** Writes every event, each followed now and then by a redelivery of an earlier one, one line each. */
    public Counts writeTo(Writer out) {
        SplittableRandom arrivals = new SplittableRandom(shape.seed() ^ 0x5DEECE66DL);
        long statements = 0;
        long claimEvents = 0;
        long redelivered = 0;
        try {
            for (long i = 0; i < shape.events(); i++) {
                ObjectNode event = event(i);
                if (event.get("type").asText().equals("claim")) {
                    claimEvents++;
                } else {
                    statements++;
                }
                write(out, event);
                if (shape.redeliveries() > 0 && arrivals.nextDouble() < shape.redeliveries()) {
                    long earlier = Math.max(0, i - 10_000) + arrivals.nextLong(Math.min(i, 10_000) + 1);
                    write(out, event(earlier));
                    redelivered++;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated events", e);
        }
        return new Counts(statements, claimEvents, redelivered);
    }

    /** Event number {@code index}: always the same for the same shape and index. */
    ObjectNode event(long index) {
        SplittableRandom random = new SplittableRandom(shape.seed() * 0x9E3779B97F4A7C15L + index);
        double progress = shape.events() == 0 ? 0 : (double) index / shape.events();
        long span = shape.years() * 365L * DAY;
        long second = (long) (progress * span) + random.nextLong(-6 * 3600, 6 * 3600 + 1);
        if (random.nextDouble() < 0.1) {
            second -= random.nextLong(60 * DAY);
        }
        int halfYear = (int) (Math.max(0, second) / (182 * DAY));
        int party = parties.draw(random);
        String partyName = String.format(partyFormat, partyIds[party]);
        ObjectNode event = json.createObjectNode();
        boolean claim = random.nextDouble() < shape.claimShare();
        event.put("type", claim ? "claim" : "statement")
                .put("eventId", "gen-" + shape.seed() + "-" + index)
                .put("party", partyName);
        if (random.nextDouble() < 0.5) {
            event.put("speaker", "Speaker " + (1 + random.nextInt(5)) + " of " + partyName);
        }
        event.put("occurredAt", START.plusSeconds(Math.max(0, second)).toString());
        if (claim) {
            int rank = claims.draw(random);
            String claimId = String.format(claimFormat, claimIds[rank]);
            event.put("claimId", claimId);
            if (random.nextDouble() < 0.3) {
                event.put("proposition", "What " + claimId + " says happened, in one sentence of the news.");
            }
            int preferred = preference(party, rank, 0, new int[] {4, 3, 2, 1});
            event.put("position", POSITIONS[random.nextDouble() < 0.8 ? preferred : random.nextInt(4)]);
            event.put("quote", partyName + " on " + claimId + ": a sentence of the article that carries the position.");
        } else {
            int rank = topics.draw(random);
            String topic = String.format(topicFormat, topicIds[rank]);
            event.put("topic", topic);
            int preferred = preference(party, rank, halfYear, new int[] {1, 1, 1, 1, 1});
            event.put("stance", STANCES[random.nextDouble() < 0.75 ? preferred : random.nextInt(5)]);
            event.put("quote", partyName + " on " + topic + ": a sentence of the article that carries the stance.");
        }
        if (random.nextDouble() < 0.5) {
            String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
            event.putObject("source").put("outlet", "The " + outlet)
                    .put("url", "https://news.example/" + outlet.toLowerCase(java.util.Locale.ROOT) + "/" + index);
        }
        return event;
    }

    /** The choice (an index into {@code weights}) that a party leans to on a topic or claim in a period. */
    private int preference(int party, int subject, int period, int[] weights) {
        long h = new SplittableRandom(shape.seed() ^ (party * 0x100000001B3L + subject * 31L + period * 7919L))
                .nextLong();
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = (int) Math.floorMod(h, (long) total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private void write(Writer out, ObjectNode event) throws IOException {
        try {
            out.write(json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a generated event as JSON", e);
        }
        out.write('\n');
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        return ids;
    }

    private static int digits(int n) {
        return Math.max(4, Integer.toString(n).length());
    }
}
