package org.partyline.serde;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;

/**
 * Writes a string as Avro {@code "string"} in the Confluent wire format, registering the schema under
 * {@code <topic>-key} (or {@code <topic>-value}). The form the contract uses for every topic key.
 */
public class AvroStringSerializer extends WireFormatSerializer<String> {

    static final Schema STRING_SCHEMA = Schema.create(Schema.Type.STRING);

    /** For config-style construction: call {@link #configure} with {@code schema.registry.url}. */
    public AvroStringSerializer() {
        super(null, true);
    }

    /** A key serializer. */
    public AvroStringSerializer(SchemaRegistryClient client) {
        this(client, true);
    }

    public AvroStringSerializer(SchemaRegistryClient client, boolean isKey) {
        super(client, isKey);
    }

    @Override
    Schema schemaOf(String data) {
        return STRING_SCHEMA;
    }

    @Override
    void writeBody(String data, Schema schema, BinaryEncoder encoder) throws IOException {
        encoder.writeString(data);
    }
}
