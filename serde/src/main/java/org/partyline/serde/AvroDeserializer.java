package org.partyline.serde;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads a record in the Confluent wire format into {@code T}, resolving the writer's schema (looked up by id, cached)
 * to {@code T}'s own schema, so a reader with a newer schema reads old events. {@code null} stays {@code null}.
 * Every failure is a {@link SerializationException} naming the topic and what was wrong.
 */
public class AvroDeserializer<T> extends WireFormatDeserializer<T> {

    private Class<?> type;

    /**
     * For config-style construction: call {@link #configure} with {@code schema.registry.url} and optionally
     * {@link SerdeConfig#KEY_TYPE} / {@link SerdeConfig#VALUE_TYPE}; without a type, records are read into the
     * generated class named by the writer's schema.
     */
    public AvroDeserializer() {
        super(null, "record");
    }

    public AvroDeserializer(SchemaRegistryClient client, Class<T> type, boolean isKey) {
        super(client, "record");
        this.type = type;
    }

    @Override
    void configureFrom(Map<String, ?> configs, boolean isKey) {
        this.type = SerdeConfig.type(configs, isKey);
    }

    @Override
    DatumReader<?> readerFor(String topic, int id, Schema writer) {
        Class<?> target = type != null ? type : SpecificData.get().getClass(writer);
        if (target == null) {
            throw failure(topic, "schema id " + id + " is " + writer.getFullName()
                    + ", for which no generated class is on the classpath", null);
        }
        SpecificData model = SpecificData.getForClass(target);
        return new SpecificDatumReader<>(writer, model.getSchema(target), model);
    }

    @Override
    @SuppressWarnings("unchecked")
    T fromAvro(Object read) {
        return (T) read;
    }
}
