package org.partyline.processor.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.partyline.events.publish.JsonLinesPublisher;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.events.publish.PublishException;
import org.partyline.events.EventRules;
import org.partyline.events.InvalidEventException;
import org.partyline.events.JsonEventParser;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --demo}: publishes the bundled example (the seed article annotated into statements and claims) through the
 * producer, waits until the views hold all of it, and prints a short summary read back through the REST API.
 */
public final class Demo {
    public static final String EXAMPLE_RESOURCE = "/examples/seed-article.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final Optional<String> token;

    /** @param token {@code http.auth.token}, sent as a bearer token when the API requires one */
    public Demo(URI api, Optional<String> token) {
        this.api = api;
        this.token = token;
    }

    /** Copies the bundled example next to the state so it can be published and named like any file. */
    public static Path exampleFile(Path stateDir) throws IOException {
        Path file = stateDir.resolve("examples").resolve("seed-article.jsonl");
        Files.createDirectories(file.getParent());
        try (InputStream in = Demo.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IOException("the bundled example " + EXAMPLE_RESOURCE + " is missing from the jar");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** Publishes the example and prints the summary once the views are built; false if they never were. */
    public boolean run(Path example, PartylinePublisher publisher, PrintStream out, Duration timeout)
            throws IOException, InterruptedException, PublishException {
        var counts = new JsonLinesPublisher(publisher, System.err).publish(example, example.toString());
        LOG.info("Demo published {} events from {} ({} rejected)", counts.published(), example, counts.rejected());
        Expected expected = Expected.of(example);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!expected.isMetBy(this)) {
            if (System.nanoTime() > deadline) {
                out.println("demo: the views did not hold the example within " + timeout.toSeconds() + " s");
                return false;
            }
            Thread.sleep(250);
        }
        printSummary(out);
        return true;
    }

    void printSummary(PrintStream out) throws IOException, InterruptedException {
        out.println("== Contested claims ==");
        for (JsonNode claim : get("/api/claims?status=CONTESTED").path("claims")) {
            out.printf("%s: %s%n", claim.path("claimId").asText(), claim.path("proposition").asText(""));
            StringBuilder who = new StringBuilder("   ");
            for (JsonNode p : claim.path("positions")) {
                who.append(' ').append(p.path("party").asText()).append(' ').append(p.path("position").asText())
                        .append(';');
            }
            out.println(who.substring(0, who.length() - 1));
        }
        out.println("== Stances ==");
        for (JsonNode party : get("/api/parties").path("parties")) {
            String name = party.asText();
            for (JsonNode s : get("/api/parties/" + name + "/stances").path("stances")) {
                out.printf("%-4s %-34s %-12s since %s%n", name, s.path("topic").asText(), s.path("stance").asText(),
                        s.path("since").asText());
            }
        }
        out.println("== Stance changes ==");
        for (JsonNode party : get("/api/parties").path("parties")) {
            String name = party.asText();
            for (JsonNode c : get("/api/parties/" + name + "/changes").path("changes")) {
                out.printf("%-4s %-34s %s -> %s at %s%n", name, c.path("topic").asText(), c.path("from").asText(),
                        c.path("to").asText(), c.path("occurredAt").asText());
            }
        }
        out.flush();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(10)).GET();
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        HttpRequest request = builder.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            return JSON.createObjectNode();
        }
        return JSON.readTree(response.body());
    }

    /** How much of the example the views must hold: distinct statements and distinct claims. */
    record Expected(Set<String> parties, int statements, int claims) {
        static Expected of(Path example) throws IOException {
            Set<String> parties = new HashSet<>();
            Set<String> statementIds = new HashSet<>();
            Set<String> claimIds = new HashSet<>();
            JsonEventParser parser = new JsonEventParser();
            for (String line : Files.readAllLines(example, StandardCharsets.UTF_8)) {
                parse(parser, line).ifPresent(event -> {
                    if (event instanceof Statement s) {
                        parties.add(s.getParty());
                        statementIds.add(s.getParty() + "\u0000" + s.getEventId());
                    } else if (event instanceof Claim c) {
                        parties.add(c.getParty());
                        claimIds.add(c.getClaimId());
                    }
                });
            }
            return new Expected(parties, statementIds.size(), claimIds.size());
        }

        /** The event of a line, or empty for a blank or invalid line (the publisher has reported it). */
        private static Optional<SpecificRecord> parse(JsonEventParser parser, String line) {
            if (EventRules.isBlank(line)) {
                return Optional.empty();
            }
            try {
                return Optional.of(parser.parse(line));
            } catch (InvalidEventException e) {
                LOG.debug("Example line not counted: {}", e.getMessage());
                return Optional.empty();
            }
        }

        boolean isMetBy(Demo demo) throws IOException, InterruptedException {
            if (demo.get("/api/claims").path("claims").size() < claims) {
                return false;
            }
            int seen = 0;
            for (String party : parties) {
                for (JsonNode s : demo.get("/api/parties/" + party + "/stances").path("stances")) {
                    seen += s.path("statements").asInt();
                }
            }
            return seen >= statements;
        }
    }
}
