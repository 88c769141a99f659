package org.partyline.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;

/**
 * Records held as data ({@link GenericRecord}) in the wire format: a producer and a consumer built on the first
 * version of the stance change record (no shift, no reversal) next to the generated class of the second.
 */
class GenericAvroSerdeTest {

    private static final String SCOPE = "generic-serde-test";
    private static final String TOPIC = "stance-changes";
    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://" + SCOPE);
    /** The stance change record without its trailing fields shift and reversal. */
    private final Schema first = withoutSize(StanceChange.getClassSchema());

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.drop(SCOPE);
    }

    @Test
    void shouldWriteARecordOfAnEarlierVersionThatTheGeneratedClassReadsWithDefaults() {
        GenericRecord old = new GenericData.Record(first);
        old.put("party", "RU");
        old.put("topic", "sanctions");
        old.put("from", new GenericData.EnumSymbol(first.getField("from").schema(), "OPPOSE"));
        old.put("to", new GenericData.EnumSymbol(first.getField("from").schema(), "SUPPORT"));
        old.put("occurredAt", TestEvents.AT.toEpochMilli());
        old.put("eventId", "e1");

        byte[] bytes = new GenericAvroSerializer(registry, false).serialize(TOPIC, old);
        StanceChange read = AvroSerdes.value(StanceChange.class, registry).deserializer().deserialize(TOPIC, bytes);

        assertEquals(StanceChange.newBuilder().setParty("RU").setTopic("sanctions").setFrom(Stance.OPPOSE)
                .setTo(Stance.SUPPORT).setOccurredAt(TestEvents.AT).setEventId("e1").setShift(0).setReversal(false)
                .build(), read);
        assertEquals(List.of(1), registry.versions(TOPIC + "-value"));
    }

    @Test
    void shouldReadARecordOfALaterVersionIntoTheReadersSchemaSkippingWhatItDoesNotKnow() {
        StanceChange change = StanceChange.newBuilder().setParty("UA").setTopic("sanctions").setFrom(Stance.SUPPORT)
                .setTo(Stance.OPPOSE).setOccurredAt(TestEvents.AT).setEventId("e2").setShift(-4).setReversal(true)
                .build();
        byte[] bytes = AvroSerdes.value(StanceChange.class, registry).serializer().serialize(TOPIC, change);

        GenericRecord asFirst = new GenericAvroDeserializer(registry, first).deserialize(TOPIC, bytes);
        GenericRecord asWritten = new GenericAvroDeserializer(registry).deserialize(TOPIC, bytes);

        assertEquals(first, asFirst.getSchema());
        assertFalse(asFirst.hasField("shift"));
        assertEquals("e2", asFirst.get("eventId").toString());
        assertEquals("OPPOSE", asFirst.get("to").toString());
        assertEquals(-4, asWritten.get("shift"));
        assertEquals(true, asWritten.get("reversal"));
        assertNull(new GenericAvroDeserializer(registry, first).deserialize(TOPIC, null));
    }

    private static Schema withoutSize(Schema current) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : current.getFields()) {
            if (!f.name().equals("shift") && !f.name().equals("reversal")) {
                fields.add(new Schema.Field(f, f.schema()));
            }
        }
        return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }
}
