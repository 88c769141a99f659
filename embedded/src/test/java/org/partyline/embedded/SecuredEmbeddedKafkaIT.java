package org.partyline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.testsupport.TestCertificates;

/**
 * The embedded broker with a SASL_SSL client listener (SCRAM-SHA-512 users made at format time, a certificate made by
 * keytool), and the embedded registry on it: its own Kafka clients authenticate with the given settings, and its
 * HTTP API asks for basic auth.
 */
class SecuredEmbeddedKafkaIT {

    private static final String PASSWORD = "scram-Pw-7d1e";
    private static final String STORE_PASSWORD = "store-Pw-0b9c";

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static TestCertificates certs;

    @BeforeAll
    static void startBroker() throws Exception {
        certs = TestCertificates.create(dir, STORE_PASSWORD);
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 1,
                ClientListener.saslSslScram512(certs.keystore(), STORE_PASSWORD, "partyline", PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    static Map<String, Object> client(String password) {
        Map<String, Object> props = new HashMap<>();
        props.put("security.protocol", "SASL_SSL");
        props.put("sasl.mechanism", "SCRAM-SHA-512");
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"partyline\" password=\"" + password + "\";");
        props.put("ssl.truststore.location", certs.truststore().toString());
        props.put("ssl.truststore.password", STORE_PASSWORD);
        props.put("ssl.truststore.type", "PKCS12");
        return props;
    }

    private static String clusterId(Map<String, Object> clientProperties) throws Exception {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        try (Admin admin = Admin.create(props)) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldServeScramUsersOverTlsAndRefuseOthers() throws Exception {
        assertEquals(kafka.clusterId(), clusterId(client(PASSWORD)));
        ExecutionException wrong = assertThrows(ExecutionException.class, () -> clusterId(client("not-" + PASSWORD)));
        assertInstanceOf(SaslAuthenticationException.class, wrong.getCause());
        assertThrows(ExecutionException.class, () -> clusterId(Map.of()), "a plain client must not get an answer");
    }

    @Test
    void shouldRunTheRegistryOnTheSecuredBrokerBehindBasicAuth() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), client(PASSWORD),
                "localhost", 0, "registry:reg-Pw-55a1")) {
            HttpClient http = HttpClient.newHttpClient();
            URI subjects = URI.create(registry.url() + "/subjects");
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(subjects).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode());
            String basic = "Basic " + Base64.getEncoder().encodeToString("registry:reg-Pw-55a1".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(registry.url()
                            + "/subjects/people-value/versions")).header("Authorization", basic)
                    .header("Content-Type", RegistryHttpHandler.CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"schema\":\"{\\\"type\\\":\\\"string\\\"}\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, registered.statusCode(), registered.body());
            HttpResponse<String> listed = http.send(HttpRequest.newBuilder(subjects).header("Authorization", basic).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("[\"people-value\"]", listed.body());
            assertTrue(registered.body().contains("\"id\""), registered.body());
        }
    }
}
