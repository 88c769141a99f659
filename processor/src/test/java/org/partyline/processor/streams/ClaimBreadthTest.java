package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.claim;
import static org.partyline.schema.Position.ASSERTS;
import static org.partyline.schema.Position.DENIES;
import static org.partyline.schema.Position.DISPUTES;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.Position;
import org.partyline.schema.view.PartyClaim;

/**
 * What one claim event writes, on every topic (changelogs, repartitions, outputs), does not grow with the number of
 * parties on the claim: an event that leaves the status as it was writes the same records on a claim with 500 parties
 * as on a claim with 2.
 */
class ClaimBreadthTest extends TopologyTestBase {
    /** Two claimIds of one length, so that the keys weigh the same. */
    private static final String NARROW = "narrow-claim";
    private static final String BROAD = "broad-claim-";

    private static String party(int i) {
        return "P%03d".formatted(i);
    }

    private void contested(String claimId, int parties) {
        fixture.publish(claim(claimId + "-0", party(0), claimId, ASSERTS, at(1), "Some words"));
        for (int i = 1; i < parties; i++) {
            fixture.publish(claim(claimId + "-" + i, party(i), claimId, DENIES, at(1), null));
        }
    }

    /** Bytes of keys and values written since the last call, by topic (every topic the topology wrote to). */
    private Map<String, Long> written() {
        Map<String, Long> bytes = new TreeMap<>();
        for (String topic : fixture.driver.producedTopicNames()) {
            long sum = 0;
            for (TestRecord<byte[], byte[]> r : fixture.driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList()) {
                sum += (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
            }
            if (sum > 0) {
                bytes.put(topic, sum);
            }
        }
        return bytes;
    }

    private Map<String, Long> writtenBy(Claim event) {
        written();
        fixture.publish(event);
        return written();
    }

    @Test
    void shouldWriteTheSameBytesForAnEventOnAClaimWithFiveHundredPartiesAsOnOneWithTwo() {
        contested(NARROW, 2);
        contested(BROAD, 500);

        Map<String, Long> narrow = writtenBy(claim("narrow-late", party(1), NARROW, DISPUTES, at(2), null));
        Map<String, Long> broad = writtenBy(claim("broad-late-", party(1), BROAD, DISPUTES, at(2), null));

        System.out.printf("bytes written by one event: 2 parties %s, 500 parties %s%n", narrow, broad);
        assertEquals(narrow.keySet(), broad.keySet());
        assertTrue(narrow.containsKey("partyline-claims-by-party-repartition"), narrow.toString());
        assertTrue(narrow.containsKey("partyline-claim-positions-changelog"), narrow.toString());
        for (String topic : narrow.keySet()) {
            assertTrue(broad.get(topic) <= narrow.get(topic) + 16, topic + ": " + broad.get(topic) + " bytes on the"
                    + " broad claim, " + narrow.get(topic) + " on the narrow one");
        }
    }

    @Test
    void shouldGiveEveryPartyOnTheClaimItsEntryWhenTheStatusChanges() {
        contested(BROAD, 500);
        written();

        fixture.publish(claim("broad-undo", party(0), BROAD, Position.RETRACTS, at(3), null));

        for (int i = 0; i < 500; i++) {
            assertEquals(ClaimStatus.DENIED, fixture.<PartyClaim>get(StoreNames.PARTY_CLAIMS, party(i), BROAD)
                    .getStatus(), party(i));
        }
    }
}
