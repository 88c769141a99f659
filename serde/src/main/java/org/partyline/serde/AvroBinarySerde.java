package org.partyline.serde;

import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain Avro binary of a SpecificRecord, with no header and no registry: for state stores and internal topics,
 * which are written and read by the same code and the same schema.
 */
final class AvroBinarySerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;
    /** Readers of values written before trailing fields with defaults were added, newest first. */
    private final java.util.List<SpecificDatumReader<T>> olderReaders;

    AvroBinarySerde(Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        this.type = type;
        this.writer = new SpecificDatumWriter<>(schema, model);
        this.reader = new SpecificDatumReader<>(schema, schema, model);
        this.olderReaders = olderReaders(schema, model);
    }

    /**
     * A field added at the end of a record with a default is a compatible change of a store's values: bytes written
     * without it are read with the schema that lacked it as writer schema, and the reader fills in the default.
     */
    private static <T> java.util.List<SpecificDatumReader<T>> olderReaders(Schema schema, SpecificData model) {
        java.util.List<SpecificDatumReader<T>> readers = new java.util.ArrayList<>();
        if (schema.getType() != Schema.Type.RECORD) {
            return readers;
        }
        java.util.List<Schema.Field> fields = schema.getFields();
        int n = fields.size();
        while (n > 0 && fields.get(n - 1).hasDefaultValue()) {
            n--;
            java.util.List<Schema.Field> kept = new java.util.ArrayList<>();
            for (Schema.Field f : fields.subList(0, n)) {
                kept.add(new Schema.Field(f, f.schema()));
            }
            Schema older = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, kept);
            readers.add(new SpecificDatumReader<>(older, schema, model));
        }
        return readers;
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }

    private byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        EncodingBuffer out = EncodingBuffer.get();
        try {
            BinaryEncoder encoder = out.encoder();
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + type.getSimpleName() + " for '" + topic + "': "
                    + e.getMessage(), e);
        }
        return out.bytes();
    }

    private T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return reader.read(null, EncodingBuffer.decoder(data, 0, data.length));
        } catch (java.io.EOFException e) {
            for (SpecificDatumReader<T> older : olderReaders) {
                try {
                    org.apache.avro.io.BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, null);
                    T value = older.read(null, decoder);
                    if (decoder.isEnd()) {
                        return value;
                    }
                } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException ignored) {
                    // not written with this older schema either
                }
            }
            throw new SerializationException("cannot deserialize " + type.getSimpleName() + " from '" + topic
                    + "' (" + data.length + " bytes of plain Avro binary): " + e, e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException("cannot deserialize " + type.getSimpleName() + " from '" + topic
                    + "' (" + data.length + " bytes of plain Avro binary): " + e, e);
        }
    }
}
