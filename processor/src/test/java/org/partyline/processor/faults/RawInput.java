package org.partyline.processor.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.SchemaRegistryClient;

/**
 * Input records as bytes, for what {@code PartylinePublisher} would never write: statements in a second version of
 * the Statement schema (a producer rolling out a new version, whose id a running processor has not cached yet),
 * and records that are bad in themselves.
 */
public final class RawInput {
    /** Version 2 of {@code statements-value}: version 1 and an optional {@code note}, BACKWARD compatible. */
    public static final Schema STATEMENT_V2 = statementWithNotes(1);
    /** Version 3: version 2 and an optional {@code note2}. */
    public static final Schema STATEMENT_V3 = statementWithNotes(2);

    private final SchemaRegistryClient registry;
    private final Serializer<String> keys;
    private final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();

    /** Records whose keys are written with {@code registry} (reachable: the test's own client). */
    public RawInput(SchemaRegistryClient registry) {
        this.registry = registry;
        this.keys = AvroSerdes.stringKey(registry).serializer();
    }

    /** A statement in version 2, written with schema id {@code id} (registered or not). */
    public RawInput statementV2(String topic, Statement statement, int id) {
        return add(topic, statement.getParty(), encode(statement, 1, id));
    }

    /** A statement in version 3, written with schema id {@code id} (registered or not). */
    public RawInput statementV3(String topic, Statement statement, int id) {
        return add(topic, statement.getParty(), encode(statement, 2, id));
    }

    /** A statement in version 2, its schema registered under {@code <topic>-value} first. */
    public RawInput statementV2(String topic, Statement statement) {
        return statementV2(topic, statement, registry.register(topic + "-value", STATEMENT_V2));
    }

    /** A record with a valid key and the given value bytes. */
    public RawInput add(String topic, String key, byte[] value) {
        records.add(new ProducerRecord<>(topic, keys.serialize(topic, key), value));
        return this;
    }

    /** Sends every record added, in order, and waits for each acknowledgement. */
    public void send(String bootstrapServers) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
        records.clear();
    }

    /**
     * Magic byte, schema id, the version 1 body and {@code notes} null notes (union branch 0): the encoding of the
     * version with that many notes.
     */
    static byte[] encode(Statement statement, int notes, int id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(Statement.class).write(statement, encoder);
            for (int i = 0; i < notes; i++) {
                encoder.writeIndex(0);
            }
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Schema statementWithNotes(int notes) {
        Schema v1 = Statement.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        v1.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        for (int i = 1; i <= notes; i++) {
            fields.add(new Schema.Field(i == 1 ? "note" : "note" + i, Schema.createUnion(
                    Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                    "A note added in version " + (i + 1) + ".", JsonProperties.NULL_VALUE));
        }
        return Schema.createRecord(v1.getName(), v1.getDoc(), v1.getNamespace(), false, fields);
    }
}
