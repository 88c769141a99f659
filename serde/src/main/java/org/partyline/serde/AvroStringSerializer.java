package org.partyline.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a string as Avro {@code "string"} in the Confluent wire format, registering the schema under
 * {@code <topic>-key} (or {@code <topic>-value}). The form the contract uses for every topic key.
 */
public class AvroStringSerializer implements Serializer<String> {

    static final Schema STRING_SCHEMA = Schema.create(Schema.Type.STRING);

    private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean isKey = true;

    /** For config-style construction: call {@link #configure} with {@code schema.registry.url}. */
    public AvroStringSerializer() {
    }

    /** A key serializer. */
    public AvroStringSerializer(SchemaRegistryClient client) {
        this(client, true);
    }

    public AvroStringSerializer(SchemaRegistryClient client, boolean isKey) {
        this.client = client;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            this.client = SerdeConfig.client(configs);
            this.isKey = isKey;
        }
    }

    @Override
    public byte[] serialize(String topic, String data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroStringSerializer is not configured: no schema registry client");
        }
        int id = idsByTopic.computeIfAbsent(topic, this::register);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length() + 8);
        WireFormat.writeHeader(out, id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            encoder.writeString(data);
            encoder.flush();
        } catch (IOException e) {
            throw new SerializationException("cannot serialize string for topic '" + topic + "'", e);
        }
        return out.toByteArray();
    }

    private int register(String topic) {
        try {
            return client.register(WireFormat.subject(topic, isKey), STRING_SCHEMA);
        } catch (RegistryException e) {
            throw new SerializationException("cannot serialize string for topic '" + topic + "': "
                    + e.getMessage(), e);
        }
    }
}
