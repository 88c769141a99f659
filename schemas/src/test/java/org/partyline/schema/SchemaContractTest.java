package org.partyline.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the Avro records that are part of the contract (CONTRACT.md sections 1 and 3): downstream consumers decode
 * them, so a field name, type or symbol must not change by accident.
 */
class SchemaContractTest {

    @Test
    void shouldKeepTheStatementFieldNamesOfTheContract() {
        assertEquals(List.of("eventId", "party", "speaker", "occurredAt", "topic", "stance", "quote", "source"),
                fieldNames(Statement.getClassSchema()));
    }

    @Test
    void shouldKeepTheClaimFieldNamesOfTheContract() {
        assertEquals(List.of("eventId", "party", "speaker", "occurredAt", "claimId", "proposition", "position",
                "quote", "source"), fieldNames(Claim.getClassSchema()));
    }

    @Test
    void shouldKeepTheSourceFieldNamesOfTheContract() {
        assertEquals(List.of("url", "outlet", "title", "publishedAt"), fieldNames(Source.getClassSchema()));
    }

    @Test
    void shouldKeepTheStanceChangeFieldsOfTheContract() {
        Schema schema = StanceChange.getClassSchema();

        assertEquals(List.of("party", "topic", "from", "to", "occurredAt", "eventId", "shift", "reversal"),
                fieldNames(schema));
        assertEquals(Stance.getClassSchema(), schema.getField("from").schema());
        assertEquals(Stance.getClassSchema(), schema.getField("to").schema());
        assertEquals(List.of(), optionalFields(schema));
    }

    /** CONTRACT 6.1: version 2 adds shift ({@code int}, default 0) and reversal ({@code boolean}, default false). */
    @Test
    void shouldGiveTheStanceChangeShiftAndReversalTrailingFieldsWithDefaults() {
        Schema schema = StanceChange.getClassSchema();

        assertEquals(Schema.Type.INT, schema.getField("shift").schema().getType());
        assertEquals(0, schema.getField("shift").defaultVal());
        assertEquals(Schema.Type.BOOLEAN, schema.getField("reversal").schema().getType());
        assertEquals(false, schema.getField("reversal").defaultVal());
    }

    /** The current StanceChange is the pinned version 2: a further change needs a version 3 pinned beside it. */
    @Test
    void shouldKeepTheStanceChangeAsThePinnedSecondVersion() throws IOException {
        assertEquals(pinned("StanceChange-v2.avsc"), StanceChange.getClassSchema());
    }

    /**
     * {@code stance-changes-value} evolves so that consumers of either version keep reading: version 2 reads
     * version-1 records (BACKWARD, the registry's check) and version 1 reads version-2 records (FORWARD).
     */
    @Test
    void shouldMakeTheSecondStanceChangeVersionBackwardAndForwardCompatibleWithTheFirst() throws IOException {
        Schema v1 = pinned("StanceChange-v1.avsc");
        Schema v2 = pinned("StanceChange-v2.avsc");

        SchemaCompatibility.SchemaPairCompatibility backward = SchemaCompatibility.checkReaderWriterCompatibility(v2, v1);
        SchemaCompatibility.SchemaPairCompatibility forward = SchemaCompatibility.checkReaderWriterCompatibility(v1, v2);

        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE, backward.getType(),
                "version 2 reads version 1: " + backward.getDescription());
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE, forward.getType(),
                "version 1 reads version 2: " + forward.getDescription());
    }

    /** CONTRACT 7.4: the value of the {@code articles} topic. */
    @Test
    void shouldKeepTheArticleFieldsOfTheContract() {
        Schema schema = Article.getClassSchema();

        assertEquals(List.of("id", "text", "publishedAt", "url", "outlet", "title"), fieldNames(schema));
        assertEquals(List.of("url", "outlet", "title"), optionalFields(schema));
        assertTimestampMillis(schema.getField("publishedAt").schema());
    }

    @Test
    void shouldKeepTheClaimStatusChangeFieldsOfTheContract() {
        Schema schema = ClaimStatusChange.getClassSchema();

        assertEquals(List.of("claimId", "proposition", "status", "previousStatus", "occurredAt", "positions"),
                fieldNames(schema));
        assertEquals(ClaimStatus.getClassSchema(), schema.getField("status").schema());
        assertEquals(List.of("proposition", "previousStatus"), optionalFields(schema));
        assertEquals(ClaimStatus.getClassSchema(), schema.getField("previousStatus").schema().getTypes().get(1));
        Schema position = schema.getField("positions").schema();
        assertEquals(Schema.Type.ARRAY, position.getType());
        assertEquals(List.of("party", "position", "occurredAt", "eventId"), fieldNames(position.getElementType()));
        assertEquals(Position.getClassSchema(), position.getElementType().getField("position").schema());
    }

    @Test
    void shouldStoreEveryTimeAsTimestampMillis() {
        assertTimestampMillis(Statement.getClassSchema().getField("occurredAt").schema());
        assertTimestampMillis(Claim.getClassSchema().getField("occurredAt").schema());
        assertTimestampMillis(Source.getClassSchema().getField("publishedAt").schema().getTypes().get(1));
        assertTimestampMillis(StanceChange.getClassSchema().getField("occurredAt").schema());
        assertTimestampMillis(ClaimStatusChange.getClassSchema().getField("occurredAt").schema());
        assertTimestampMillis(ClaimPosition.getClassSchema().getField("occurredAt").schema());
    }

    @Test
    void shouldKeepTheEnumSymbolsOfTheContract() {
        assertEquals(List.of("SUPPORT", "LEAN_SUPPORT", "NEUTRAL", "LEAN_OPPOSE", "OPPOSE"),
                Stance.getClassSchema().getEnumSymbols());
        assertEquals(List.of("ASSERTS", "DENIES", "DISPUTES", "RETRACTS"), Position.getClassSchema().getEnumSymbols());
        assertEquals(List.of("ASSERTED", "CONTESTED", "DENIED", "WITHDRAWN"),
                ClaimStatus.getClassSchema().getEnumSymbols());
        assertEquals(Stance.getClassSchema(), Statement.getClassSchema().getField("stance").schema());
        assertEquals(Position.getClassSchema(), Claim.getClassSchema().getField("position").schema());
    }

    @Test
    void shouldMakeExactlyTheOptionalFieldsOfTheContractNullable() {
        assertEquals(List.of("speaker", "quote", "source"), optionalFields(Statement.getClassSchema()));
        assertEquals(List.of("speaker", "proposition", "quote", "source"), optionalFields(Claim.getClassSchema()));
        assertEquals(List.of("url", "outlet", "title", "publishedAt"), optionalFields(Source.getClassSchema()));
        assertEquals(Source.getClassSchema(), Statement.getClassSchema().getField("source").schema().getTypes().get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Statement", "Claim", "StanceChange", "ClaimStatusChange", "Article"})
    void shouldReadEventsWrittenWithTheFirstPublishedSchema(String name) throws IOException {
        Schema current = currentSchema(name);
        Schema published = pinned(name + "-v1.avsc");

        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(current, published);

        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE, result.getType(),
                name + " is no longer BACKWARD compatible: " + result.getDescription());
    }

    private Schema pinned(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/contract/" + file)) {
            assertNotNull(in, "pinned schema " + file);
            return new Schema.Parser().parse(in);
        }
    }

    private static Schema currentSchema(String name) {
        return switch (name) {
            case "Statement" -> Statement.getClassSchema();
            case "Claim" -> Claim.getClassSchema();
            case "StanceChange" -> StanceChange.getClassSchema();
            case "ClaimStatusChange" -> ClaimStatusChange.getClassSchema();
            case "Article" -> Article.getClassSchema();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static void assertTimestampMillis(Schema schema) {
        assertEquals(Schema.Type.LONG, schema.getType());
        assertEquals("timestamp-millis", schema.getProp("logicalType"));
        assertSame(LogicalTypes.timestampMillis().getClass(), schema.getLogicalType().getClass());
    }

    private static List<String> fieldNames(Schema record) {
        List<String> names = new ArrayList<>();
        record.getFields().forEach(f -> names.add(f.name()));
        return names;
    }

    /** The fields that are a union of null (first) and one type, with default null; fails on any other union. */
    private static List<String> optionalFields(Schema record) {
        List<String> optional = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            if (field.schema().getType() != Schema.Type.UNION) {
                continue;
            }
            List<Schema> types = field.schema().getTypes();
            assertEquals(2, types.size(), field.name() + " is a union of null and one type");
            assertEquals(Schema.Type.NULL, types.get(0).getType(), field.name() + " has null first");
            assertSame(JsonProperties.NULL_VALUE, field.defaultVal(), field.name() + " defaults to null");
            optional.add(field.name());
        }
        return optional;
    }
}
