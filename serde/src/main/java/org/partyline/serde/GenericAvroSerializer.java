package org.partyline.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;

/**
 * Writes a {@link GenericRecord} in the Confluent wire format with the record's own schema, registered under
 * {@code <topic>-key} or {@code <topic>-value} on first use. For clients that hold a schema as data rather than as a
 * generated class: a consumer or producer built on an earlier (or later) version of a contract record, tools, tests.
 */
public class GenericAvroSerializer extends WireFormatSerializer<GenericRecord> {

    private final Map<Schema, GenericDatumWriter<GenericRecord>> writers = new ConcurrentHashMap<>();

    /** For config-style construction: call {@link #configure} with {@code schema.registry.url}. */
    public GenericAvroSerializer() {
        super(null, false);
    }

    public GenericAvroSerializer(SchemaRegistryClient client, boolean isKey) {
        super(client, isKey);
    }

    @Override
    Schema schemaOf(GenericRecord data) {
        return data.getSchema();
    }

    @Override
    void writeBody(GenericRecord data, Schema schema, BinaryEncoder encoder) throws IOException {
        writers.computeIfAbsent(schema, GenericDatumWriter::new).write(data, encoder);
    }
}
