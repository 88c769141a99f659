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

import picocli.CommandLine.ParameterException;

/**
 * The processor's configuration as one layered source: the defaults, then the properties file named by
 * {@code --config} or {@code PARTYLINE_CONFIG}, then environment variables, then command-line flags, each layer
 * winning over the one before. What the settings are is said by their concerns ({@link Settings#GROUPS}); this class
 * only reads, merges and answers by key. A key {@code http.port} is the flag {@code --http-port} and the variable
 * {@code PARTYLINE_HTTP_PORT}.
 *
 * <p>Besides the declared settings, every key beginning {@code kafka.} (but {@code kafka.port}, the embedded broker's
 * port) is a Kafka client setting (see {@link KafkaClientSettings}): the variable
 * {@code PARTYLINE_KAFKA_SASL_JAAS_CONFIG} is {@code kafka.sasl.jaas.config} (after the prefix, {@code _} reads as
 * {@code .}, lower case) and the flag {@code --kafka-sasl-mechanism} is {@code kafka.sasl.mechanism} (after
 * {@code --}, {@code -} reads as {@code .}). Values of secret keys ({@link #isSecret}) never appear in a message.
 */
public final class PartylineConfig {
    private static final String KAFKA_ENV_PREFIX = "PARTYLINE_KAFKA_";

    /** Every declared key, in the order of {@code --help}. */
    public static final List<String> KEYS = Settings.ALL.stream().map(Setting::key).toList();

    private final Map<String, String> values;

    private PartylineConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** {@code http.port} -> {@code PARTYLINE_HTTP_PORT}. */
    public static String envName(String key) {
        return Setting.envName(key);
    }

    /** {@code http.port} -> {@code --http-port}. */
    public static String flagName(String key) {
        return Setting.flagName(key);
    }

    /** True when the key's value may be a secret (password, JAAS config, token, user info), never to be shown. */
    public static boolean isSecret(String key) {
        return Setting.isSecret(key);
    }

    /** True for a Kafka client setting: a key beginning {@code kafka.}, other than {@code kafka.port}. */
    public static boolean isKafkaClientKey(String key) {
        return KafkaClientSettings.isClientKey(key);
    }

    /** True for a key the processor reads: a declared setting or a Kafka client setting. */
    public static boolean isKnown(String key) {
        return KEYS.contains(key) || isKafkaClientKey(key);
    }

    /** True for an environment variable the processor reads, e.g. {@code PARTYLINE_KAFKA_SECURITY_PROTOCOL}. */
    public static boolean readsVariable(String name) {
        return keyOfVariable(name) != null;
    }

    /** {@code PARTYLINE_HTTP_PORT} -> {@code http.port}, {@code PARTYLINE_KAFKA_SASL_MECHANISM} -> {@code kafka.sasl.mechanism}. */
    private static String keyOfVariable(String name) {
        for (String key : KEYS) {
            if (envName(key).equals(name)) {
                return key;
            }
        }
        if (name.startsWith(KAFKA_ENV_PREFIX) && name.length() > KAFKA_ENV_PREFIX.length()) {
            return KafkaClientSettings.PREFIX
                    + name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
    }

    /**
     * Reads the configuration from a command line and the environment.
     *
     * @throws ConfigException on an unknown flag, a flag without its value, an unreadable file or a bad value
     */
    public static PartylineConfig load(String[] args, Map<String, String> env) {
        Map<String, String> flags;
        try {
            flags = ProcessorCommand.flags(ProcessorCommand.commandLine().parseArgs(args));
        } catch (ParameterException e) {
            throw new ConfigException(e.getMessage());
        }
        return load(flags, env);
    }

    /**
     * Reads the configuration: defaults, then the properties file named by the {@code config} flag or
     * {@code PARTYLINE_CONFIG}, then the environment, then the flags (keys and values, as {@link ProcessorCommand}
     * read them).
     */
    public static PartylineConfig load(Map<String, String> flags, Map<String, String> env) {
        Map<String, String> fromEnv = new LinkedHashMap<>();
        env.forEach((name, v) -> {
            String key = name.startsWith("PARTYLINE_") ? keyOfVariable(name) : null;
            if (key != null && v != null && !v.isBlank()) {
                fromEnv.put(key, v.trim());
            }
        });
        Map<String, String> merged = new LinkedHashMap<>();
        for (Setting setting : Settings.ALL) {
            if (setting.defaultValue() != null) {
                merged.put(setting.key(), setting.defaultValue());
            }
        }
        String file = flags.getOrDefault(StartupSettings.CONFIG, fromEnv.get(StartupSettings.CONFIG));
        if (file != null) {
            merged.putAll(readFile(Path.of(file)));
        }
        merged.putAll(fromEnv);
        merged.putAll(flags);
        PartylineConfig config = new PartylineConfig(merged);
        Settings.validate(config);
        return config;
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

    static void requirePort(PartylineConfig config, String key) {
        int port = config.intValue(key);
        if (port < 0 || port > 65535) {
            throw new ConfigException(key + " must be a port from 0 to 65535, not " + port);
        }
    }

    static void requireAtLeast(PartylineConfig config, String key, int least, String rule) {
        if (config.intValue(key) < least) {
            throw new ConfigException(key + " " + rule);
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

    /** A configuration error: the message says which key and why. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }
}
