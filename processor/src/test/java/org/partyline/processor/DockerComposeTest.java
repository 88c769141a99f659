package org.partyline.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.testsupport.MarkdownDoc;

/**
 * There is no Docker engine in the build, so this test reads docker-compose.yml and checks that it matches what the
 * jars read: the processor's configuration keys (from {@link PartylineConfig}), the producer's command line
 * (CONTRACT section 5), and the ports the broker and the registry really listen on.
 */
class DockerComposeTest {

    private static final String PROCESSOR_JAR = "/app/partyline-processor.jar";
    private static final String PRODUCER_JAR = "/app/partyline-producer.jar";
    /** The producer's command line, CONTRACT section 5: {@code publish FILE... --bootstrap-servers --schema-registry-url}. */
    private static final Set<String> PRODUCER_FLAGS = Set.of("--bootstrap-servers", "--schema-registry-url");

    private static Path root;
    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = projectRoot();
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
        assertTrue(services.isObject(), "docker-compose.yml has no services");
    }

    @Test
    void shouldDeclareKafkaRegistryTwoProcessorsAndAOneShotProducer() {
        assertEquals("apache/kafka:4.1.0", service("kafka").path("image").asText());
        assertEquals("confluentinc/cp-schema-registry:7.7.1", service("schema-registry").path("image").asText());
        assertEquals(List.of("processor-1", "processor-2"), processors());
        assertEquals(PRODUCER_JAR, command("producer").get(2));
        assertTrue(service("prometheus").path("image").asText().startsWith("prom/prometheus:"));
        assertEquals("no", service("producer").path("restart").asText());
    }

    @Test
    void shouldSetOnlyVariablesTheProcessorReads() {
        for (String processor : processors()) {
            for (String name : env(processor).keySet()) {
                if (name.startsWith("PARTYLINE_")) {
                    assertTrue(PartylineConfig.readsVariable(name), processor + " sets " + name
                            + ", which the processor does not read");
                }
            }
            assertTrue(env(processor).containsKey("PARTYLINE_BOOTSTRAP_SERVERS"), processor + " would start an embedded broker");
            assertTrue(env(processor).containsKey("PARTYLINE_SCHEMA_REGISTRY_URL"), processor + " would start an embedded registry");
        }
    }

    @Test
    void shouldShowASecuredClusterExampleInVariablesTheProcessorReads() throws IOException {
        Pattern commented = Pattern.compile("^\\s*#\\s*(PARTYLINE_[A-Z0-9_]+):");
        Set<String> shown = new TreeSet<>();
        for (String line : Files.readAllLines(root.resolve("docker-compose.yml"))) {
            Matcher m = commented.matcher(line);
            if (m.find()) {
                assertTrue(PartylineConfig.readsVariable(m.group(1)), "the commented example sets " + m.group(1)
                        + ", which the processor does not read");
                shown.add(m.group(1));
            }
        }
        assertTrue(shown.containsAll(Set.of("PARTYLINE_KAFKA_SECURITY_PROTOCOL", "PARTYLINE_KAFKA_SASL_MECHANISM",
                "PARTYLINE_KAFKA_SASL_JAAS_CONFIG", "PARTYLINE_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO")),
                "the commented SASL example is incomplete: " + shown);
    }

    @Test
    void shouldScrapeTheMetricsOfEveryProcessorOnItsHttpPort() throws IOException {
        String prometheusConfig = mounts("prometheus").get("/etc/prometheus/prometheus.yml");
        assertNotNull(prometheusConfig, "prometheus has no mounted configuration");
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(root.resolve(prometheusConfig).toFile())
                .path("scrape_configs").path(0);
        assertEquals("/metrics", job.path("metrics_path").asText());
        Set<String> targets = new TreeSet<>();
        job.path("static_configs").path(0).path("targets").forEach(t -> targets.add(t.asText()));
        Set<String> processors = new TreeSet<>();
        for (String processor : processors()) {
            processors.add(env(processor).get("PARTYLINE_HTTP_HOST") + ":" + env(processor).get("PARTYLINE_HTTP_PORT"));
            assertDependsOnHealthy("prometheus", processor);
        }
        assertEquals(processors, targets, "Prometheus scrapes exactly the processors, on their HTTP ports");
    }

    @Test
    void shouldGiveEachProcessorItsOwnStableInstanceId() {
        Set<String> ids = new TreeSet<>();
        for (String processor : processors()) {
            String id = env(processor).get("PARTYLINE_INSTANCE_ID");
            assertNotNull(id, processor + " has no PARTYLINE_INSTANCE_ID: a restart would wait out the session timeout");
            assertTrue(id.matches("[a-zA-Z0-9._-]{1,200}"), processor + ": " + id);
            ids.add(id);
        }
        assertEquals(processors().size(), ids.size(), "two processors share an instance id: they would fence each other");
    }

    @Test
    void shouldNameVariablesByTheDocumentedRule() {
        assertEquals("PARTYLINE_BOOTSTRAP_SERVERS", envName("bootstrap.servers"));
        assertEquals("PARTYLINE_SCHEMA_REGISTRY_URL", envName("schema.registry.url"));
        assertEquals("PARTYLINE_TOPIC_STANCE_CHANGES", envName("topic.stance-changes"));
    }

    @Test
    void shouldServeHealthAndPublishedPortOnTheConfiguredHttpPort() {
        Set<Integer> httpPorts = new HashSet<>();
        for (String processor : processors()) {
            int httpPort = Integer.parseInt(env(processor).get("PARTYLINE_HTTP_PORT"));
            URI health = URI.create(healthCheckUrl(processor));
            assertEquals(httpPort, health.getPort(), processor + " health check port");
            assertEquals("/health/ready", health.getPath(), processor + " health check is the readiness probe");
            assertTrue(containerPorts(processor).contains(httpPort), processor + " does not publish " + httpPort);
            httpPorts.add(httpPort);
        }
        assertEquals(processors().size(), httpPorts.size(), "processors must use distinct HTTP ports");
    }

    @Test
    void shouldAdvertiseEachProcessorUnderItsServiceName() {
        for (String processor : processors()) {
            assertEquals(processor, env(processor).get("PARTYLINE_HTTP_HOST"));
        }
    }

    @Test
    void shouldPointProcessorsAndProducerAtPortsTheBrokerAndRegistryListenOn() {
        Set<String> kafkaAddresses = kafkaAddressesOnComposeNetwork();
        String registryUrl = registryUrlOnComposeNetwork();
        for (String processor : processors()) {
            assertBootstrapServers(processor, env(processor).get("PARTYLINE_BOOTSTRAP_SERVERS"), kafkaAddresses);
            assertEquals(registryUrl, env(processor).get("PARTYLINE_SCHEMA_REGISTRY_URL"), processor);
        }
        assertBootstrapServers("producer", flag("producer", "--bootstrap-servers"), kafkaAddresses);
        assertEquals(registryUrl, flag("producer", "--schema-registry-url"));
        String registryStore = env("schema-registry").get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS");
        assertBootstrapServers("schema-registry", registryStore.replace("PLAINTEXT://", ""), kafkaAddresses);
    }

    @Test
    void shouldRunTheProcessorJarThatTheBuildProduces() throws IOException {
        assertTrue(Files.readString(root.resolve("processor/pom.xml")).contains("<finalName>partyline-processor</finalName>"));
        assertTrue(Files.readString(root.resolve("producer/pom.xml")).contains("<finalName>partyline-producer</finalName>"));
        for (String processor : processors()) {
            assertEquals("./processor/target/partyline-processor.jar", mounts(processor).get(PROCESSOR_JAR), processor);
        }
        assertEquals("./producer/target/partyline-producer.jar", mounts("producer").get(PRODUCER_JAR));
    }

    @Test
    void shouldPublishMountedExampleFilesWithFlagsTheProducerAccepts() throws IOException {
        List<String> command = command("producer");
        assertEquals(List.of("java", "-jar", PRODUCER_JAR, "publish"), command.subList(0, 4));
        List<String> files = new ArrayList<>();
        for (int i = 4; i < command.size(); i++) {
            String argument = command.get(i);
            if (argument.startsWith("--")) {
                assertTrue(PRODUCER_FLAGS.contains(argument), "the producer does not accept " + argument);
                i++;
                assertTrue(i < command.size() && !command.get(i).startsWith("--"), argument + " needs a value");
            } else {
                files.add(argument);
            }
        }
        assertFalse(files.isEmpty(), "the producer command names no file");
        for (String file : files) {
            String hostPath = mounts("producer").get(file);
            assertNotNull(hostPath, file + " is not mounted into the producer");
            Path example = root.resolve(hostPath).normalize();
            assertTrue(Files.isRegularFile(example), hostPath + " does not exist in the project");
            assertFalse(Files.readAllLines(example).isEmpty(), hostPath + " is empty");
        }
    }

    /**
     * The streaming ingestion job: the producer jar's {@code ingest --follow}, every flag one the command declares,
     * its codebook mounted from the project, pointed at the broker and the registry, restarted when it stops.
     */
    @Test
    void shouldRunTheIngestionJobWithFlagsItAcceptsAndAMountedCodebook() throws Exception {
        List<String> command = command("ingest");
        int jar = command.indexOf("-jar");
        assertEquals(PRODUCER_JAR, command.get(jar + 1));
        assertEquals(List.of("ingest", "--follow"), command.subList(jar + 2, jar + 4));
        assertEquals("./producer/target/partyline-producer.jar", mounts("ingest").get(PRODUCER_JAR));
        Set<String> accepted = ingestOptions();
        for (int i = jar + 4; i < command.size(); i++) {
            String flag = command.get(i);
            assertTrue(accepted.contains(flag), "ingest does not accept " + flag + " (it accepts " + accepted + ")");
            if (!flag.equals("--follow") && !flag.equals("--publish")) {
                i++;
                assertTrue(i < command.size() && !command.get(i).startsWith("--"), flag + " needs a value");
            }
        }
        String codebook = mounts("ingest").get(valueAfter(command, "--codebook"));
        assertNotNull(codebook, "the codebook is not mounted into the ingest service");
        JsonNode topics = new ObjectMapper().readTree(root.resolve(codebook).toFile()).path("topics");
        assertTrue(topics.size() > 0, codebook + " codes no topic");
        assertBootstrapServers("ingest", flag("ingest", "--bootstrap-servers"), kafkaAddressesOnComposeNetwork());
        assertEquals(registryUrlOnComposeNetwork(), flag("ingest", "--schema-registry-url"));
        assertEquals("unless-stopped", service("ingest").path("restart").asText());
        assertDependsOnHealthy("ingest", "kafka");
        assertDependsOnHealthy("ingest", "schema-registry");
        // The processor creates the topics the job writes to.
        assertDependsOnHealthy("ingest", processors().get(0));
    }

    /**
     * The option names of the producer's {@code ingest} command, as docs/configuration.md lists them (the producer's
     * {@code CommandReferenceTest} holds that table to the command's own picocli model; the producer is not on the
     * processor's class path).
     */
    private Set<String> ingestOptions() {
        Set<String> names = new TreeSet<>();
        for (MarkdownDoc.Row row : MarkdownDoc.ofProject("docs/configuration.md").tableRows("## Producer: `ingest`")) {
            names.add(row.code(0).split(" ")[0]);
        }
        assertTrue(names.contains("--follow"), "no --follow among " + names);
        return names;
    }

    @Test
    void shouldStartServicesOnlyOnceTheirDependenciesAreHealthy() {
        assertDependsOnHealthy("schema-registry", "kafka");
        for (String processor : processors()) {
            assertDependsOnHealthy(processor, "kafka");
            assertDependsOnHealthy(processor, "schema-registry");
        }
        assertDependsOnHealthy("producer", "kafka");
        assertDependsOnHealthy("producer", "schema-registry");
        // The topics are created by the processor with their partition count; publishing first would not wait.
        assertDependsOnHealthy("producer", processors().get(0));
    }

    @Test
    void shouldHealthCheckEveryServiceThatPublishesAPort() {
        for (String name : serviceNames()) {
            if (!containerPorts(name).isEmpty()) {
                assertTrue(service(name).path("healthcheck").path("test").isArray(), name + " publishes a port without a health check");
            }
        }
        assertTrue(command("kafka-healthcheck").get(0).endsWith("/opt/kafka/bin/kafka-broker-api-versions.sh"));
        int kafkaCheckPort = Integer.parseInt(valueAfter(command("kafka-healthcheck"), "--bootstrap-server").split(":")[1]);
        assertTrue(listeners("KAFKA_LISTENERS").values().contains(kafkaCheckPort), "the Kafka health check asks a port nobody listens on");
        URI registryCheck = URI.create(healthCheckUrl("schema-registry"));
        assertEquals(URI.create(env("schema-registry").get("SCHEMA_REGISTRY_LISTENERS")).getPort(), registryCheck.getPort());
    }

    // --- the broker and the registry as seen from the compose network

    /** {@code kafka:PORT} for each advertised listener on the service name whose port is also a real listener. */
    private static Set<String> kafkaAddressesOnComposeNetwork() {
        Map<String, Integer> listening = listeners("KAFKA_LISTENERS");
        Set<String> addresses = new HashSet<>();
        for (String listener : env("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            URI uri = URI.create(listener.trim());
            if ("kafka".equals(uri.getHost())) {
                assertEquals(listening.get(uri.getScheme()), uri.getPort(), "advertised " + listener + " is not the port listened on");
                addresses.add(uri.getHost() + ":" + uri.getPort());
            }
        }
        assertFalse(addresses.isEmpty(), "Kafka advertises no listener under the service name kafka");
        return addresses;
    }

    private static String registryUrlOnComposeNetwork() {
        URI listener = URI.create(env("schema-registry").get("SCHEMA_REGISTRY_LISTENERS"));
        return listener.getScheme() + "://schema-registry:" + listener.getPort();
    }

    /** Listener name to port, from {@code NAME://host:port,...}. */
    private static Map<String, Integer> listeners(String variable) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String listener : env("kafka").get(variable).split(",")) {
            String trimmed = listener.trim();
            String name = trimmed.substring(0, trimmed.indexOf("://"));
            ports.put(name, Integer.parseInt(trimmed.substring(trimmed.lastIndexOf(':') + 1)));
        }
        return ports;
    }

    private static void assertBootstrapServers(String who, String bootstrapServers, Set<String> kafkaAddresses) {
        assertNotNull(bootstrapServers, who + " has no bootstrap servers");
        for (String address : bootstrapServers.split(",")) {
            assertTrue(kafkaAddresses.contains(address.trim()), who + " uses " + address + ", Kafka serves " + kafkaAddresses);
        }
    }

    private static void assertDependsOnHealthy(String service, String dependency) {
        JsonNode condition = service(service).path("depends_on").path(dependency).path("condition");
        assertEquals("service_healthy", condition.asText(), service + " depends_on " + dependency);
    }

    // --- reading the compose file

    /** Services that run the processor jar, in file order. */
    private static List<String> processors() {
        return serviceNames().stream().filter(name -> command(name).contains(PROCESSOR_JAR)).toList();
    }

    private static List<String> serviceNames() {
        return services.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static JsonNode service(String name) {
        JsonNode service = services.path(name);
        if (!service.isObject()) {
            fail("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The service's command, or with the suffix {@code -healthcheck} its health check test, as a list. */
    private static List<String> command(String name) {
        JsonNode node = name.endsWith("-healthcheck")
                ? service(name.substring(0, name.length() - "-healthcheck".length())).path("healthcheck").path("test")
                : service(name).path("command");
        List<String> parts = new ArrayList<>();
        if (node.isTextual()) {
            parts.addAll(List.of(node.asText().trim().split("\\s+")));
        } else {
            node.forEach(part -> parts.add(part.asText()));
        }
        if (!parts.isEmpty() && (parts.get(0).equals("CMD") || parts.get(0).equals("CMD-SHELL"))) {
            parts.remove(0);
        }
        return parts;
    }

    private static String flag(String name, String flag) {
        return valueAfter(command(name), flag);
    }

    private static String valueAfter(List<String> parts, String flag) {
        int at = parts.indexOf(flag);
        assertTrue(at >= 0 && at + 1 < parts.size(), flag + " missing in " + parts);
        return parts.get(at + 1);
    }

    private static String healthCheckUrl(String name) {
        return command(name + "-healthcheck").stream().filter(part -> part.startsWith("http://")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " health check names no http:// URL"));
    }

    /** Environment as a map, from either the map or the {@code KEY=VALUE} list form. */
    private static Map<String, String> env(String name) {
        JsonNode environment = service(name).path("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment.isObject()) {
            environment.properties().forEach(field -> values.put(field.getKey(), field.getValue().asText()));
        } else {
            environment.forEach(entry -> {
                String[] parts = entry.asText().split("=", 2);
                values.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        }
        return values;
    }

    /** Container path to host path, for bind mounts written {@code ./host:/container[:ro]}. */
    private static Map<String, String> mounts(String name) {
        Map<String, String> mounts = new LinkedHashMap<>();
        service(name).path("volumes").forEach(volume -> {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && parts[0].startsWith(".")) {
                mounts.put(parts[1], parts[0]);
            }
        });
        return mounts;
    }

    /** Container ports of {@code ports:} entries ({@code "8080"}, {@code "8080:8080"}, {@code "127.0.0.1:8080:8080/tcp"}). */
    private static Set<Integer> containerPorts(String name) {
        Set<Integer> ports = new HashSet<>();
        service(name).path("ports").forEach(port -> {
            String spec = port.isObject() ? port.path("target").asText() : port.asText();
            String container = spec.substring(spec.lastIndexOf(':') + 1).replaceAll("/.*", "");
            ports.add(Integer.parseInt(container));
        });
        return ports;
    }

    private static String envName(String key) {
        return PartylineConfig.envName(key);
    }

    private static Path projectRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "no docker-compose.yml above " + System.getProperty("user.dir"));
        return dir;
    }
}
