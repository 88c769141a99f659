package org.partyline.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;
import org.partyline.schema.view.ClaimOrigin;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyClaim;
import org.partyline.schema.view.PartyPosition;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;
import org.partyline.schema.view.TopicStance;

class AvroSerdeRoundTripTest {

    private static final String SCOPE = "round-trip-test";
    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://" + SCOPE);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.drop(SCOPE);
    }

    static Stream<SpecificRecord> records() {
        return Stream.of(
                TestEvents.fullStatement(),
                TestEvents.minimalStatement(),
                TestEvents.claim(),
                TestEvents.minimalClaim(),
                TestEvents.stanceChange(),
                TestEvents.firstStatus(),
                TestEvents.laterStatus(),
                StatementEntry.newBuilder().setEventId("st-1").setStance(Stance.OPPOSE)
                        .setOccurredAt(TestEvents.AT).setSpeaker("S").setQuote("Q")
                        .setSource(TestEvents.fullStatement().getSource()).build(),
                StatementEntry.newBuilder().setEventId("st-2").setStance(Stance.NEUTRAL)
                        .setOccurredAt(TestEvents.AT).build(),
                StanceSummary.newBuilder().setParty("RU").setTopic("t").setStance(Stance.OPPOSE)
                        .setSince(TestEvents.AT).setSinceEventId("st-1").setStatements(3)
                        .setLatestAt(TestEvents.PUBLISHED).setLatestEventId("st-3").build(),
                TopicStance.newBuilder().setParty("RU").setTopic("t").setStance(Stance.LEAN_OPPOSE)
                        .setSince(TestEvents.AT).build(),
                ClaimSummary.newBuilder().setClaimId("pokrovsk-captured").setProposition("P")
                        .setPropositionAt(TestEvents.AT).setPropositionEventId("cl-1")
                        .setStatus(ClaimStatus.CONTESTED).setEvents(4)
                        .setOrigin(new ClaimOrigin("RU", "cl-1", TestEvents.AT, null)).setFoldedOffset(17L).build(),
                ClaimSummary.newBuilder().setClaimId("empty").setStatus(ClaimStatus.WITHDRAWN).build(),
                PartyPosition.newBuilder().setParty("RU").setPosition(Position.DENIES).setOccurredAt(TestEvents.AT)
                        .setEventId("cl-2").setEvents(2).setFoldedOffset(3L).build(),
                PartyClaim.newBuilder().setClaimId("pokrovsk-captured").setPosition(Position.ASSERTS)
                        .setStatus(ClaimStatus.CONTESTED).build());
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldRoundTripEveryRecordTypeThroughTheRegistry(SpecificRecord record) {
        Serde<SpecificRecord> serde = valueSerde(record);

        byte[] bytes = serde.serializer().serialize("some-topic", record);
        SpecificRecord back = serde.deserializer().deserialize("some-topic", bytes);

        assertEquals(record, back);
        assertEquals(record.getClass(), back.getClass());
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldRoundTripEveryRecordTypeAsPlainBinary(SpecificRecord record) {
        @SuppressWarnings("unchecked")
        Serde<SpecificRecord> serde = AvroSerdes.binary((Class<SpecificRecord>) record.getClass());

        byte[] bytes = serde.serializer().serialize("store-changelog", record);

        assertEquals(record, serde.deserializer().deserialize("store-changelog", bytes));
        assertEquals(registry.subjects(), List.of(), "the binary serde must not touch any registry");
    }

    @Test
    void shouldDecodeTimestampsAsInstantsToTheMillisecond() {
        Serde<Statement> serde = AvroSerdes.value(Statement.class, registry);

        Statement back = serde.deserializer().deserialize("statements",
                serde.serializer().serialize("statements", TestEvents.fullStatement()));

        assertEquals(Instant.parse("2025-12-05T14:00:00Z"), back.getOccurredAt());
        assertEquals(Instant.parse("2025-12-05T15:30:00.123Z"), back.getSource().getPublishedAt());
    }

    @Test
    void shouldWriteMagicByteThenRegisteredIdThenAvroBody() {
        Serde<Statement> serde = AvroSerdes.value(Statement.class, registry);
        registry.register("unrelated-value", Schema.create(Schema.Type.LONG));

        byte[] bytes = serde.serializer().serialize("statements", TestEvents.minimalStatement());

        int id = registry.idOf("statements-value", Statement.getClassSchema());
        assertEquals(2, id);
        assertEquals(0, bytes[0]);
        assertEquals(id, ByteBuffer.wrap(bytes, 1, 4).getInt());
        assertArrayEquals(new byte[] {0, 0, 0, 0, 2}, java.util.Arrays.copyOf(bytes, 5));
        byte[] body = java.util.Arrays.copyOfRange(bytes, 5, bytes.length);
        assertEquals(TestEvents.minimalStatement(), AvroSerdes.binary(Statement.class).deserializer()
                .deserialize("statements", body));
    }

    @Test
    void shouldRegisterUnderTopicNameStrategySubjects() {
        AvroSerdes.value(Statement.class, registry).serializer().serialize("statements", TestEvents.fullStatement());
        AvroSerdes.stringKey(registry).serializer().serialize("statements", "RU");
        AvroSerdes.key(Statement.class, registry).serializer().serialize("odd", TestEvents.fullStatement());

        assertEquals(List.of("statements-value", "statements-key", "odd-key"), registry.subjects());
        assertEquals(List.of(1), registry.versions("statements-value"));
    }

    @Test
    void shouldGiveTheSameIdToTheSameSchemaUnderEverySubject() {
        int first = registry.register("a-value", Statement.getClassSchema());
        int second = registry.register("b-value", Statement.getClassSchema());
        int again = registry.register("a-value", Statement.getClassSchema());

        assertEquals(first, second);
        assertEquals(first, again);
        assertEquals(List.of(1), registry.versions("a-value"));
    }

    @Test
    void shouldRoundTripStringKeysAsAvroStrings() {
        Serde<String> keys = AvroSerdes.stringKey(registry);

        byte[] bytes = keys.serializer().serialize("statements", "RU");

        assertEquals("RU", keys.deserializer().deserialize("statements", bytes));
        int id = registry.idOf("statements-key", Schema.create(Schema.Type.STRING));
        assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) id, 4, 'R', 'U'}, bytes);
        assertEquals("Ünïcødé ключ", keys.deserializer().deserialize("statements",
                keys.serializer().serialize("statements", "Ünïcødé ключ")));
    }

    @Test
    void shouldPassNullsThroughAsTombstones() {
        Serde<Statement> values = AvroSerdes.value(Statement.class, registry);
        Serde<String> keys = AvroSerdes.stringKey(registry);
        Serde<Statement> binary = AvroSerdes.binary(Statement.class);

        assertNull(values.serializer().serialize("statements", null));
        assertNull(values.deserializer().deserialize("statements", null));
        assertNull(keys.serializer().serialize("statements", null));
        assertNull(keys.deserializer().deserialize("statements", null));
        assertNull(binary.serializer().serialize("store", null));
        assertNull(binary.deserializer().deserialize("store", null));
        assertEquals(List.of(), registry.subjects());
    }

    @Test
    void shouldWorkWhenConfiguredFromProperties() {
        Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
        Serializer<Statement> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        Deserializer<Object> untyped = new AvroDeserializer<>();
        untyped.configure(config, false);
        Deserializer<Object> typed = new AvroDeserializer<>();
        typed.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
                SerdeConfig.VALUE_TYPE, Statement.class.getName()), false);
        Serializer<String> keySerializer = new AvroStringSerializer();
        keySerializer.configure(config, true);
        Deserializer<String> keyDeserializer = new AvroStringDeserializer();
        keyDeserializer.configure(config, true);

        byte[] bytes = serializer.serialize("statements", TestEvents.fullStatement());

        assertInstanceOf(Statement.class, untyped.deserialize("statements", bytes));
        assertEquals(TestEvents.fullStatement(), untyped.deserialize("statements", bytes));
        assertEquals(TestEvents.fullStatement(), typed.deserialize("statements", bytes));
        assertEquals("UA", keyDeserializer.deserialize("statements", keySerializer.serialize("statements", "UA")));
        assertEquals(List.of("statements-value", "statements-key"), registry.subjects());
    }

    @SuppressWarnings("unchecked")
    private Serde<SpecificRecord> valueSerde(SpecificRecord record) {
        return AvroSerdes.value((Class<SpecificRecord>) record.getClass(), registry);
    }

    @Test
    void shouldReadStoreValuesWrittenBeforeATrailingFieldWithADefaultWasAdded() throws Exception {
        Schema current = StanceSummary.getClassSchema();
        List<Schema.Field> older = current.getFields().stream()
                .filter(f -> !f.name().equals("foldedOffset"))
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        Schema before = Schema.createRecord(current.getName(), null, current.getNamespace(), false, older);
        org.apache.avro.generic.GenericRecord old = new org.apache.avro.generic.GenericData.Record(before);
        old.put("party", "RU");
        old.put("topic", "t");
        old.put("stance", new org.apache.avro.generic.GenericData.EnumSymbol(
                before.getField("stance").schema(), "OPPOSE"));
        old.put("since", 1_000L);
        old.put("sinceEventId", "e1");
        old.put("statements", 3L);
        old.put("latestAt", 2_000L);
        old.put("latestEventId", "e2");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.apache.avro.io.BinaryEncoder encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
        new org.apache.avro.generic.GenericDatumWriter<org.apache.avro.generic.GenericRecord>(before)
                .write(old, encoder);
        encoder.flush();

        StanceSummary read = AvroSerdes.binary(StanceSummary.class).deserializer().deserialize("store", out.toByteArray());

        assertEquals(3L, read.getStatements());
        assertEquals("e2", read.getLatestEventId());
        assertEquals(-1L, read.getFoldedOffset());
    }
}
