package org.partyline.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes a SpecificRecord in the Confluent wire format. Registers the record's schema under {@code <topic>-key} or
 * {@code <topic>-value} (TopicNameStrategy) on first use and caches the id. {@code null} stays {@code null}.
 */
public class AvroSerializer<T extends SpecificRecord> extends WireFormatSerializer<T> {

    private final Map<Class<?>, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    /** For config-style construction: call {@link #configure} with {@code schema.registry.url}. */
    public AvroSerializer() {
        super(null, false);
    }

    public AvroSerializer(SchemaRegistryClient client, Class<T> type, boolean isKey) {
        super(client, isKey);
    }

    @Override
    Schema schemaOf(T data) {
        return data.getSchema();
    }

    @Override
    void writeBody(T data, Schema schema, BinaryEncoder encoder) throws IOException {
        writers.computeIfAbsent(data.getClass(), c -> new SpecificDatumWriter<>(schema, SpecificData.getForClass(c)))
                .write(data, encoder);
    }
}
