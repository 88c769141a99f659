package org.partyline.processor.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The processor's configuration: one table of keys, read from a properties file, environment variables and
 * command-line flags, flags winning over the environment, the environment over the file. A key {@code http.port}
 * is the flag {@code --http-port} and the variable {@code PARTYLINE_HTTP_PORT}.
 */
public final class PartylineConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_AUTH_TOKEN = "http.auth.token";
    public static final String STATE_DIR = "state.dir";
    public static final String APPLICATION_ID = "application.id";
    public static final String STANDBY_REPLICAS = "standby.replicas";
    public static final String PARTITIONS = "partitions";
    public static final String REPLICATION_FACTOR = "replication.factor";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";
    public static final String DEMO = "demo";
    public static final String KAFKA_PORT = "kafka.port";
    public static final String REGISTRY_PORT = "registry.port";
    public static final String TOPIC_STATEMENTS = "topic.statements";
    public static final String TOPIC_CLAIMS = "topic.claims";
    public static final String TOPIC_STANCE_CHANGES = "topic.stance-changes";
    public static final String TOPIC_CLAIM_STATUS = "topic.claim-status";
    public static final String TOPIC_DLQ = "topic.dlq";
    public static final String CONFIG = "config";

    /** Every key the processor reads, with its default ({@code null}: none). */
    private static final Map<String, String> DEFAULTS = defaults();

    public static final List<String> KEYS = List.copyOf(DEFAULTS.keySet());

    private final Map<String, String> values;

    private PartylineConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(BOOTSTRAP_SERVERS, null);
        d.put(SCHEMA_REGISTRY_URL, null);
        d.put(HTTP_PORT, "8080");
        d.put(HTTP_HOST, "localhost");
        d.put(HTTP_AUTH_TOKEN, null);
        d.put(STATE_DIR, "partyline-state");
        d.put(APPLICATION_ID, "partyline");
        d.put(STANDBY_REPLICAS, "0");
        d.put(PARTITIONS, "3");
        d.put(REPLICATION_FACTOR, "1");
        d.put(PROCESSING_GUARANTEE, "exactly_once_v2");
        d.put(DEMO, "false");
        d.put(KAFKA_PORT, "9092");
        d.put(REGISTRY_PORT, "8081");
        d.put(TOPIC_STATEMENTS, "statements");
        d.put(TOPIC_CLAIMS, "claims");
        d.put(TOPIC_STANCE_CHANGES, "stance-changes");
        d.put(TOPIC_CLAIM_STATUS, "claim-status");
        d.put(TOPIC_DLQ, "partyline-dlq");
        d.put(CONFIG, null);
        return d;
    }

    /** {@code http.port} -> {@code PARTYLINE_HTTP_PORT}. */
    public static String envName(String key) {
        return "PARTYLINE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** {@code http.port} -> {@code --http-port}. */
    public static String flagName(String key) {
        return "--" + key.replace('.', '-');
    }

    /**
     * Reads the configuration: defaults, then the properties file named by {@code --config} or
     * {@code PARTYLINE_CONFIG}, then the environment, then the flags.
     *
     * @throws ConfigException on an unknown flag, a flag without its value, an unreadable file or a bad number
     */
    public static PartylineConfig load(String[] args, Map<String, String> env) {
        Map<String, String> flags = parseFlags(args);
        Map<String, String> fromEnv = new LinkedHashMap<>();
        for (String key : KEYS) {
            String v = env.get(envName(key));
            if (v != null && !v.isBlank()) {
                fromEnv.put(key, v.trim());
            }
        }
        Map<String, String> merged = new LinkedHashMap<>();
        DEFAULTS.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        String file = flags.getOrDefault(CONFIG, fromEnv.get(CONFIG));
        if (file != null) {
            merged.putAll(readFile(Path.of(file)));
        }
        merged.putAll(fromEnv);
        merged.putAll(flags);
        PartylineConfig config = new PartylineConfig(merged);
        config.validate();
        return config;
    }

    private static Map<String, String> parseFlags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String key = keyOfFlag(arg);
            if (key == null) {
                throw new ConfigException("unknown option '" + arg + "' (see --help)");
            }
            if (key.equals(DEMO)) {
                flags.put(DEMO, "true");
                continue;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new ConfigException("option " + arg + " needs a value");
            }
            flags.put(key, args[++i]);
        }
        return flags;
    }

    private static String keyOfFlag(String arg) {
        for (String key : KEYS) {
            if (flagName(key).equals(arg)) {
                return key;
            }
        }
        return null;
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (!DEFAULTS.containsKey(name)) {
                throw new ConfigException(file + ": unknown key '" + name + "'");
            }
            out.put(name, p.getProperty(name).trim());
        }
        return out;
    }

    private void validate() {
        for (String key : List.of(HTTP_PORT, KAFKA_PORT, REGISTRY_PORT)) {
            int port = intValue(key);
            if (port < 0 || port > 65535) {
                throw new ConfigException(key + " must be a port from 0 to 65535, not " + port);
            }
        }
        if (intValue(PARTITIONS) < 1) {
            throw new ConfigException(PARTITIONS + " must be at least 1");
        }
        if (intValue(STANDBY_REPLICAS) < 0) {
            throw new ConfigException(STANDBY_REPLICAS + " must not be negative");
        }
        if (intValue(REPLICATION_FACTOR) < 1) {
            throw new ConfigException(REPLICATION_FACTOR + " must be at least 1");
        }
    }

    public String get(String key) {
        return values.get(key);
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public int intValue(String key) {
        String v = values.get(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not '" + v + "'");
        }
    }

    public boolean demo() {
        return Boolean.parseBoolean(values.get(DEMO));
    }

    public Path stateDir() {
        return Path.of(values.get(STATE_DIR));
    }

    public Optional<String> bootstrapServers() {
        return optional(BOOTSTRAP_SERVERS);
    }

    public Optional<String> schemaRegistryUrl() {
        return optional(SCHEMA_REGISTRY_URL);
    }

    /** A copy with one key set, e.g. the bootstrap servers of the embedded broker once it is up. */
    public PartylineConfig with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new PartylineConfig(copy);
    }

    /** Usage text: every flag with its variable and default. */
    public static String usage() {
        StringBuilder sb = new StringBuilder(
                "usage: java -jar partyline-processor.jar [--bootstrap-servers HOST:PORT] [--schema-registry-url URL]\n"
                        + "         [--http-port N] [--state-dir DIR] [--demo] [--kafka-port N] [--registry-port N] [options]\n"
                        + "options (flag, environment variable, default):\n");
        DEFAULTS.forEach((k, v) -> sb.append(String.format("  %-24s %-34s %s%n",
                k.equals(DEMO) ? flagName(k) : flagName(k) + " V", envName(k), v == null ? "" : v)));
        return sb.toString();
    }

    /** A configuration error: the message says which key and why. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
