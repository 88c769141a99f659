package org.partyline.producer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partyline.events.publish.JsonLinesPublisher;
import org.partyline.events.publish.JsonLinesPublisher.Counts;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.events.publish.PartylinePublisher.Topics;
import org.partyline.events.publish.PublishException;
import org.partyline.serde.RegistryUrls;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code publish} does once its command line is read: checks the files, the registry and Kafka, then publishes
 * the valid lines, reports rejected ones as {@code FILE:LINE: reason} and ends with {@code published N, rejected M}.
 * Returns 0 when nothing was rejected, 1 when some lines were, 2 (with {@code error: ...} on stderr) when a file
 * cannot be read or Kafka or the registry cannot be reached.
 */
final class Publishing {

    /** A publish run: the files in order, where to send them, and the optional {@code --producer-config} file. */
    record Request(List<String> files, String bootstrapServers, String schemaRegistryUrl, Topics topics,
                   Optional<String> producerConfig) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Publishing.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(12);

    private Publishing() {
    }

    static int publish(Request request, PrintStream out, PrintStream err) {
        try {
            Counts total = send(request, err);
            out.println("published " + total.published() + ", rejected " + total.rejected());
            return total.rejected() == 0 ? ProducerMain.OK : ProducerMain.REJECTED;
        } catch (Failure e) {
            err.println("error: " + e.getMessage());
            return ProducerMain.FAILED;
        }
    }

    private static Counts send(Request request, PrintStream err) throws Failure {
        checkFiles(request.files());
        ProducerConfigFile config = producerConfig(request.producerConfig());
        Map<String, Object> clientProperties = new HashMap<>(config.kafka());
        SchemaRegistryClient registry;
        String registryUrl = RegistryUrls.redact(request.schemaRegistryUrl());
        try {
            registry = SchemaRegistryClients.forUrl(request.schemaRegistryUrl(), config.registry());
        } catch (RuntimeException e) {
            throw new Failure("cannot use schema registry " + registryUrl + ": " + e.getMessage());
        }
        Reachability reachability = new Reachability(CHECK_TIMEOUT);
        try {
            reachability.check(registry, registryUrl, request.bootstrapServers(), clientProperties);
        } catch (Reachability.UnreachableException e) {
            throw new Failure(e.getMessage());
        }
        Counts total = Counts.NONE;
        try (PartylinePublisher publisher = new PartylinePublisher(request.bootstrapServers(), registry,
                request.topics(), clientProperties)) {
            JsonLinesPublisher lines = new JsonLinesPublisher(publisher, err);
            List<String> files = request.files();
            for (int i = 0; i < files.size(); i++) {
                String file = files.get(i);
                try {
                    total = total.plus(lines.publish(Path.of(file), file));
                } catch (IOException e) {
                    throw new Failure("cannot read " + file + ": " + e.getMessage()
                            + " (" + total.published() + " events sent before)" + notPublished(files, i + 1));
                } catch (PublishException e) {
                    throw new Failure(e.getMessage() + " (" + total.published() + " events of earlier files sent)"
                            + notPublished(files, i + 1));
                }
            }
        } catch (RuntimeException e) {
            throw new Failure("publishing to Kafka at " + request.bootstrapServers() + " failed: " + e.getMessage());
        }
        return total;
    }

    /** {@code ; not published: B, C} for the files from {@code from} on, or nothing when there are none. */
    private static String notPublished(List<String> files, int from) {
        return from >= files.size() ? "" : "; not published: " + String.join(", ", files.subList(from, files.size()));
    }

    private static void checkFiles(List<String> files) throws Failure {
        for (String file : files) {
            Path path;
            try {
                path = Path.of(file);
            } catch (InvalidPathException e) {
                throw new Failure("cannot read " + file + ": " + e.getMessage());
            }
            if (!Files.exists(path)) {
                throw new Failure("cannot read " + file + ": no such file");
            }
            if (Files.isDirectory(path)) {
                throw new Failure("cannot read " + file + ": is a directory");
            }
            if (!Files.isReadable(path)) {
                throw new Failure("cannot read " + file + ": permission denied");
            }
        }
    }

    private static ProducerConfigFile producerConfig(Optional<String> file) throws Failure {
        if (file.isEmpty()) {
            return ProducerConfigFile.NONE;
        }
        try {
            ProducerConfigFile config = ProducerConfigFile.read(file.get());
            LOG.debug("Read {}", config);
            return config;
        } catch (IOException e) {
            throw new Failure(e.getMessage());
        }
    }

    /** Ends the command with exit status 2 and a message. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
