package org.partyline.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;

/** Reads an Avro {@code "string"} in the Confluent wire format (the contract's keys). {@code null} stays null. */
public class AvroStringDeserializer extends WireFormatDeserializer<String> {

    /** For config-style construction: call {@link #configure} with {@code schema.registry.url}. */
    public AvroStringDeserializer() {
        this(null);
    }

    public AvroStringDeserializer(SchemaRegistryClient client) {
        super(client, "string");
    }

    @Override
    DatumReader<?> readerFor(String topic, int id, Schema writer) {
        if (writer.getType() != Schema.Type.STRING && writer.getType() != Schema.Type.BYTES) {
            throw failure(topic, "schema id " + id + " is " + writer + ", not an Avro string", null);
        }
        return new GenericDatumReader<>(writer, AvroStringSerializer.STRING_SCHEMA);
    }

    @Override
    String fromAvro(Object read) {
        return read.toString();
    }
}
