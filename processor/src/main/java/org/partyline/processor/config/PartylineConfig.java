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
import java.util.TreeMap;

/**
 * The processor's configuration: one table of keys, read from a properties file, environment variables and
 * command-line flags, flags winning over the environment, the environment over the file. A key {@code http.port}
 * is the flag {@code --http-port} and the variable {@code PARTYLINE_HTTP_PORT}.
 *
 * <p>Besides the table, every key beginning {@code kafka.} (but {@code kafka.port}, the embedded broker's port) is a
 * Kafka client setting (see {@link KafkaClientSettings}): the variable {@code PARTYLINE_KAFKA_SASL_JAAS_CONFIG} is
 * {@code kafka.sasl.jaas.config} (after the prefix, {@code _} reads as {@code .}, lower case) and the flag
 * {@code --kafka-sasl-mechanism} is {@code kafka.sasl.mechanism} (after {@code --}, {@code -} reads as {@code .}).
 * Values of secret keys ({@link #isSecret}) never appear in a message or the usage text.
 */
public final class PartylineConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_AUTH_TOKEN = "http.auth.token";
    /** How many events of {@code /api/events} may wait for one client before it is disconnected as too slow. */
    public static final String HTTP_EVENTS_BUFFER = "http.events.buffer";
    public static final String STATE_DIR = "state.dir";
    public static final String APPLICATION_ID = "application.id";
    public static final String INSTANCE_ID = "instance.id";
    public static final String STANDBY_REPLICAS = "standby.replicas";
    public static final String PARTITIONS = "partitions";
    public static final String REPLICATION_FACTOR = "replication.factor";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";
    /**
     * How often Kafka Streams commits (under exactly-once: ends its transaction, so the change records and the views
     * become visible), in ms; and how often the record caches are flushed. Longer: fewer transactions and cache
     * flushes, higher latency of every change record.
     */
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    /** Bytes of the record caches of the stores the fold rewrites, shared by the stream threads. */
    public static final String CACHE_MAX_BYTES = "cache.max.bytes";
    /** Kafka Streams threads of this instance (tasks are shared among them). */
    public static final String STREAM_THREADS = "stream.threads";
    public static final String DEMO = "demo";
    public static final String KAFKA_PORT = "kafka.port";
    public static final String REGISTRY_PORT = "registry.port";
    public static final String TOPIC_STATEMENTS = "topic.statements";
    public static final String TOPIC_CLAIMS = "topic.claims";
    public static final String TOPIC_STANCE_CHANGES = "topic.stance-changes";
    public static final String TOPIC_CLAIM_STATUS = "topic.claim-status";
    public static final String TOPIC_DLQ = "topic.dlq";
    public static final String CONFIG = "config";
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String REGISTRY_BASIC_AUTH_USER_INFO = "registry.basic.auth.user.info";
    /** Keys beginning with this (but {@link #KAFKA_PORT}) are Kafka client settings. */
    public static final String KAFKA_PREFIX = "kafka.";
    private static final String KAFKA_ENV_PREFIX = "PARTYLINE_KAFKA_";
    private static final String KAFKA_FLAG_PREFIX = "--kafka-";
    private static final List<String> SECRET_WORDS = List.of("password", "jaas", "token", "user.info", "secret",
            "credentials");

    /** Kafka's rule for a {@code group.instance.id}, with room for the thread suffix Kafka Streams appends. */
    private static final java.util.regex.Pattern INSTANCE_ID_PATTERN =
            java.util.regex.Pattern.compile("[a-zA-Z0-9._-]{1,200}");

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
        d.put(HTTP_EVENTS_BUFFER, "1000");
        d.put(STATE_DIR, "partyline-state");
        d.put(APPLICATION_ID, "partyline");
        d.put(INSTANCE_ID, null);
        d.put(STANDBY_REPLICAS, "0");
        d.put(PARTITIONS, "3");
        d.put(REPLICATION_FACTOR, "1");
        d.put(MIN_INSYNC_REPLICAS, null);
        d.put(PROCESSING_GUARANTEE, "exactly_once_v2");
        d.put(COMMIT_INTERVAL_MS, "100");
        d.put(CACHE_MAX_BYTES, "10485760");
        d.put(STREAM_THREADS, "1");
        d.put(DEMO, "false");
        d.put(KAFKA_PORT, "9092");
        d.put(REGISTRY_PORT, "8081");
        d.put(TOPIC_STATEMENTS, "statements");
        d.put(TOPIC_CLAIMS, "claims");
        d.put(TOPIC_STANCE_CHANGES, "stance-changes");
        d.put(TOPIC_CLAIM_STATUS, "claim-status");
        d.put(TOPIC_DLQ, "partyline-dlq");
        d.put(CONFIG, null);
        d.put(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, null);
        d.put(SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION, null);
        d.put(SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD, null);
        d.put(SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE, null);
        d.put(REGISTRY_BASIC_AUTH_USER_INFO, null);
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

    /** True for a Kafka client setting: a key beginning {@code kafka.}, other than {@code kafka.port}. */
    public static boolean isKafkaClientKey(String key) {
        return key.startsWith(KAFKA_PREFIX) && key.length() > KAFKA_PREFIX.length() && !key.equals(KAFKA_PORT);
    }

    /** True for a key the processor reads: one of {@link #KEYS} or a Kafka client setting. */
    public static boolean isKnown(String key) {
        return DEFAULTS.containsKey(key) || isKafkaClientKey(key);
    }

    /** True for an environment variable the processor reads, e.g. {@code PARTYLINE_KAFKA_SECURITY_PROTOCOL}. */
    public static boolean readsVariable(String name) {
        return keyOfVariable(name) != null;
    }

    /** True when the key's value may be a secret (password, JAAS config, token, user info), never to be shown. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    /** {@code PARTYLINE_HTTP_PORT} -> {@code http.port}, {@code PARTYLINE_KAFKA_SASL_MECHANISM} -> {@code kafka.sasl.mechanism}. */
    private static String keyOfVariable(String name) {
        for (String key : KEYS) {
            if (envName(key).equals(name)) {
                return key;
            }
        }
        if (name.startsWith(KAFKA_ENV_PREFIX) && name.length() > KAFKA_ENV_PREFIX.length()) {
            return KAFKA_PREFIX + name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
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
        env.forEach((name, v) -> {
            String key = name.startsWith("PARTYLINE_") ? keyOfVariable(name) : null;
            if (key != null && v != null && !v.isBlank()) {
                fromEnv.put(key, v.trim());
            }
        });
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
                // A stray word may be a misplaced value, even a password: only an option-like word is shown.
                throw new ConfigException(arg.startsWith("-") ? "unknown option '" + arg + "' (see --help)"
                        : "unexpected argument at position " + (i + 1) + ": not an option (see --help)");
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
        if (arg.startsWith(KAFKA_FLAG_PREFIX) && arg.length() > KAFKA_FLAG_PREFIX.length()) {
            return KAFKA_PREFIX + arg.substring(KAFKA_FLAG_PREFIX.length()).replace('-', '.');
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
            if (!isKnown(name)) {
                throw new ConfigException(file + ": unknown key '" + name + "'");
            }
            out.put(name, p.getProperty(name).trim());
        }
        return out;
    }

    private void validate() {
        if (values.containsKey(KAFKA_PREFIX + BOOTSTRAP_SERVERS)) {
            throw new ConfigException(KAFKA_PREFIX + BOOTSTRAP_SERVERS + " is not a setting: use " + BOOTSTRAP_SERVERS
                    + " (" + flagName(BOOTSTRAP_SERVERS) + ", " + envName(BOOTSTRAP_SERVERS) + ")");
        }
        for (String key : List.of(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, REGISTRY_BASIC_AUTH_USER_INFO)) {
            String v = values.get(key);
            if (v != null && v.indexOf(':') < 1) {
                throw new ConfigException(key + " must be USER:PASSWORD");
            }
        }
        for (String key : List.of(HTTP_PORT, KAFKA_PORT, REGISTRY_PORT)) {
            int port = intValue(key);
            if (port < 0 || port > 65535) {
                throw new ConfigException(key + " must be a port from 0 to 65535, not " + port);
            }
        }
        String instanceId = values.get(INSTANCE_ID);
        if (instanceId != null && !INSTANCE_ID_PATTERN.matcher(instanceId).matches()) {
            throw new ConfigException(INSTANCE_ID + " must be 1 to 200 of the characters a-z A-Z 0-9 . _ -, not '"
                    + instanceId + "'");
        }
        for (String key : List.of(COMMIT_INTERVAL_MS, CACHE_MAX_BYTES, STREAM_THREADS)) {
            if (values.containsKey(KAFKA_PREFIX + streamsName(key))) {
                throw new ConfigException(KAFKA_PREFIX + streamsName(key) + " is not a setting: use " + key + " ("
                        + flagName(key) + ", " + envName(key) + ")");
            }
        }
        if (intValue(COMMIT_INTERVAL_MS) < 1) {
            throw new ConfigException(COMMIT_INTERVAL_MS + " must be at least 1 ms");
        }
        if (intValue(CACHE_MAX_BYTES) < 0) {
            throw new ConfigException(CACHE_MAX_BYTES + " must not be negative");
        }
        if (intValue(STREAM_THREADS) < 1) {
            throw new ConfigException(STREAM_THREADS + " must be at least 1");
        }
        if (intValue(PARTITIONS) < 1) {
            throw new ConfigException(PARTITIONS + " must be at least 1");
        }
        if (intValue(HTTP_EVENTS_BUFFER) < 1) {
            throw new ConfigException(HTTP_EVENTS_BUFFER + " must be at least 1 event");
        }
        if (intValue(STANDBY_REPLICAS) < 0) {
            throw new ConfigException(STANDBY_REPLICAS + " must not be negative");
        }
        if (intValue(REPLICATION_FACTOR) < 1) {
            throw new ConfigException(REPLICATION_FACTOR + " must be at least 1");
        }
        if (values.containsKey(MIN_INSYNC_REPLICAS)) {
            int minInsync = intValue(MIN_INSYNC_REPLICAS);
            if (minInsync < 1 || minInsync > intValue(REPLICATION_FACTOR)) {
                throw new ConfigException(MIN_INSYNC_REPLICAS + " must be from 1 to " + REPLICATION_FACTOR + " ("
                        + intValue(REPLICATION_FACTOR) + "), not " + minInsync);
            }
        }
    }

    /** The Kafka Streams property a Partyline key sets ({@code cache.max.bytes}: {@code statestore.cache.max.bytes}). */
    public static String streamsName(String key) {
        return switch (key) {
            case CACHE_MAX_BYTES -> "statestore.cache.max.bytes";
            case STREAM_THREADS -> "num.stream.threads";
            default -> key;
        };
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

    /** {@code min.insync.replicas} of the topics the processor creates; empty: the broker's default. */
    public Optional<Integer> minInsyncReplicas() {
        return values.containsKey(MIN_INSYNC_REPLICAS) ? Optional.of(intValue(MIN_INSYNC_REPLICAS)) : Optional.empty();
    }

    public Optional<String> bootstrapServers() {
        return optional(BOOTSTRAP_SERVERS);
    }

    public Optional<String> schemaRegistryUrl() {
        return optional(SCHEMA_REGISTRY_URL);
    }

    /** Every set key beginning with {@code prefix}, with that prefix removed, sorted by name. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                found.put(k.substring(prefix.length()), v);
            }
        });
        return found;
    }

    /** The set keys with their values, secrets shown as {@code [hidden]}: safe for a log line. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, isSecret(k) ? "[hidden]" : v));
        return "PartylineConfig" + shown;
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
        DEFAULTS.forEach((k, v) -> sb.append(String.format("  %-44s %-50s %s%n",
                k.equals(DEMO) ? flagName(k) : flagName(k) + " V", envName(k),
                v == null ? "" : isSecret(k) ? "[hidden]" : v)));
        sb.append(String.format("  %-44s %-50s %s%n", "--kafka-NAME V", "PARTYLINE_KAFKA_NAME",
                "any Kafka client setting kafka.NAME (kafka.security.protocol, kafka.sasl.jaas.config, ...)"));
        sb.append("Kafka client settings go to every Kafka client without the 'kafka.' prefix; in a flag '-' reads"
                + " as '.', in a variable '_' reads as '.' (lower case).\n");
        return sb.toString();
    }

    /** A configuration error: the message says which key and why. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
