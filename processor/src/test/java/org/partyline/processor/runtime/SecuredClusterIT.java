package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.embedded.ClientListener;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.processor.faults.JvmProcess;
import org.partyline.testsupport.TestCertificates;

/**
 * Partyline on a secured cluster, as a user runs it: a real broker whose client listener is SASL_SSL with a
 * SCRAM-SHA-512 user made at format time and a certificate made here by keytool; the processor jar in its own JVM
 * with its settings split over a properties file, environment variables and flags, running its own registry with
 * basic auth, its REST API behind a bearer token and the demo on; the producer jar with {@code --producer-config}.
 * The views answer with the token and refuse without it, the registry refuses strangers, and no secret is in any log
 * line of either process, Kafka's own config dumps included.
 */
class SecuredClusterIT {
    private static final Pattern READY = Pattern.compile(
            "READY api=(\\S+) bootstrap=(\\S+) schema-registry=(\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String SCRAM_PASSWORD = "scram-Pw-" + SUFFIX;
    private static final String STORE_PASSWORD = "store-Pw-" + SUFFIX;
    private static final String REGISTRY_PASSWORD = "registry-Pw-" + SUFFIX;
    private static final String API_TOKEN = "api-Token-" + SUFFIX;
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"partyline\" password=\"" + SCRAM_PASSWORD + "\";";

    @TempDir
    Path dir;
    private EmbeddedKafka kafka;
    private JvmProcess processor;
    private TestCertificates certs;

    @AfterEach
    void stop() throws InterruptedException {
        if (processor != null) {
            processor.stop(Duration.ofSeconds(30));
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldRunTheWholeStackOnASaslSslBrokerWithoutShowingASecret() throws Exception {
        certs = TestCertificates.create(dir, STORE_PASSWORD);
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2,
                ClientListener.saslSslScram512(certs.keystore(), STORE_PASSWORD, "partyline", SCRAM_PASSWORD));
        assertTheBrokerRefusesClientsWithoutCredentials();

        processor = startProcessor(dir.resolve("processor.log"));
        Matcher ready = processor.awaitLine(READY, START_TIMEOUT);
        URI api = URI.create(ready.group(1));
        String registry = ready.group(3);
        assertEquals(kafka.bootstrapServers(), ready.group(2));

        ProcessOutput producer = publishExample(registry);
        assertEquals(0, producer.exitCode(), producer.text());
        assertTrue(producer.text().contains("published 21, rejected 0"), producer.text());

        JsonNode claim = new Api(api, API_TOKEN).await("/api/claims/pokrovsk-captured",
                body -> body.path("status").asText().equals("CONTESTED") && body.path("positions").size() == 2,
                Duration.ofSeconds(60));
        assertEquals("RU ASSERTS, UA DENIES", positions(claim));

        assertTheRegistryRefusesRequestsWithoutCredentials(registry);
        // The demo published through the secured broker and read its summary through the token-guarded API.
        processor.awaitLine(Pattern.compile(Pattern.quote(
                "UA   us-peace-plan                      LEAN_OPPOSE -> LEAN_SUPPORT")), START_TIMEOUT);
        assertTheApiRefusesRequestsWithoutTheToken(api);

        assertTrue(processor.stop(Duration.ofSeconds(30)), "the processor stops on SIGTERM");
        String processorLog = processor.logText();
        assertTrue(processorLog.contains("security.protocol = SASL_SSL"), "Kafka's config dump is in the log");
        assertTrue(processorLog.contains("sasl.jaas.config = [hidden]"), "and masks the JAAS config");
        assertTrue(producer.text().contains("sasl.jaas.config = [hidden]"), "the producer's dump masks it too");
        for (String secret : List.of(SCRAM_PASSWORD, JAAS, STORE_PASSWORD, REGISTRY_PASSWORD, API_TOKEN)) {
            assertFalse(processorLog.contains(secret), "processor log shows the secret " + secret);
            assertFalse(producer.text().contains(secret), "producer output shows the secret " + secret);
        }
    }

    private void assertTheBrokerRefusesClientsWithoutCredentials() {
        ExecutionException plain = assertThrows(ExecutionException.class, () -> clusterId(Map.of()));
        assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, plain.getCause(),
                "a client without TLS and SASL gets no answer");
        Map<String, Object> wrongPassword = new HashMap<>(clientSettings());
        wrongPassword.put("sasl.jaas.config", JAAS.replace(SCRAM_PASSWORD, "wrong-" + SCRAM_PASSWORD));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> clusterId(wrongPassword));
        assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
    }

    private String clusterId(Map<String, Object> clientSettings) throws Exception {
        Map<String, Object> props = new HashMap<>(clientSettings);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(props)) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        }
    }

    private Map<String, Object> clientSettings() {
        return Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS,
                "ssl.truststore.location", certs.truststore().toString(), "ssl.truststore.password", STORE_PASSWORD,
                "ssl.truststore.type", "PKCS12");
    }

    /** The processor jar with its settings in a file (broker, TLS), the environment (secrets) and flags (SASL). */
    private JvmProcess startProcessor(Path log) throws IOException {
        Path config = dir.resolve("partyline.properties");
        Files.writeString(config, String.join("\n",
                "bootstrap.servers=" + kafka.bootstrapServers(),
                "kafka.security.protocol=SASL_SSL",
                "kafka.ssl.truststore.location=" + certs.truststore(),
                "kafka.ssl.truststore.type=PKCS12",
                "registry.basic.auth.user.info=registry:" + REGISTRY_PASSWORD,
                "state.dir=" + dir.resolve("state"),
                "partitions=2",
                ""));
        return JvmProcess.start("processor", List.of("-Xmx512m", "-Dlogback.configurationFile=" + verboseLogback()),
                List.of("-jar", JvmProcess.processorJar().toString(), "--config", config.toString(),
                        "--kafka-sasl-mechanism", "SCRAM-SHA-512", "--http-port", "0", "--registry-port", "0", "--demo"),
                Map.of("PARTYLINE_KAFKA_SASL_JAAS_CONFIG", JAAS,
                        "PARTYLINE_KAFKA_SSL_TRUSTSTORE_PASSWORD", STORE_PASSWORD,
                        "PARTYLINE_HTTP_AUTH_TOKEN", API_TOKEN), log);
    }

    record ProcessOutput(int exitCode, String text) {
    }

    /** The producer jar with its Kafka and registry client settings in one {@code --producer-config} file. */
    private ProcessOutput publishExample(String registryUrl) throws IOException, InterruptedException {
        Path example = Demo.exampleFile(dir);
        Path clientConfig = dir.resolve("producer.properties");
        StringBuilder properties = new StringBuilder();
        clientSettings().forEach((k, v) -> properties.append(k).append('=')
                .append(v.toString().replace("\\", "\\\\")).append('\n'));
        properties.append("schema.registry.basic.auth.user.info=registry:").append(REGISTRY_PASSWORD).append('\n');
        Files.writeString(clientConfig, properties.toString());
        try (JvmProcess producer = JvmProcess.start("producer",
                List.of("-Dlogback.configurationFile=" + verboseLogback()),
                List.of("-jar", JvmProcess.producerJar().toString(), "publish", example.toString(),
                        "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registryUrl,
                        "--producer-config", clientConfig.toString()), Map.of(), dir.resolve("producer.log"))) {
            int exitCode = producer.awaitExit(Duration.ofSeconds(60));
            return new ProcessOutput(exitCode, producer.logText());
        }
    }

    private static void assertTheRegistryRefusesRequestsWithoutCredentials(String registryUrl) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(registryUrl + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode());
        assertEquals("{\"error_code\":401,\"message\":\"Unauthorized\"}", refused.body());
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("registry:" + REGISTRY_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> subjects = http.send(HttpRequest.newBuilder(URI.create(registryUrl + "/subjects"))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, subjects.statusCode());
        assertTrue(subjects.body().contains("claims-value"), subjects.body());
    }

    /** {@code http.auth.token} guards the views (401 without it or with another), while the probes stay open. */
    private static void assertTheApiRefusesRequestsWithoutTheToken(URI api) {
        Api.Response anonymous = new Api(api).get("/api/claims/pokrovsk-captured");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.body().path("error").isTextual(), anonymous.body().toString());
        assertEquals(401, new Api(api, API_TOKEN + "-wrong").get("/api/parties").status());
        assertEquals(200, new Api(api).get("/health/ready").status());
        assertEquals(200, new Api(api, API_TOKEN).get("/api/parties").status());
    }

    private static String positions(JsonNode claim) {
        List<String> positions = new ArrayList<>();
        claim.path("positions").forEach(p -> positions.add(p.path("party").asText() + " " + p.path("position").asText()));
        return String.join(", ", positions);
    }

    /** Kafka's clients at INFO (their config dumps) and Partyline at DEBUG, so the secret check sees everything. */
    private Path verboseLogback() throws IOException {
        Path file = dir.resolve("logback-verbose.xml");
        if (!Files.exists(file)) {
            Files.writeString(file, """
                    <configuration>
                      <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                        <target>System.err</target>
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                      </appender>
                      <logger name="org.apache.kafka" level="INFO"/>
                      <logger name="org.partyline" level="DEBUG"/>
                      <root level="INFO"><appender-ref ref="STDERR"/></root>
                    </configuration>
                    """);
        }
        return file;
    }
}
