package org.partyline.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partyline.schema.Statement;

/**
 * Which registry failures say something about the record (it goes to the dead-letter topic) and which only say that
 * the registry cannot serve now (the record waits): the serdes against a fake Confluent registry answering each way.
 */
class RegistryFailureClassificationTest {

    /** Magic byte, schema id 7, then an Avro body that is never reached. */
    private static final byte[] RECORD_WITH_ID_7 = {0, 0, 0, 0, 7, 2, 'x'};

    private FakeConfluentRegistry fake;

    @BeforeEach
    void startRegistry() throws IOException {
        fake = new FakeConfluentRegistry();
    }

    @AfterEach
    void stopRegistry() {
        fake.close();
    }

    @ParameterizedTest(name = "HTTP {0}: transient {1}, configuration error {2}")
    @CsvSource({
            "0, true, false",
            "408, true, false",
            "429, true, false",
            "500, true, false",
            "502, true, false",
            "503, true, false",
            "504, true, false",
            "401, false, true",
            "403, false, true",
            "400, false, false",
            "404, false, false",
            "409, false, false",
            "422, false, false",
            "200, false, false"})
    void shouldClassifyEachStatus(int status, boolean transientFailure, boolean configurationError) {
        RegistryException e = new RegistryException("m", "http://registry:8081", status,
                RegistryException.NO_ERROR_CODE);

        assertEquals(transientFailure, e.transientFailure());
        assertEquals(configurationError, e.configurationError());
        assertEquals(transientFailure || configurationError, RegistryUnavailableException.isUnavailable(e));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"500", "503", "429"})
    void shouldReportARegistryErrorAnswerAsUnavailableWhenReading(int status) {
        fake.failWith(status);

        SerializationException e = assertThrows(SerializationException.class,
                () -> statements().deserialize("statements", RECORD_WITH_ID_7));

        RegistryUnavailableException unavailable = assertInstanceOf(RegistryUnavailableException.class, e);
        assertFalse(unavailable.configurationError());
        assertTrue(e.getMessage().startsWith("cannot deserialize record from topic 'statements': cannot fetch"
                + " schema id 7: "), e.getMessage());
        assertTrue(e.getMessage().contains("answered HTTP " + status), e.getMessage());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"401", "403"})
    void shouldReportARefusedClientAsAConfigurationError(int status) {
        fake.failWith(status);

        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                () -> statements().deserialize("statements", RECORD_WITH_ID_7));

        assertTrue(e.configurationError());
    }

    @Test
    void shouldReportAnUnknownSchemaIdAsABadRecord() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> statements().deserialize("statements", RECORD_WITH_ID_7));

        assertFalse(e instanceof RegistryUnavailableException, e.toString());
        assertNull(RegistryUnavailableException.find(e));
        assertTrue(e.getMessage().contains("unknown schema id 7"), e.getMessage());
    }

    @Test
    void shouldReportARegistryThatRefusesConnectionsAsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SchemaRegistryClient nowhere = new HttpSchemaRegistryClient(List.of("http://127.0.0.1:" + closedPort),
                Duration.ofSeconds(2), Duration.ofSeconds(2));
        Deserializer<Statement> reader = AvroSerdes.value(Statement.class, nowhere).deserializer();

        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                () -> reader.deserialize("statements", RECORD_WITH_ID_7));

        assertFalse(e.configurationError());
        assertTrue(e.getMessage().contains("cannot reach schema registry at http://127.0.0.1:" + closedPort),
                e.getMessage());
    }

    @Test
    void shouldReportARegistryThatCannotRegisterNowAsUnavailableWhenWriting() {
        fake.failWith(503);
        Serializer<Statement> writer = AvroSerdes.value(Statement.class, client()).serializer();

        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                () -> writer.serialize("statements", TestEvents.fullStatement()));

        assertFalse(e.configurationError());
        assertTrue(e.getMessage().startsWith("cannot serialize org.partyline.schema.Statement for topic 'statements':"
                + " cannot register schema under subject 'statements-value': "), e.getMessage());
    }

    @Test
    void shouldFindTheUnavailableRegistryAmongTheCauses() {
        RegistryUnavailableException unavailable = new RegistryUnavailableException("down",
                new RegistryException("m", "http://registry:8081", 503, RegistryException.NO_ERROR_CODE));
        RuntimeException wrapped = new RuntimeException("outer", new IllegalStateException("inner", unavailable));

        assertSame(unavailable, RegistryUnavailableException.find(wrapped));
    }

    private SchemaRegistryClient client() {
        return new HttpSchemaRegistryClient(List.of(fake.url()), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private Deserializer<Statement> statements() {
        return AvroSerdes.value(Statement.class, client()).deserializer();
    }
}
