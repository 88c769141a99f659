package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.claim;
import static org.partyline.processor.domain.Events.statement;
import static org.partyline.schema.Position.ASSERTS;
import static org.partyline.schema.Position.DENIES;
import static org.partyline.schema.Stance.OPPOSE;
import static org.partyline.schema.Stance.SUPPORT;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroStringSerializer;

/** The topology reports each event it folds once, and each record it dead-letters with its type and source topic. */
class TopologyMetersTest extends TopologyTestBase {
    private final RecordingMeters meters = new RecordingMeters();

    @Override
    TopologyMeters meters() {
        return meters;
    }

    @Test
    void shouldReportEachAcceptedStatementAndClaimOnceAndNoRedelivery() {
        Statement first = statement("e1", "RU", "sanctions", OPPOSE, at(1));
        Claim claim = claim("c1", "RU", "pokrovsk-captured", ASSERTS, at(1), "P");

        fixture.publish(first, statement("e2", "RU", "sanctions", SUPPORT, at(2)), first);
        fixture.publish(claim, claim("c2", "UA", "pokrovsk-captured", DENIES, at(2), null), claim);

        assertEquals(List.of("statements", "statements", "claims", "claims"), meters.folded);
        assertEquals(List.of(), meters.deadLettered);
    }

    @Test
    void shouldReportAStatementFoldedEvenWhenItChangesNoStance() {
        fixture.publish(statement("e1", "RU", "sanctions", OPPOSE, at(1)),
                statement("e2", "RU", "sanctions", OPPOSE, at(2)));

        assertEquals(List.of("statements", "statements"), meters.folded);
    }

    @Test
    void shouldReportEachDeadLetterWithItsTypeAndSourceTopicAndFoldNothingOfIt() {
        byte[] key = new AvroStringSerializer(fixture.registry).serialize("statements", "RU");
        fixture.rawStatements.pipeInput(key, "not an avro record".getBytes(StandardCharsets.UTF_8));
        fixture.statements.pipeInput("UA", statement("e1", "RU", "sanctions", OPPOSE, at(1)));
        fixture.publish(claim("c1", "RU", "pokrovsk-captured", ASSERTS, at(1), null));
        fixture.publish(claim("c1", "RU", "pokrovsk-captured", DENIES, at(2), null));

        assertEquals(List.of(
                new RecordingMeters.Report("statements", DeadLetter.Type.DESERIALIZATION),
                new RecordingMeters.Report("statements", DeadLetter.Type.INVALID_EVENT),
                new RecordingMeters.Report("claims", DeadLetter.Type.REUSED_EVENT_ID)), meters.deadLettered);
        List<TestRecord<byte[], byte[]>> onTheTopic = fixture.deadLetters.readRecordsToList();
        assertEquals(meters.deadLettered.size(), onTheTopic.size());
        assertEquals(List.of("claims"), meters.folded);
    }
}
