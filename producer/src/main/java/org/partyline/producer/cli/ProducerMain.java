package org.partyline.producer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partyline.producer.JsonLinesPublisher;
import org.partyline.producer.JsonLinesPublisher.Counts;
import org.partyline.producer.PartylinePublisher;
import org.partyline.producer.PublishException;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.RegistryUrls;
import org.partyline.serde.SchemaRegistryClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code publish} command (CONTRACT section 5): checks the files, the registry and Kafka, then publishes the valid
 * lines, reports rejected ones as {@code FILE:LINE: reason} and ends with {@code published N, rejected M}.
 * Exit status 0 when nothing was rejected, 1 when some lines were, 2 on bad usage or when Kafka or the registry
 * cannot be reached. {@code ingest} is handed to {@link IngestCommand}.
 */
public final class ProducerMain {

    public static final int OK = 0;
    public static final int REJECTED = 1;
    public static final int FAILED = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ProducerMain.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(12);

    private ProducerMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        LOG.debug("exiting with status {}", status);
        System.exit(status);
    }

    /** Runs the command; the entry point tests call. Returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> arguments = Arrays.asList(args);
        if (!arguments.isEmpty() && arguments.get(0).equals("ingest")) {
            return IngestCommand.run(arguments.subList(1, arguments.size()), out, err, System.in);
        }
        if (arguments.contains("-h") || arguments.contains("--help")) {
            out.println(PublishArguments.USAGE);
            return OK;
        }
        PublishArguments parsed;
        try {
            if (arguments.isEmpty()) {
                throw new UsageException("no command given");
            }
            if (!arguments.get(0).equals("publish")) {
                throw new UsageException("unknown command " + arguments.get(0) + " (the commands are 'publish' and 'ingest')");
            }
            parsed = PublishArguments.parse(arguments.subList(1, arguments.size()));
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(PublishArguments.USAGE);
            return FAILED;
        }
        try {
            return publish(parsed, out, err);
        } catch (Failure e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private static int publish(PublishArguments args, PrintStream out, PrintStream err) throws Failure {
        checkFiles(args.files());
        ProducerConfigFile config = producerConfig(args);
        Map<String, Object> clientProperties = new HashMap<>(config.kafka());
        SchemaRegistryClient registry;
        String registryUrl = RegistryUrls.redact(args.schemaRegistryUrl());
        try {
            registry = SchemaRegistryClients.forUrl(args.schemaRegistryUrl(), config.registry());
        } catch (RuntimeException e) {
            throw new Failure("cannot use schema registry " + registryUrl + ": " + e.getMessage());
        }
        Reachability reachability = new Reachability(CHECK_TIMEOUT);
        try {
            reachability.check(registry, registryUrl, args.bootstrapServers(), clientProperties);
        } catch (Reachability.UnreachableException e) {
            throw new Failure(e.getMessage());
        }
        Counts total = Counts.NONE;
        try (PartylinePublisher publisher = new PartylinePublisher(args.bootstrapServers(), registry, args.topics(),
                clientProperties)) {
            JsonLinesPublisher lines = new JsonLinesPublisher(publisher, err);
            for (String file : args.files()) {
                try {
                    total = total.plus(lines.publish(Path.of(file), file));
                } catch (IOException e) {
                    throw new Failure("cannot read " + file + ": " + e.getMessage()
                            + " (" + total.published() + " events sent before)");
                } catch (PublishException e) {
                    throw new Failure(e.getMessage() + " (" + total.published() + " events of earlier files sent)");
                }
            }
        } catch (RuntimeException e) {
            throw new Failure("publishing to Kafka at " + args.bootstrapServers() + " failed: " + e.getMessage());
        }
        out.println("published " + total.published() + ", rejected " + total.rejected());
        return total.rejected() == 0 ? OK : REJECTED;
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

    private static ProducerConfigFile producerConfig(PublishArguments args) throws Failure {
        if (args.producerConfig().isEmpty()) {
            return ProducerConfigFile.NONE;
        }
        try {
            ProducerConfigFile config = ProducerConfigFile.read(args.producerConfig().get());
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
