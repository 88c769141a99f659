package org.partyline.processor.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * Input for the fault tests, like the contract check's generator: 24 parties, 30 topics and 60 claims, 60 %
 * statements, {@code occurredAt} anywhere in a year so that most events arrive late (before events they precede in
 * time), and redeliveries: about 5 % of the arrivals repeat an earlier event, same eventId, same content.
 */
public final class GeneratedEvents {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedEvents() {
    }

    /** {@code distinct} events and their redeliveries, in arrival order. */
    public static List<SpecificRecord> generate(int distinct, Random random) {
        List<SpecificRecord> arrivals = new ArrayList<>(distinct + distinct / 16);
        for (int i = 0; i < distinct; i++) {
            String party = String.format("P%02d", random.nextInt(24));
            Instant at = T0.plusSeconds(60L * random.nextInt(365 * 24 * 60));
            if (random.nextDouble() < 0.6) {
                arrivals.add(Statement.newBuilder().setEventId("s" + i).setParty(party)
                        .setTopic("topic-" + random.nextInt(30)).setStance(Stance.values()[random.nextInt(5)])
                        .setOccurredAt(at).build());
            } else {
                String claimId = "claim-" + random.nextInt(60);
                arrivals.add(Claim.newBuilder().setEventId("c" + i).setParty(party).setClaimId(claimId)
                        .setPosition(Position.values()[random.nextInt(4)]).setOccurredAt(at)
                        .setProposition(random.nextDouble() < 0.3 ? "proposition " + claimId + " v"
                                + random.nextInt(3) : null)
                        .build());
            }
            if (random.nextDouble() < 0.05) {
                arrivals.add(arrivals.get(random.nextInt(arrivals.size())));
            }
        }
        return arrivals;
    }

    /** The events as the producer's input: one JSON object per line, in arrival order. */
    public static void writeJsonLines(List<SpecificRecord> events, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SpecificRecord event : events) {
                out.write(JSON.writeValueAsString(json(event)));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the events to " + file, e);
        }
    }

    private static ObjectNode json(SpecificRecord event) {
        ObjectNode o = JSON.createObjectNode();
        if (event instanceof Statement s) {
            o.put("type", "statement").put("eventId", s.getEventId()).put("party", s.getParty())
                    .put("occurredAt", s.getOccurredAt().toString()).put("topic", s.getTopic())
                    .put("stance", s.getStance().name());
        } else if (event instanceof Claim c) {
            o.put("type", "claim").put("eventId", c.getEventId()).put("party", c.getParty())
                    .put("occurredAt", c.getOccurredAt().toString()).put("claimId", c.getClaimId())
                    .put("position", c.getPosition().name());
            if (c.getProposition() != null) {
                o.put("proposition", c.getProposition());
            }
        } else {
            throw new IllegalArgumentException("neither a statement nor a claim: " + event);
        }
        return o;
    }

    /** Publishes the events in order and waits until Kafka has acknowledged them all. */
    public static void publish(String bootstrapServers, String registryUrl, List<SpecificRecord> events) {
        publish(bootstrapServers, registryUrl, PartylinePublisher.Topics.DEFAULT, events);
    }

    /** Publishes the events in order to {@code topics} and waits until Kafka has acknowledged them all. */
    public static void publish(String bootstrapServers, String registryUrl, PartylinePublisher.Topics topics,
                               List<SpecificRecord> events) {
        try (PartylinePublisher publisher = new PartylinePublisher(bootstrapServers,
                org.partyline.serde.SchemaRegistryClients.forUrl(registryUrl), topics, java.util.Map.of())) {
            publisher.publishAll(events);
            publisher.flush();
        }
    }
}
