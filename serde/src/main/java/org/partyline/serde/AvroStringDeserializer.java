package org.partyline.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads an Avro {@code "string"} in the Confluent wire format (the contract's keys). {@code null} stays null. */
public class AvroStringDeserializer implements Deserializer<String> {

    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;

    /** For config-style construction: call {@link #configure} with {@code schema.registry.url}. */
    public AvroStringDeserializer() {
    }

    public AvroStringDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            this.client = SerdeConfig.client(configs);
        }
    }

    @Override
    public String deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroStringDeserializer is not configured: no schema registry client");
        }
        int id = WireFormat.schemaId(topic, data);
        DatumReader<Object> reader = readers.computeIfAbsent(id, i -> readerFor(topic, i));
        try {
            Object value = reader.read(null, DecoderFactory.get()
                    .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
            return value.toString();
        } catch (java.io.EOFException e) {
            throw new SerializationException("cannot deserialize string from topic '" + topic
                    + "': truncated record, the Avro body ends early for schema id " + id, e);
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("cannot deserialize string from topic '" + topic
                    + "' written with schema id " + id + ": " + e, e);
        }
    }

    private DatumReader<Object> readerFor(String topic, int id) {
        Schema writer;
        try {
            writer = client.schemaById(id);
        } catch (RegistryException e) {
            String what = e.notFound() && !e.unreachable()
                    ? "unknown schema id " + id + ", not found in schema registry " + client.url() + " ("
                            + e.getMessage() + ")"
                    : e.getMessage();
            throw new SerializationException("cannot deserialize string from topic '" + topic + "': " + what, e);
        }
        if (writer.getType() != Schema.Type.STRING && writer.getType() != Schema.Type.BYTES) {
            throw new SerializationException("cannot deserialize string from topic '" + topic + "': schema id " + id
                    + " is " + writer + ", not an Avro string");
        }
        return new GenericDatumReader<>(writer, AvroStringSerializer.STRING_SCHEMA);
    }
}
