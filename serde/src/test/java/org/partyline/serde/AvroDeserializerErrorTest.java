package org.partyline.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;

class AvroDeserializerErrorTest {

    private static final String SCOPE = "error-test";
    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://" + SCOPE);
    private final Deserializer<Statement> statements = AvroSerdes.value(Statement.class, registry).deserializer();
    private final Deserializer<String> keys = AvroSerdes.stringKey(registry).deserializer();

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.drop(SCOPE);
    }

    @Test
    void shouldNameTheUnknownSchemaIdAndTheRegistry() {
        byte[] bytes = {0, 0, 0, 0x01, 0x2c, 2, 'x'};

        SerializationException e = assertThrows(SerializationException.class,
                () -> statements.deserialize("statements", bytes));

        assertEquals("cannot deserialize record from topic 'statements': unknown schema id 300, not found in "
                + "schema registry mock://error-test (Schema 300 not found)", e.getMessage());
    }

    @Test
    void shouldRejectRecordsShorterThanTheHeader() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> statements.deserialize("statements", new byte[] {0, 0, 1}));

        assertEquals("cannot deserialize record from topic 'statements': truncated record of 3 byte(s), the "
                + "Confluent wire format needs at least 5 (magic byte and 4-byte schema id)", e.getMessage());
    }

    @Test
    void shouldRejectAnEmptyRecord() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> keys.deserialize("claims", new byte[0]));

        assertTrue(e.getMessage().contains("'claims': truncated record of 0 byte(s)"), e.getMessage());
    }

    @Test
    void shouldRejectAnAvroBodyThatEndsEarly() {
        byte[] full = AvroSerdes.value(Statement.class, registry).serializer()
                .serialize("statements", TestEvents.fullStatement());
        byte[] cut = Arrays.copyOf(full, full.length - 10);

        SerializationException e = assertThrows(SerializationException.class,
                () -> statements.deserialize("statements", cut));

        assertTrue(e.getMessage().startsWith("cannot deserialize record from topic 'statements': truncated record, "
                + "the Avro body (" + (cut.length - 5) + " bytes) ends early for schema id 1"), e.getMessage());
    }

    @Test
    void shouldRejectAStringKeyThatEndsEarly() {
        byte[] full = AvroSerdes.stringKey(registry).serializer().serialize("claims", "pokrovsk-captured");
        byte[] cut = Arrays.copyOf(full, full.length - 3);

        SerializationException e = assertThrows(SerializationException.class, () -> keys.deserialize("claims", cut));

        assertEquals("cannot deserialize string from topic 'claims': truncated record, the Avro body ("
                + (cut.length - 5) + " bytes) ends early for schema id 1", e.getMessage());
    }

    @Test
    void shouldNameTheWrongMagicByte() {
        byte[] json = "{\"party\":\"RU\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        SerializationException e = assertThrows(SerializationException.class,
                () -> statements.deserialize("statements", json));

        assertEquals("cannot deserialize record from topic 'statements': unknown magic byte 0x7b, expected 0x00 "
                + "(not in the Confluent wire format: magic byte 0, 4-byte schema id, Avro binary)", e.getMessage());
    }

    @Test
    void shouldNameTheWrongMagicByteOfAKey() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> keys.deserialize("claims", new byte[] {1, 0, 0, 0, 1, 2, 'x'}));

        assertTrue(e.getMessage().startsWith("cannot deserialize record from topic 'claims': unknown magic byte 0x01"),
                e.getMessage());
    }

    @Test
    void shouldRefuseAStringKeyWhoseSchemaIsNotAString() {
        byte[] statement = AvroSerdes.value(Statement.class, registry).serializer()
                .serialize("statements", TestEvents.minimalStatement());

        SerializationException e = assertThrows(SerializationException.class,
                () -> keys.deserialize("statements", statement));

        assertTrue(e.getMessage().contains("schema id 1 is"), e.getMessage());
        assertTrue(e.getMessage().contains("not an Avro string"), e.getMessage());
    }

    @Test
    void shouldRefuseToReadARecordOfAnotherTypeWithAClearMessage() {
        byte[] claim = AvroSerdes.value(Claim.class, registry).serializer().serialize("claims", TestEvents.claim());

        SerializationException e = assertThrows(SerializationException.class,
                () -> statements.deserialize("claims", claim));

        assertTrue(e.getMessage().startsWith("cannot deserialize record from topic 'claims' written with schema id 1"),
                e.getMessage());
    }

    @Test
    void shouldNameTheUnreachableRegistry() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Deserializer<Statement> remote = AvroSerdes.value(Statement.class,
                SchemaRegistryClients.forUrl("http://127.0.0.1:" + port)).deserializer();

        SerializationException e = assertThrows(SerializationException.class,
                () -> remote.deserialize("statements", new byte[] {0, 0, 0, 0, 7, 2, 'x'}));

        assertTrue(e.getMessage().startsWith("cannot deserialize record from topic 'statements': cannot fetch schema "
                + "id 7: cannot reach schema registry at http://127.0.0.1:" + port
                + "/schemas/ids/7"), e.getMessage());
    }
}
