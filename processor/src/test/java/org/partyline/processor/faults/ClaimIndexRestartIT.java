package org.partyline.processor.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;

/**
 * Nothing folded is lost across a stop between commits: a processor with a commit interval of 60 s folds two events
 * of a claim (its summary, positions and the index by party all written within the open transaction) and is stopped
 * before any interval passes; its local state is then lost. Started again from the changelogs, it has the claim and
 * both parties' entries in {@code party-claims}: each party's contested claims appear, and so do the claim's pages.
 */
class ClaimIndexRestartIT {
    private static final String CLAIM = "pokrovsk-captured";

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheClaimAndEveryPartysEntryAcrossAStopBeforeACommit() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"), 2)) {
            try (ProcessorProcess slow = ProcessorProcess.on(broker, "slow", dir.resolve("processor"),
                    "--application-id", "claim-index-restart", "--commit-interval-ms", "60000",
                    // Kafka Streams wants transactions to outlive the commit interval.
                    "--kafka-producer-transaction-timeout-ms", "120000")) {
                RestViews api = new RestViews(slow.start());
                GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), List.<SpecificRecord>of(
                        claim("e1", "RU", Position.ASSERTS, 1), claim("e2", "UA", Position.DENIES, 2)));
                awaitTrue(() -> api.status("/api/claims/" + CLAIM) == 200
                        && api.get("/api/claims/" + CLAIM).path("positions").size() == 2, "both events folded");

                slow.stop();
                slow.wipeState();
            }
            try (ProcessorProcess restarted = ProcessorProcess.on(broker, "restarted", dir.resolve("processor"),
                    "--application-id", "claim-index-restart")) {
                RestViews api = new RestViews(restarted.start());

                // The two parties' entries may lie in two partitions of party-claims, each folded by its own task.
                awaitTrue(() -> isContestedBy(api, "UA") && isContestedBy(api, "RU"),
                        "UA's and RU's contested claims after the restart");
                JsonNode claim = api.get("/api/claims/" + CLAIM);
                assertEquals(2, claim.path("positions").size());
                assertEquals(2, claim.path("events").asInt());
                assertEquals(List.of(CLAIM), contested(api.get("/api/claims?status=CONTESTED&limit=1")));
            }
        }
    }

    private static boolean isContestedBy(RestViews api, String party) {
        String path = "/api/parties/" + party + "/contested-claims";
        return api.status(path) == 200 && contested(api.get(path)).equals(List.of(CLAIM));
    }

    private static List<String> contested(JsonNode body) {
        List<String> ids = new java.util.ArrayList<>();
        body.path("claims").forEach(c -> ids.add(c.path("claimId").asText()));
        return ids;
    }

    private static Claim claim(String eventId, String party, Position position, int hour) {
        return Claim.newBuilder().setEventId(eventId).setParty(party).setClaimId(CLAIM).setPosition(position)
                .setOccurredAt(Instant.parse("2025-12-01T00:00:00Z").plusSeconds(3600L * hour))
                .setProposition(hour == 1 ? "Russian forces captured Pokrovsk" : null).build();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        assertTrue(condition.getAsBoolean(), what + " within 60 s");
    }
}
