package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.faults.ChangeRecords;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.GenericAvroDeserializer;
import org.partyline.serde.GenericAvroSerializer;
import org.partyline.serde.RegistryException;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * CONTRACT 6.1 on a real broker and the embedded registry: {@code stance-changes-value} gets version 2 (shift and
 * reversal) next to records of version 1 already in the topic. A consumer on version 1 keeps reading (version-2
 * records decode, the new fields skipped), a consumer on version 2 reads the version-1 records (shift 0, reversal
 * false), the subject is BACKWARD, and a version 3 that breaks BACKWARD is refused.
 */
class StanceChangeEvolutionIT {
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final String TOPIC = "stance-changes";
    private static final String SUBJECT = "stance-changes-value";
    /** The first published version, as pinned by the schemas module's contract test. */
    private static final Path FIRST_VERSION =
            Path.of("..", "schemas", "src", "test", "resources", "contract", "StanceChange-v1.avsc");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    @Test
    void shouldKeepConsumersOfEitherVersionReadingTheWholeTopic() throws Exception {
        Schema v1 = new Schema.Parser().parse(Files.readString(FIRST_VERSION));
        try (PartylineProcessor processor = PartylineProcessor.start(PartylineConfig.load(new String[] {
                "--state-dir", stateDir.toString(), "--http-port", "0", "--kafka-port", "0", "--registry-port", "0",
                "--partitions", "2"}, Map.of()))) {
            SchemaRegistryClient registry = SchemaRegistryClients.forUrl(processor.registryUrl());

            // A producer still on version 1 wrote these before the processor's first change.
            writeFirstVersion(processor.bootstrapServers(), registry, List.of(
                    firstVersion(v1, "OLD", Stance.OPPOSE, Stance.SUPPORT, "2025-12-01T10:00:00Z", "old-1"),
                    firstVersion(v1, "OLD", Stance.SUPPORT, Stance.NEUTRAL, "2025-12-02T10:00:00Z", "old-2")));
            assertEquals(List.of(1), registry.versions(SUBJECT));

            publish(processor, statement("ru-1", Stance.OPPOSE, "2025-12-05T10:00:00Z"),
                    statement("ru-2", Stance.LEAN_SUPPORT, "2025-12-05T11:00:00Z"),
                    statement("ru-3", Stance.NEUTRAL, "2025-12-05T12:00:00Z"),
                    statement("ru-4", Stance.OPPOSE, "2025-12-05T13:00:00Z"));
            Map<String, List<String>> asV2 = awaitRecords(processor, registry, 5);

            assertEquals(Map.of(
                    "OLD", List.of("OPPOSE>SUPPORT#old-1 shift 0 reversal false",
                            "SUPPORT>NEUTRAL#old-2 shift 0 reversal false"),
                    "RU", List.of("OPPOSE>LEAN_SUPPORT#ru-2 shift 3 reversal true",
                            "LEAN_SUPPORT>NEUTRAL#ru-3 shift -1 reversal false",
                            "NEUTRAL>OPPOSE#ru-4 shift -2 reversal false")), asV2,
                    "the version-2 reader: defaults for version-1 records, the real size for version-2 records");
            assertEquals(Map.of(
                    "OLD", List.of("OPPOSE>SUPPORT#old-1 [party, topic, from, to, occurredAt, eventId]",
                            "SUPPORT>NEUTRAL#old-2 [party, topic, from, to, occurredAt, eventId]"),
                    "RU", List.of("OPPOSE>LEAN_SUPPORT#ru-2 [party, topic, from, to, occurredAt, eventId]",
                            "LEAN_SUPPORT>NEUTRAL#ru-3 [party, topic, from, to, occurredAt, eventId]",
                            "NEUTRAL>OPPOSE#ru-4 [party, topic, from, to, occurredAt, eventId]")),
                    ChangeRecords.read(processor.bootstrapServers(), TOPIC, new GenericAvroDeserializer(registry, v1),
                            StanceChangeEvolutionIT::firstVersionText, registry),
                    "the version-1 reader decodes every record, version-2 records without their new fields");

            assertEquals(List.of(1, 2), registry.versions(SUBJECT));
            assertEquals(v1, new Schema.Parser().parse(registryGet(processor, "/subjects/" + SUBJECT
                    + "/versions/1/schema")));
            assertEquals(StanceChange.getClassSchema(), new Schema.Parser().parse(registryGet(processor,
                    "/subjects/" + SUBJECT + "/versions/2/schema")));
            assertEquals("BACKWARD", JSON.readTree(registryGet(processor, "/config")).path("compatibilityLevel")
                    .asText(), "the global level, which the subject has");
            assertEquals("BACKWARD", JSON.readTree(registryGet(processor, "/config/" + SUBJECT
                    + "?defaultToGlobal=true")).path("compatibilityLevel").asText());

            RegistryException refused = assertThrows(RegistryException.class,
                    () -> registry.register(SUBJECT, withRequiredField(StanceChange.getClassSchema())));
            assertEquals(409, refused.status(), refused.getMessage());
            assertEquals(409, refused.errorCode(), refused.getMessage());
            assertEquals(List.of(1, 2), registry.versions(SUBJECT));
        }
    }

    private static GenericRecord firstVersion(Schema v1, String party, Stance from, Stance to, String at,
                                              String eventId) {
        Schema stance = v1.getField("from").schema();
        GenericRecord record = new GenericData.Record(v1);
        record.put("party", party);
        record.put("topic", "sanctions");
        record.put("from", new GenericData.EnumSymbol(stance, from.name()));
        record.put("to", new GenericData.EnumSymbol(stance, to.name()));
        record.put("occurredAt", Instant.parse(at).toEpochMilli());
        record.put("eventId", eventId);
        return record;
    }

    /** Through the project's wire-format serializer, which registers the record's schema: version 1 of the subject. */
    private static void writeFirstVersion(String bootstrap, SchemaRegistryClient registry,
                                          List<GenericRecord> records) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, GenericRecord> producer = new KafkaProducer<>(props,
                AvroSerdes.stringKey(registry).serializer(), new GenericAvroSerializer(registry, false))) {
            for (GenericRecord record : records) {
                producer.send(new ProducerRecord<>(TOPIC, record.get("party").toString(), record)).get();
            }
        }
    }

    private static Statement statement(String eventId, Stance stance, String at) {
        return Statement.newBuilder().setEventId(eventId).setParty("RU").setTopic("sanctions").setStance(stance)
                .setOccurredAt(Instant.parse(at)).build();
    }

    private static void publish(PartylineProcessor processor, Statement... statements) throws Exception {
        try (PartylinePublisher publisher = new PartylinePublisher(processor.bootstrapServers(),
                processor.registryUrl())) {
            for (Statement s : statements) {
                publisher.publish(s).get();
            }
        }
    }

    /** Reads the topic with the processor's own (version-2) class until it holds {@code count} committed records. */
    private static Map<String, List<String>> awaitRecords(PartylineProcessor processor, SchemaRegistryClient registry,
                                                          int count) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<String, List<String>> records;
        do {
            records = ChangeRecords.read(processor.bootstrapServers(), TOPIC,
                    AvroSerdes.value(StanceChange.class, registry).deserializer(), StanceChangeEvolutionIT::text,
                    registry);
            if (records.values().stream().mapToInt(List::size).sum() >= count) {
                return records;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("stance-changes never held " + count + " records within " + SETTLE.toSeconds()
                + " s; last: " + records);
    }

    private static String text(StanceChange c) {
        return c.getFrom() + ">" + c.getTo() + "#" + c.getEventId() + " shift " + c.getShift() + " reversal "
                + c.getReversal();
    }

    private static String firstVersionText(GenericRecord r) {
        List<String> fields = new ArrayList<>();
        r.getSchema().getFields().forEach(f -> fields.add(f.name()));
        assertFalse(r.hasField("shift"));
        return r.get("from") + ">" + r.get("to") + "#" + r.get("eventId") + " " + fields;
    }

    /** A version 3 that breaks BACKWARD: a new field without a default, which version-2 records cannot fill. */
    private static Schema withRequiredField(Schema current) {
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("confidence", Schema.create(Schema.Type.INT), "added without a default"));
        return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }

    private static String registryGet(PartylineProcessor processor, String path) throws IOException,
            InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(processor.registryUrl() + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "GET " + path + " -> " + response.body());
        return response.body();
    }
}
