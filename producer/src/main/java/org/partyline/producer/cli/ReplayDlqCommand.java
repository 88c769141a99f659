package org.partyline.producer.cli;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.partyline.producer.dlq.DeadLetterReplay;
import org.partyline.producer.dlq.ReplayOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code replay-dlq}: re-publishes the records of the dead-letter topic to the topics they came from, optionally
 * only those in a time range, of a type, with a reason or from a source topic; prints {@code replayed N, skipped M}.
 * {@link DeadLetterReplay} does the work.
 */
@Command(name = "replay-dlq", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpWidth = 100, sortOptions = false,
        description = {"Re-publishes the records of the dead-letter topic to the topic each came from (its "
                + "partyline.error.topic header), with its original key, value, timestamp and headers, once what "
                + "made it fail is fixed. Events carry their eventId, so replaying twice changes no view.",
                "Prints 'replayed N, skipped M' (skipped: not matching the filters, or with no source topic)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:every matching dead letter was re-published",
                "2:bad usage, or Kafka cannot be reached or refuses a record"})
final class ReplayDlqCommand implements Callable<Integer> {

    /** Where the dead letters are and how to reach Kafka. */
    static final class Connection {
        @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT", order = 1,
                description = "Kafka brokers (required).")
        String bootstrapServers;

        @Option(names = "--dlq-topic", paramLabel = "NAME", order = 2,
                description = "The dead-letter topic (default: ${DEFAULT-VALUE}).")
        String deadLetterTopic = ReplayOptions.DEFAULT_DEAD_LETTER_TOPIC;

        @Option(names = "--producer-config", paramLabel = "FILE", order = 3,
                description = "Properties file of Kafka client settings (security.protocol, sasl.*, ssl.*) for the "
                        + "consumer of the dead-letter topic and the producer.")
        String clientConfig;
    }

    /** Which dead letters to replay: every filter given must match. */
    static final class Filters {
        @Option(names = "--from", paramLabel = "INSTANT", order = 4,
                description = "Only dead letters with a record timestamp at or after this instant "
                        + "(2025-12-05T14:00:00Z).")
        String from;

        @Option(names = "--to", paramLabel = "INSTANT", order = 5,
                description = "Only dead letters with a record timestamp before this instant.")
        String to;

        @Option(names = "--type", paramLabel = "TYPE", order = 6,
                description = "Only this partyline.error.type: DESERIALIZATION, INVALID_EVENT, REUSED_EVENT_ID "
                        + "or PROCESSING.")
        String type;

        @Option(names = "--reason", paramLabel = "TEXT", order = 7,
                description = "Only dead letters whose partyline.error.reason contains TEXT.")
        String reason;

        @Option(names = "--source-topic", paramLabel = "NAME", order = 8,
                description = "Only dead letters that came from this topic.")
        String sourceTopic;
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    ProducerCommand producer;

    @ArgGroup(validate = false, heading = "%nKafka:%n", order = 1)
    Connection connection = new Connection();

    @ArgGroup(validate = false, heading = "%nFilters:%n", order = 2)
    Filters filters = new Filters();

    @Override
    public Integer call() {
        if (connection.bootstrapServers == null || connection.bootstrapServers.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--bootstrap-servers is required");
        }
        ReplayOptions options = new ReplayOptions(connection.bootstrapServers, connection.deadLetterTopic,
                instant("--from", filters.from), instant("--to", filters.to), Optional.ofNullable(filters.type),
                Optional.ofNullable(filters.reason), Optional.ofNullable(filters.sourceTopic), clientSettings());
        try {
            DeadLetterReplay.Counts counts = new DeadLetterReplay(options, producer.err()::println).run();
            producer.out().println("replayed " + counts.replayed() + ", skipped " + counts.skipped());
            return ProducerMain.OK;
        } catch (DeadLetterReplay.ReplayException e) {
            producer.err().println("error: " + e.getMessage());
            return ProducerMain.FAILED;
        }
    }

    private Map<String, String> clientSettings() {
        if (connection.clientConfig == null) {
            return Map.of();
        }
        try {
            return ProducerConfigFile.read(connection.clientConfig).kafka();
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Optional<Instant> instant(String option, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    option + " " + text + " is not an instant like 2025-12-05T14:00:00Z");
        }
    }
}
