package org.partyline.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * BACKWARD/FORWARD evolution: the deserializer resolves the writer's schema (by id) to the reader's own, so a reader
 * with an added optional field reads old events, and an old reader skips a field added by a newer writer.
 */
class SchemaEvolutionTest {

    private static final String SCOPE = "evolution-test";
    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://" + SCOPE);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.drop(SCOPE);
    }

    @Test
    void shouldReadEventsWrittenBeforeAnOptionalFieldWasAdded() throws IOException {
        // The "old" Statement: the current one without the optional 'quote' field.
        Schema old = withFields(Statement.getClassSchema(), fields -> fields.removeIf(f -> f.name().equals("quote")));
        GenericRecord event = new GenericData.Record(old);
        event.put("eventId", "st-old");
        event.put("party", "RU");
        event.put("speaker", "S");
        event.put("occurredAt", TestEvents.AT.toEpochMilli());
        event.put("topic", "ukraine-nato-membership");
        event.put("stance", new GenericData.EnumSymbol(old.getField("stance").schema(), "LEAN_OPPOSE"));
        event.put("source", null);
        byte[] bytes = writeInWireFormat("statements", old, event);

        Statement read = AvroSerdes.value(Statement.class, registry).deserializer().deserialize("statements", bytes);

        assertEquals(Statement.newBuilder().setEventId("st-old").setParty("RU").setSpeaker("S")
                .setOccurredAt(TestEvents.AT).setTopic("ukraine-nato-membership").setStance(Stance.LEAN_OPPOSE)
                .build(), read);
        assertNull(read.getQuote());
    }

    @Test
    void shouldReadEventsWrittenWithANewerSchemaByIgnoringTheAddedField() throws IOException {
        Schema newer = withFields(Statement.getClassSchema(), fields -> fields.add(new Schema.Field("language",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "added later", Schema.Field.NULL_DEFAULT_VALUE)));
        GenericRecord event = new GenericData.Record(newer);
        event.put("eventId", "st-new");
        event.put("party", "UA");
        event.put("speaker", null);
        event.put("occurredAt", TestEvents.AT.toEpochMilli());
        event.put("topic", "ukraine-nato-membership");
        event.put("stance", new GenericData.EnumSymbol(newer.getField("stance").schema(), "SUPPORT"));
        event.put("quote", "Yes.");
        event.put("source", null);
        event.put("language", "uk");
        byte[] bytes = writeInWireFormat("statements", newer, event);

        Statement read = AvroSerdes.value(Statement.class, registry).deserializer().deserialize("statements", bytes);

        assertEquals(Statement.newBuilder().setEventId("st-new").setParty("UA").setOccurredAt(TestEvents.AT)
                .setTopic("ukraine-nato-membership").setStance(Stance.SUPPORT).setQuote("Yes.").build(), read);
        assertEquals(List.of(1), registry.versions("statements-value"));
    }

    @Test
    void shouldReadBothSchemaVersionsFromTheSameTopic() throws IOException {
        Schema newer = withFields(Statement.getClassSchema(), fields -> fields.add(new Schema.Field("language",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                null, Schema.Field.NULL_DEFAULT_VALUE)));
        byte[] current = AvroSerdes.value(Statement.class, registry).serializer()
                .serialize("statements", TestEvents.fullStatement());
        GenericRecord event = new GenericData.Record(newer);
        for (Schema.Field f : newer.getFields()) {
            event.put(f.name(), null);
        }
        event.put("eventId", "st-9");
        event.put("party", "RU");
        event.put("occurredAt", TestEvents.AT.toEpochMilli());
        event.put("topic", "t");
        event.put("stance", new GenericData.EnumSymbol(newer.getField("stance").schema(), "NEUTRAL"));
        byte[] later = writeInWireFormat("statements", newer, event);
        var deserializer = AvroSerdes.value(Statement.class, registry).deserializer();

        assertEquals(TestEvents.fullStatement(), deserializer.deserialize("statements", current));
        assertEquals("st-9", deserializer.deserialize("statements", later).getEventId());
        assertEquals(List.of(1, 2), registry.versions("statements-value"));
    }

    private byte[] writeInWireFormat(String topic, Schema schema, GenericRecord record) throws IOException {
        int id = registry.register(topic + "-value", schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** A copy of a record schema (same full name) with its field list edited. */
    private static Schema withFields(Schema base, java.util.function.Consumer<List<Schema.Field>> edit) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : base.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        edit.accept(fields);
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }
}
