package org.partyline.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Kafka {@link Serde}s for the project's Avro records: Confluent wire format, and plain binary for stores. */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /** Values of {@code type} in the Confluent wire format, subject {@code <topic>-value}. */
    public static <T extends SpecificRecord> Serde<T> value(Class<T> type, SchemaRegistryClient client) {
        return Serdes.serdeFrom(new AvroSerializer<>(client, type, false), new AvroDeserializer<>(client, type, false));
    }

    /** Keys of {@code type} in the Confluent wire format, subject {@code <topic>-key}. */
    public static <T extends SpecificRecord> Serde<T> key(Class<T> type, SchemaRegistryClient client) {
        return Serdes.serdeFrom(new AvroSerializer<>(client, type, true), new AvroDeserializer<>(client, type, true));
    }

    /** String keys as Avro {@code "string"} in the Confluent wire format, subject {@code <topic>-key}. */
    public static Serde<String> stringKey(SchemaRegistryClient client) {
        return Serdes.serdeFrom(new AvroStringSerializer(client, true), new AvroStringDeserializer(client));
    }

    /** Plain Avro binary of {@code type}, no header and no registry: for state stores and repartition topics. */
    public static <T extends SpecificRecord> Serde<T> binary(Class<T> type) {
        return new AvroBinarySerde<>(type);
    }
}
