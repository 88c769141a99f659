package org.partyline.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;

class HttpSchemaRegistryClientTest {

    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private FakeConfluentRegistry fake;

    @BeforeEach
    void startFake() throws IOException {
        fake = new FakeConfluentRegistry();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void shouldRegisterOnceAndServeTheHotPathFromTheCache() {
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(fake.url());
        Serializer<Statement> serializer = AvroSerdes.value(Statement.class, client).serializer();
        Serializer<String> keys = AvroSerdes.stringKey(client).serializer();

        byte[] first = serializer.serialize("statements", TestEvents.fullStatement());
        serializer.serialize("statements", TestEvents.minimalStatement());
        serializer.serialize("statements", TestEvents.fullStatement());
        keys.serialize("statements", "RU");
        keys.serialize("statements", "UA");
        Schema fetched = client.schemaById(1);

        assertEquals(List.of("POST /subjects/statements-value/versions", "POST /subjects/statements-key/versions"),
                fake.requests());
        assertEquals(List.of(HttpSchemaRegistryClient.CONTENT_TYPE, HttpSchemaRegistryClient.CONTENT_TYPE),
                fake.contentTypes());
        assertEquals(Statement.getClassSchema(), fetched);
        assertEquals(1, first[4]);
    }

    @Test
    void shouldFetchAWriterSchemaOnceThenDecodeFromTheCache() {
        byte[] bytes = AvroSerdes.value(Statement.class, SchemaRegistryClients.forUrl(fake.url())).serializer()
                .serialize("statements", TestEvents.fullStatement());
        Deserializer<Statement> deserializer =
                AvroSerdes.value(Statement.class, SchemaRegistryClients.forUrl(fake.url())).deserializer();

        for (int i = 0; i < 3; i++) {
            assertEquals(TestEvents.fullStatement(), deserializer.deserialize("statements", bytes));
        }

        assertEquals(List.of("POST /subjects/statements-value/versions", "GET /schemas/ids/1"), fake.requests());
    }

    @Test
    void shouldLookUpAnIdWithoutRegistering() {
        SchemaRegistryClient writer = SchemaRegistryClients.forUrl(fake.url());
        SchemaRegistryClient reader = SchemaRegistryClients.forUrl(fake.url());
        writer.register("claims-value", Statement.getClassSchema());
        int id = writer.register("claims-value", Claim.getClassSchema());

        assertEquals(id, reader.idOf("claims-value", Claim.getClassSchema()));
        assertEquals(id, reader.idOf("claims-value", Claim.getClassSchema()));
        assertEquals(List.of("claims-value"), reader.subjects());
        assertEquals(List.of(1, 2), reader.versions("claims-value"));
        assertEquals(List.of("POST /subjects/claims-value/versions", "POST /subjects/claims-value/versions",
                "POST /subjects/claims-value", "GET /subjects", "GET /subjects/claims-value/versions"),
                fake.requests());
    }

    @Test
    void shouldSayWhichSubjectIsMissing() {
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(fake.url());

        RegistryException e = assertThrows(RegistryException.class, () -> client.idOf("nope-value", STRING));

        assertEquals(404, e.status());
        assertEquals(RegistryException.SUBJECT_NOT_FOUND, e.errorCode());
        assertEquals(fake.url() + "/subjects/nope-value", e.url());
        assertTrue(e.notFound());
        assertEquals("cannot look up schema under subject 'nope-value': schema registry at " + fake.url()
                + "/subjects/nope-value answered HTTP 404, error code 40401: Subject 'nope-value' not found.",
                e.getMessage());
    }

    @Test
    void shouldCarryStatusErrorCodeAndUrlOfAServerError() {
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(fake.url());
        fake.failWith(500);

        RegistryException e = assertThrows(RegistryException.class, () -> client.register("statements-value", STRING));

        assertEquals(500, e.status());
        assertEquals(50001, e.errorCode());
        assertEquals(fake.url() + "/subjects/statements-value/versions", e.url());
        assertEquals("cannot register schema under subject 'statements-value': schema registry at " + fake.url()
                + "/subjects/statements-value/versions answered HTTP 500, error code 50001: "
                + "Error in the backend data store", e.getMessage());
    }

    @Test
    void shouldNameTheUnknownIdAndTheRegistryUrlWhenDeserializing() {
        Deserializer<Statement> deserializer =
                AvroSerdes.value(Statement.class, SchemaRegistryClients.forUrl(fake.url())).deserializer();

        SerializationException e = assertThrows(SerializationException.class,
                () -> deserializer.deserialize("statements", new byte[] {0, 0, 0, 0, 99, 2, 'x'}));

        assertTrue(e.getMessage().startsWith("cannot deserialize record from topic 'statements': unknown schema id 99, "
                + "not found in schema registry " + fake.url() + " ("), e.getMessage());
        assertEquals(40403, assertInstanceOf(RegistryException.class, e.getCause()).errorCode());
    }

    @Test
    void shouldUrlEncodeSubjects() {
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(fake.url());

        client.register("odd topic/ä-key", STRING);

        assertEquals(List.of("POST /subjects/odd%20topic%2F%C3%A4-key/versions"), fake.requests());
        assertEquals(List.of("odd topic/ä-key"), client.subjects());
    }

    @Test
    void shouldFailFastNamingAnUnreachableRegistry() throws IOException {
        String dead = "http://127.0.0.1:" + freePort();
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(dead);
        long start = System.nanoTime();

        RegistryException e = assertThrows(RegistryException.class, () -> client.register("statements-key", STRING));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
        assertTrue(e.unreachable());
        assertEquals(RegistryException.NO_STATUS, e.status());
        assertEquals("cannot register schema under subject 'statements-key': cannot reach schema registry at "
                + dead + "/subjects/statements-key/versions: connection refused", e.getMessage());
    }

    @Test
    void shouldTellTheProducerWhenTheRegistryIsUnreachable() throws IOException {
        String dead = "http://127.0.0.1:" + freePort();
        Serializer<Statement> serializer =
                AvroSerdes.value(Statement.class, SchemaRegistryClients.forUrl(dead)).serializer();

        SerializationException e = assertThrows(SerializationException.class,
                () -> serializer.serialize("statements", TestEvents.fullStatement()));

        assertTrue(assertInstanceOf(RegistryException.class, e.getCause()).unreachable());
        assertTrue(e.getMessage().startsWith("cannot serialize org.partyline.schema.Statement for topic 'statements': "
                + "cannot register schema under subject 'statements-value': cannot reach schema registry at " + dead),
                e.getMessage());
    }

    @Test
    void shouldGiveUpOnARegistryThatDoesNotAnswer() {
        fake.hang();
        SchemaRegistryClient client = new HttpSchemaRegistryClient(List.of(fake.url()),
                Duration.ofSeconds(5), Duration.ofMillis(500));
        long start = System.nanoTime();

        RegistryException e = assertThrows(RegistryException.class, () -> client.schemaById(3));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4000);
        assertTrue(e.unreachable());
        assertEquals("cannot fetch schema id 3: cannot reach schema registry at " + fake.url()
                + "/schemas/ids/3: no answer within 500 ms", e.getMessage());
    }

    @Test
    void shouldUseTheFirstRegistryThatAnswers() throws IOException {
        String dead = "http://127.0.0.1:" + freePort();
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(dead + ", " + fake.url() + "/");

        int id = client.register("statements-key", STRING);

        assertEquals(1, id);
        assertEquals(List.of("POST /subjects/statements-key/versions"), fake.requests());
        assertEquals(dead + "," + fake.url(), client.url());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
