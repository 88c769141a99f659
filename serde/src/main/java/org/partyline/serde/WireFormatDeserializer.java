package org.partyline.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What every deserializer of the Confluent wire format shares: the header is checked, the writer's schema is looked
 * up by id (once per id: the reader is cached), then the Avro body is read. Subclasses say how a writer's schema is
 * read and what the value read becomes. Every failure is a {@link SerializationException} naming the topic and what
 * was wrong: a {@link RegistryUnavailableException} when the registry could not serve the writer's schema now (the
 * record may be fine), another one when the record itself is wrong. {@code null} stays {@code null} (tombstones).
 */
abstract class WireFormatDeserializer<T> implements Deserializer<T> {

    private final Map<Integer, DatumReader<?>> readers = new ConcurrentHashMap<>();
    /** What a value is, for error messages: {@code record} or {@code string}. */
    private final String what;
    private SchemaRegistryClient client;

    WireFormatDeserializer(SchemaRegistryClient client, String what) {
        this.client = client;
        this.what = what;
    }

    /** The reader of values written with {@code writer}, schema id {@code id}; throws via {@link #failure}. */
    abstract DatumReader<?> readerFor(String topic, int id, Schema writer);

    /** The value as returned, from what the reader read. */
    abstract T fromAvro(Object read);

    /** Reads the rest of the config-style configuration, once, when {@link #configure} sets the client. */
    void configureFrom(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            this.client = SerdeConfig.client(configs);
            configureFrom(configs, isKey);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " is not configured: no schema registry client");
        }
        int id = WireFormat.schemaId(topic, data);
        DatumReader<?> reader = readers.computeIfAbsent(id, i -> readerFor(topic, i, writerSchema(topic, i)));
        int bodySize = data.length - WireFormat.HEADER_SIZE;
        try {
            return fromAvro(reader.read(null, EncodingBuffer.decoder(data, WireFormat.HEADER_SIZE, bodySize)));
        } catch (EOFException e) {
            throw failure(topic, "truncated record, the Avro body (" + bodySize
                    + " bytes) ends early for schema id " + id, e);
        } catch (IOException | AvroRuntimeException | ClassCastException | IndexOutOfBoundsException e) {
            throw new SerializationException("cannot deserialize " + what + " from topic '" + topic
                    + "' written with schema id " + id + ": " + e, e);
        }
    }

    /** A failure to deserialize from {@code topic}, saying why. */
    SerializationException failure(String topic, String why, Throwable cause) {
        return new SerializationException("cannot deserialize " + what + " from topic '" + topic + "': " + why, cause);
    }

    private Schema writerSchema(String topic, int id) {
        try {
            return client.schemaById(id);
        } catch (RegistryException e) {
            if (RegistryUnavailableException.isUnavailable(e)) {
                throw new RegistryUnavailableException("cannot deserialize " + what + " from topic '" + topic
                        + "': " + e.getMessage(), e);
            }
            throw failure(topic, e.notFound()
                    ? "unknown schema id " + id + ", not found in schema registry " + client.url() + " ("
                            + e.getMessage() + ")"
                    : e.getMessage(), e);
        }
    }
}
