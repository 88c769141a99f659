package org.partyline.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What every serializer of the Confluent wire format shares: the schema is registered under {@code <topic>-key} or
 * {@code <topic>-value} (TopicNameStrategy) on first use and its id cached, then each record is written as magic
 * byte, schema id and Avro binary. Subclasses say which schema a value has and how its body is written.
 * {@code null} stays {@code null} (tombstones). A registry that cannot register the schema now gives a
 * {@link RegistryUnavailableException}.
 */
abstract class WireFormatSerializer<T> implements Serializer<T> {

    private record TopicSchema(String topic, Schema schema) {
    }

    private final Map<TopicSchema, Integer> ids = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean isKey;

    WireFormatSerializer(SchemaRegistryClient client, boolean isKey) {
        this.client = client;
        this.isKey = isKey;
    }

    /** The writer's schema of a value. */
    abstract Schema schemaOf(T data);

    /** Writes the Avro body of a value. */
    abstract void writeBody(T data, Schema schema, BinaryEncoder encoder) throws IOException;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            this.client = SerdeConfig.client(configs);
            this.isKey = isKey;
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " is not configured: no schema registry client");
        }
        Schema schema = schemaOf(data);
        int id = ids.computeIfAbsent(new TopicSchema(topic, schema), ts -> register(topic, schema));
        EncodingBuffer out = EncodingBuffer.get();
        WireFormat.writeHeader(out, id);
        try {
            BinaryEncoder encoder = out.encoder();
            writeBody(data, schema, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + what(schema) + " for topic '" + topic + "': "
                    + e.getMessage(), e);
        }
        return out.bytes();
    }

    private int register(String topic, Schema schema) {
        try {
            return client.register(WireFormat.subject(topic, isKey), schema);
        } catch (RegistryException e) {
            if (RegistryUnavailableException.isUnavailable(e)) {
                throw new RegistryUnavailableException("cannot serialize " + what(schema) + " for topic '" + topic
                        + "': " + e.getMessage(), e);
            }
            throw new SerializationException("cannot serialize " + what(schema) + " for topic '" + topic + "': "
                    + e.getMessage(), e);
        }
    }

    private static String what(Schema schema) {
        return schema.getType() == Schema.Type.STRING ? "string" : schema.getFullName();
    }
}
