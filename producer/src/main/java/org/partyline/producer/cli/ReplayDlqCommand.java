package org.partyline.producer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.partyline.producer.dlq.DeadLetterReplay;
import org.partyline.producer.dlq.ReplayOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code replay-dlq}: re-publishes the records of the dead-letter topic to the topics they came from, optionally
 * only those in a time range, of a type, with a reason or from a source topic; prints {@code replayed N, skipped M}.
 * Exit status 0 when done, 2 on bad usage or when Kafka cannot be reached or refuses a record.
 */
@Command(name = ReplayDlqCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-publishes the records of the dead-letter topic to the topic each came from (its "
                + "partyline.error.topic header), with its original key, value, timestamp and headers, once what "
                + "made it fail is fixed. Events carry their eventId, so replaying twice changes no view.",
                "Prints 'replayed N, skipped M' (skipped: not matching the filters, or with no source topic)."},
        exitCodeOnInvalidInput = ProducerMain.FAILED, exitCodeOnExecutionException = ProducerMain.FAILED)
public final class ReplayDlqCommand implements Callable<Integer> {
    static final String NAME = "replay-dlq";

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT",
            description = "Kafka brokers (required)")
    String bootstrapServers;

    @Option(names = "--dlq-topic", paramLabel = "NAME", defaultValue = ReplayOptions.DEFAULT_DEAD_LETTER_TOPIC,
            description = "the dead-letter topic (default: ${DEFAULT-VALUE})")
    String deadLetterTopic;

    @Option(names = "--from", paramLabel = "INSTANT",
            description = "only dead letters with a record timestamp at or after this instant (2025-12-05T14:00:00Z)")
    String from;

    @Option(names = "--to", paramLabel = "INSTANT",
            description = "only dead letters with a record timestamp before this instant")
    String to;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "only this partyline.error.type: DESERIALIZATION, INVALID_EVENT, REUSED_EVENT_ID or "
                    + "PROCESSING")
    String type;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "only dead letters whose partyline.error.reason contains TEXT")
    String reason;

    @Option(names = "--source-topic", paramLabel = "NAME",
            description = "only dead letters that came from this topic")
    String sourceTopic;

    @Option(names = "--producer-config", paramLabel = "FILE",
            description = "properties file of Kafka client settings (security.protocol, sasl.*, ssl.*) for the "
                    + "consumer of the dead-letter topic and the producer")
    String clientConfig;

    private PrintStream out;
    private PrintStream err;

    /** Runs the command on the arguments after its name; the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ReplayDlqCommand command = new ReplayDlqCommand();
        command.out = out;
        command.err = err;
        return new CommandLine(command)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    @Override
    public Integer call() {
        ReplayOptions options;
        try {
            options = new ReplayOptions(bootstrapServers, deadLetterTopic, instant("--from", from),
                    instant("--to", to), Optional.ofNullable(type), Optional.ofNullable(reason),
                    Optional.ofNullable(sourceTopic), clientSettings());
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return ProducerMain.FAILED;
        }
        try {
            DeadLetterReplay.Counts counts = new DeadLetterReplay(options, err::println).run();
            out.println("replayed " + counts.replayed() + ", skipped " + counts.skipped());
            return ProducerMain.OK;
        } catch (DeadLetterReplay.ReplayException e) {
            err.println("error: " + e.getMessage());
            return ProducerMain.FAILED;
        }
    }

    private Map<String, String> clientSettings() throws UsageException {
        if (clientConfig == null) {
            return Map.of();
        }
        try {
            return ProducerConfigFile.read(clientConfig).kafka();
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Optional<Instant> instant(String option, String text) throws UsageException {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " " + text + " is not an instant like 2025-12-05T14:00:00Z");
        }
    }
}
