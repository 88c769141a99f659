package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.claim;
import static org.partyline.processor.domain.Events.statement;
import static org.partyline.schema.Position.ASSERTS;
import static org.partyline.schema.Position.DENIES;
import static org.partyline.schema.Stance.OPPOSE;
import static org.partyline.schema.Stance.SUPPORT;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.partyline.schema.view.StanceSummary;
import org.partyline.serde.AvroSerializer;
import org.partyline.serde.AvroStringSerializer;

/** Redeliveries change nothing; reused event ids, undecodable and invalid records go to the dead-letter topic. */
class DeduplicationTest extends TopologyTestBase {
    private AvroStringSerializer keys;
    private AvroSerializer<Statement> statementValues;
    private AvroSerializer<Claim> claimValues;

    @BeforeEach
    void setUp() {
        keys = new AvroStringSerializer(fixture.registry);
        statementValues = new AvroSerializer<>(fixture.registry, Statement.class, false);
        claimValues = new AvroSerializer<>(fixture.registry, Claim.class, false);
    }

    private static Map<String, String> headers(TestRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static Map<String, String> errorHeaders(String type, String topic, long offset) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(DeadLetter.TYPE, type);
        expected.put(DeadLetter.TOPIC, topic);
        expected.put(DeadLetter.PARTITION, "0");
        expected.put(DeadLetter.OFFSET, Long.toString(offset));
        return expected;
    }

    private static Map<String, String> withoutReason(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove(DeadLetter.REASON);
        return copy;
    }

    @Test
    void shouldIgnoreARedeliveredStatement() {
        Statement first = statement("e1", "RU", "sanctions", OPPOSE, at(1));
        Statement second = statement("e2", "RU", "sanctions", SUPPORT, at(2));
        fixture.publish(first, second);
        fixture.stanceChanges.readValuesToList();
        Map<String, Map<String, Object>> before = fixture.snapshot();

        fixture.publish(first, second, first);

        assertEquals(before, fixture.snapshot());
        assertTrue(fixture.stanceChanges.isEmpty());
        assertTrue(fixture.deadLetters.isEmpty());
        assertEquals(2L, fixture.<StanceSummary>get(StoreNames.STANCES, "RU", "sanctions").getStatements());
    }

    @Test
    void shouldIgnoreARedeliveredClaim() {
        Claim first = claim("c1", "RU", "pokrovsk-captured", ASSERTS, at(1), "P");
        fixture.publish(first, claim("c2", "UA", "pokrovsk-captured", DENIES, at(2), null));
        fixture.claimStatus.readValuesToList();
        Map<String, Map<String, Object>> before = fixture.snapshot();

        fixture.publish(first);

        assertEquals(before, fixture.snapshot());
        assertTrue(fixture.claimStatus.isEmpty());
        assertTrue(fixture.deadLetters.isEmpty());
    }

    @Test
    void shouldDeadLetterAnotherStatementThatReusesAnEventIdWithItsOriginalBytes() {
        fixture.publish(statement("e1", "RU", "sanctions", OPPOSE, at(1)));
        Map<String, Map<String, Object>> before = fixture.snapshot();
        byte[] key = keys.serialize("statements", "RU");
        byte[] value = statementValues.serialize("statements", statement("e1", "RU", "sanctions", SUPPORT, at(2)));

        fixture.rawStatements.pipeInput(key, value);

        TestRecord<byte[], byte[]> dead = fixture.deadLetters.readRecord();
        assertArrayEquals(key, dead.key());
        assertArrayEquals(value, dead.value());
        assertEquals(errorHeaders("REUSED_EVENT_ID", "statements", 1), withoutReason(headers(dead)));
        assertTrue(headers(dead).get(DeadLetter.REASON).contains("e1"));
        assertEquals(before, fixture.snapshot());
        assertTrue(fixture.stanceChanges.isEmpty());
    }

    @Test
    void shouldDeadLetterAnotherClaimThatReusesAnEventId() {
        fixture.publish(claim("c1", "RU", "pokrovsk-captured", ASSERTS, at(1), null));
        fixture.claimStatus.readValuesToList();

        fixture.publish(claim("c1", "UA", "pokrovsk-captured", DENIES, at(2), null));

        assertEquals(errorHeaders("REUSED_EVENT_ID", "claims", 1), withoutReason(headers(fixture.deadLetters.readRecord())));
        assertTrue(fixture.claimStatus.isEmpty());
    }

    @Test
    void shouldApplyTheSameEventIdUnderAnotherKey() {
        fixture.publish(statement("e1", "RU", "sanctions", OPPOSE, at(1)),
                statement("e1", "UA", "sanctions", SUPPORT, at(1)));

        assertTrue(fixture.deadLetters.isEmpty());
        assertEquals(SUPPORT, fixture.<StanceSummary>get(StoreNames.STANCES, "UA", "sanctions").getStance());
    }

    @Test
    void shouldDeadLetterGarbageBytesAndGoOnWithTheNextRecord() {
        byte[] key = keys.serialize("statements", "RU");
        byte[] garbage = "not an avro record".getBytes(StandardCharsets.UTF_8);

        fixture.rawStatements.pipeInput(key, garbage);
        fixture.publish(statement("e1", "RU", "sanctions", OPPOSE, at(1)));

        TestRecord<byte[], byte[]> dead = fixture.deadLetters.readRecord();
        assertArrayEquals(key, dead.key());
        assertArrayEquals(garbage, dead.value());
        assertEquals(errorHeaders("DESERIALIZATION", "statements", 0), withoutReason(headers(dead)));
        assertTrue(fixture.deadLetters.isEmpty());
        assertEquals(OPPOSE, fixture.<StanceSummary>get(StoreNames.STANCES, "RU", "sanctions").getStance());
    }

    @Test
    void shouldDeadLetterAGarbageKey() {
        byte[] value = claimValues.serialize("claims", claim("c1", "RU", "pokrovsk-captured", ASSERTS, at(1), null));

        fixture.rawClaims.pipeInput(new byte[] {1, 2, 3}, value);

        TestRecord<byte[], byte[]> dead = fixture.deadLetters.readRecord();
        assertArrayEquals(new byte[] {1, 2, 3}, dead.key());
        assertEquals(errorHeaders("DESERIALIZATION", "claims", 0), withoutReason(headers(dead)));
        assertEquals(List.of(), fixture.scan(StoreNames.CLAIMS, "pokrovsk-captured"));
    }

    @Test
    void shouldDeadLetterAStatementWhoseKeyIsNotItsParty() {
        fixture.statements.pipeInput("UA", statement("e1", "RU", "sanctions", OPPOSE, at(1)));

        TestRecord<byte[], byte[]> dead = fixture.deadLetters.readRecord();
        assertEquals(errorHeaders("INVALID_EVENT", "statements", 0), withoutReason(headers(dead)));
        assertTrue(headers(dead).get(DeadLetter.REASON).contains("UA"));
        assertEquals(Map.of(), fixture.snapshot().get(StoreNames.STANCES));
    }

    @Test
    void shouldDeadLetterAnEventWithAnEmptyId() {
        fixture.publish(statement("", "RU", "sanctions", OPPOSE, at(1)));

        assertEquals("eventId is empty", headers(fixture.deadLetters.readRecord()).get(DeadLetter.REASON));
    }

    @Test
    void shouldFoldAnEventIdOfWhiteSpaceSinceTheContractAllowsIt() {
        fixture.publish(statement(" ", "RU", "sanctions", OPPOSE, at(1)));

        assertTrue(fixture.deadLetters.isEmpty());
        assertEquals(1, fixture.snapshot().get(StoreNames.STANCES).size());
    }
}
