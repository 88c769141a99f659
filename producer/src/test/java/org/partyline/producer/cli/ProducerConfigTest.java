package org.partyline.producer.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --producer-config FILE}: Kafka settings to the producer and its probe, registry settings to the registry. */
class ProducerConfigTest {

    private static final String REGISTRY_PASSWORD = "reg-Secret-91";
    private static final String KAFKA_PASSWORD = "kafka-Secret-42";

    @TempDir
    Path dir;
    private Path events;
    private HttpServer registry;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        events = dir.resolve("events.jsonl");
        Files.writeString(events, "{\"type\":\"statement\",\"eventId\":\"st-1\",\"party\":\"RU\","
                + "\"occurredAt\":\"2025-12-05T14:00:00Z\",\"topic\":\"nato\",\"stance\":\"OPPOSE\"}\n");
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            byte[] body = "[]".getBytes(UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
    }

    @AfterEach
    void stop() {
        registry.stop(0);
    }

    private int run(Path producerConfig, String bootstrap) {
        return ProducerMain.run(new String[] {"publish", events.toString(), "--bootstrap-servers", bootstrap,
                "--schema-registry-url", "http://127.0.0.1:" + registry.getAddress().getPort(),
                "--producer-config", producerConfig.toString()},
                new PrintStream(outBytes, true, UTF_8), new PrintStream(errBytes, true, UTF_8));
    }

    private String err() {
        return errBytes.toString(UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldSplitKafkaSettingsFromRegistrySettings() throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, """
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                ssl.truststore.location=/etc/ca.p12
                schema.registry.basic.auth.user.info=reader:pw
                basic.auth.credentials.source=USER_INFO
                schema.registry.ssl.truststore.type=PKCS12
                """);
        ProducerConfigFile config = ProducerConfigFile.read(file.toString());
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "ssl.truststore.location", "/etc/ca.p12"), config.kafka());
        assertEquals(Map.of("schema.registry.basic.auth.user.info", "reader:pw",
                "basic.auth.credentials.source", "USER_INFO", "schema.registry.ssl.truststore.type", "PKCS12"),
                config.registry());
        assertFalse(config.toString().contains("reader:pw"), config.toString());
    }

    @Test
    void shouldSendRegistryCredentialsAndHandKafkaSettingsToTheProbe() throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "schema.registry.basic.auth.user.info=reader:" + REGISTRY_PASSWORD + "\n"
                + "security.protocol=NOT_A_PROTOCOL\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" "
                + "password=\"" + KAFKA_PASSWORD + "\";\n");
        int status = run(file, "localhost:" + freePort());

        assertEquals(ProducerMain.FAILED, status);
        assertEquals(List.of("Basic " + Base64.getEncoder().encodeToString(("reader:" + REGISTRY_PASSWORD).getBytes(UTF_8))),
                authorizations);
        assertTrue(err().startsWith("error: cannot reach Kafka at localhost:"), err());
        assertTrue(err().contains("security.protocol"), "the file's Kafka settings reach the probe: " + err());
        assertFalse(err().contains(KAFKA_PASSWORD) || err().contains(REGISTRY_PASSWORD), err());
    }

    @Test
    void shouldExit2WithAClearMessageWhenTheFileCannotBeRead() throws IOException {
        Path missing = dir.resolve("missing.properties");
        assertEquals(ProducerMain.FAILED, run(missing, "localhost:9"));
        assertEquals("error: cannot read --producer-config " + missing + ": no such file", err().strip());
        assertEquals(List.of(), authorizations, "nothing is contacted before the file is read");
    }

    @Test
    void shouldExit2WhenTheFileIsMalformed() throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "sasl.jaas.config=secret\\u00zz\n");
        assertEquals(ProducerMain.FAILED, run(file, "localhost:9"));
        assertTrue(err().startsWith("error: cannot read --producer-config " + file + ": "), err());
        assertFalse(err().contains("secret"), err());
    }
}
