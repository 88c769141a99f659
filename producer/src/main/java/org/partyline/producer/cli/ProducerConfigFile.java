package org.partyline.producer.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The {@code --producer-config FILE} of the publish command: a properties file holding Kafka producer settings
 * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}, batching...) and the schema registry client's settings
 * ({@code schema.registry.basic.auth.user.info}, {@code schema.registry.ssl.truststore.*}, and Confluent's
 * {@code basic.auth.*}), split so that each client gets its own. Messages never show a value.
 */
record ProducerConfigFile(Map<String, String> kafka, Map<String, String> registry) {

    static final ProducerConfigFile NONE = new ProducerConfigFile(Map.of(), Map.of());

    ProducerConfigFile {
        kafka = Map.copyOf(kafka);
        registry = Map.copyOf(registry);
    }

    /** Reads the file; the message of a failure names it and says why, without any of its values. */
    static ProducerConfigFile read(String file) throws IOException {
        Properties loaded = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            loaded.load(in);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read --producer-config " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read --producer-config " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new IOException("cannot read --producer-config " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } catch (IllegalArgumentException e) {
            // A bad path, or Properties.load on a malformed unicode escape; neither message shows a value.
            throw new IOException("cannot read --producer-config " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> kafka = new TreeMap<>();
        Map<String, String> registry = new TreeMap<>();
        for (String name : loaded.stringPropertyNames()) {
            String value = loaded.getProperty(name).trim();
            if (name.startsWith("schema.registry.") || name.startsWith("basic.auth.")) {
                registry.put(name, value);
            } else {
                kafka.put(name, value);
            }
        }
        return new ProducerConfigFile(kafka, registry);
    }

    /** The setting names only: values may be secrets. */
    @Override
    public String toString() {
        return "ProducerConfigFile[kafka " + kafka.keySet() + ", registry " + registry.keySet() + "]";
    }
}
