package org.partyline.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a SpecificRecord in the Confluent wire format. Registers the record's schema under {@code <topic>-key} or
 * {@code <topic>-value} (TopicNameStrategy) on first use and caches the id. {@code null} stays {@code null}.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private record TopicSchema(String topic, Schema schema) {
    }

    private final Map<TopicSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Class<?>, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean isKey;

    /** For config-style construction: call {@link #configure} with {@code schema.registry.url}. */
    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient client, Class<T> type, boolean isKey) {
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
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer is not configured: no schema registry client");
        }
        Schema schema = data.getSchema();
        int id = ids.computeIfAbsent(new TopicSchema(topic, schema), ts -> register(topic, schema));
        DatumWriter<Object> writer = writers.computeIfAbsent(data.getClass(),
                c -> new SpecificDatumWriter<>(schema, SpecificData.getForClass(c)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        WireFormat.writeHeader(out, id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " for topic '" + topic
                    + "': " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private int register(String topic, Schema schema) {
        String subject = WireFormat.subject(topic, isKey);
        try {
            return client.register(subject, schema);
        } catch (RegistryException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " for topic '" + topic
                    + "': " + e.getMessage(), e);
        }
    }
}
