package org.partyline.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;

/**
 * Reads a record in the Confluent wire format into a {@link GenericRecord} of a reader's schema given as data,
 * resolving the writer's schema (looked up by id) to it: what a consumer built on one version of a record sees of
 * records written with another (added fields it does not know are skipped, fields it knows but the writer lacked
 * get their defaults). Without a reader's schema, records are read with the writer's own. {@code null} stays
 * {@code null}; failures are {@code SerializationException}s naming the topic.
 */
public class GenericAvroDeserializer extends WireFormatDeserializer<GenericRecord> {

    private final Schema readerSchema;

    /** Reads every record with its writer's schema. */
    public GenericAvroDeserializer(SchemaRegistryClient client) {
        this(client, null);
    }

    /** Reads every record into {@code readerSchema} (null: the writer's schema). */
    public GenericAvroDeserializer(SchemaRegistryClient client, Schema readerSchema) {
        super(client, "record");
        this.readerSchema = readerSchema;
    }

    @Override
    DatumReader<?> readerFor(String topic, int id, Schema writer) {
        return new GenericDatumReader<GenericRecord>(writer, readerSchema == null ? writer : readerSchema);
    }

    @Override
    GenericRecord fromAvro(Object read) {
        return (GenericRecord) read;
    }
}
