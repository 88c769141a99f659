package org.partyline.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record in the Confluent wire format into {@code T}, resolving the writer's schema (looked up by id, cached)
 * to {@code T}'s own schema, so a reader with a newer schema reads old events. {@code null} stays {@code null}.
 * Every failure is a {@link SerializationException} naming the topic and what was wrong.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private Class<?> type;

    /**
     * For config-style construction: call {@link #configure} with {@code schema.registry.url} and optionally
     * {@link SerdeConfig#KEY_TYPE} / {@link SerdeConfig#VALUE_TYPE}; without a type, records are read into the
     * generated class named by the writer's schema.
     */
    public AvroDeserializer() {
    }

    public AvroDeserializer(SchemaRegistryClient client, Class<T> type, boolean isKey) {
        this.client = client;
        this.type = type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            this.client = SerdeConfig.client(configs);
            this.type = SerdeConfig.type(configs, isKey);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: no schema registry client");
        }
        int id = WireFormat.schemaId(topic, data);
        DatumReader<T> reader = readers.computeIfAbsent(id, i -> readerFor(topic, i));
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
        try {
            return reader.read(null, decoder);
        } catch (java.io.EOFException e) {
            throw new SerializationException("cannot deserialize record from topic '" + topic
                    + "': truncated record, the Avro body (" + (data.length - WireFormat.HEADER_SIZE)
                    + " bytes) ends early for schema id " + id, e);
        } catch (IOException | AvroRuntimeException | ClassCastException | IndexOutOfBoundsException e) {
            throw new SerializationException("cannot deserialize record from topic '" + topic
                    + "' written with schema id " + id + ": " + e, e);
        }
    }

    private DatumReader<T> readerFor(String topic, int id) {
        Schema writer = writerSchema(topic, id);
        Class<?> target = type != null ? type : SpecificData.get().getClass(writer);
        if (target == null) {
            throw new SerializationException("cannot deserialize record from topic '" + topic + "': schema id " + id
                    + " is " + writer.getFullName() + ", for which no generated class is on the classpath");
        }
        SpecificData model = SpecificData.getForClass(target);
        Schema readerSchema = model.getSchema(target);
        return new SpecificDatumReader<>(writer, readerSchema, model);
    }

    private Schema writerSchema(String topic, int id) {
        try {
            return client.schemaById(id);
        } catch (RegistryException e) {
            String prefix = "cannot deserialize record from topic '" + topic + "': ";
            if (!e.unreachable() && e.notFound()) {
                throw new SerializationException(prefix + "unknown schema id " + id + ", not found in schema registry "
                        + client.url() + " (" + e.getMessage() + ")", e);
            }
            throw new SerializationException(prefix + e.getMessage(), e);
        }
    }
}
