package org.partyline.producer.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.partyline.events.publish.PartylinePublisher.Topics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code publish FILE... --bootstrap-servers HOST:PORT --schema-registry-url URL} (CONTRACT section 5): the options,
 * grouped by concern; {@link Publishing} does the work. Options may come before or after the files.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpWidth = 100,
        sortOptions = false,
        description = {"Publishes the statements, claims and articles of JSON Lines files (UTF-8, one a line) to Kafka.",
                "Rejected lines are reported as FILE:LINE: reason on stderr and nothing of them is sent; the valid "
                        + "lines are published. The summary 'published N, rejected M' goes to stdout."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:every line was published",
                "1:some lines were rejected (the others were published)",
                "2:bad usage, an unreadable file, or Kafka or the schema registry cannot be reached"})
final class PublishCommand implements Callable<Integer> {

    /** Where the events go and how to reach it. */
    static final class Connection {
        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", order = 1, required = true,
                description = "Kafka brokers to publish to (required).")
        String bootstrapServers;

        @Option(names = "--schema-registry-url", paramLabel = "URL", order = 2, required = true,
                description = "Confluent-compatible schema registry (required; mock://SCOPE for tests).")
        String schemaRegistryUrl;

        @Option(names = "--producer-config", paramLabel = "FILE", order = 3,
                description = {"Properties file of Kafka producer settings (security.protocol,",
                        "sasl.*, ssl.*, batching) and schema registry client settings",
                        "(schema.registry.basic.auth.user.info=USER:PASSWORD,",
                        "schema.registry.ssl.truststore.location, .password, .type)."})
        String producerConfig;
    }

    /** Which topics the events go to. */
    static final class TopicNames {
        @Option(names = "--statements-topic", paramLabel = "NAME", order = 4,
                description = "Topic for statements (default: ${DEFAULT-VALUE}).")
        String statements = Topics.DEFAULT.statements();

        @Option(names = "--claims-topic", paramLabel = "NAME", order = 5,
                description = "Topic for claims (default: ${DEFAULT-VALUE}).")
        String claims = Topics.DEFAULT.claims();
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    ProducerCommand producer;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSON Lines files, published in the order given.")
    List<String> files;

    @ArgGroup(validate = false, heading = "%nKafka and schema registry:%n", order = 1)
    Connection connection = new Connection();

    @ArgGroup(validate = false, heading = "%nTopics:%n", order = 2)
    TopicNames topics = new TopicNames();

    @Override
    public Integer call() {
        return Publishing.publish(request(), producer.out(), producer.err());
    }

    /** The checked command line: every required option given, and none blank. */
    Publishing.Request request() {
        String bootstrap = required("--bootstrap-servers", connection.bootstrapServers);
        String registry = required("--schema-registry-url", connection.schemaRegistryUrl);
        Optional<String> config = Optional.ofNullable(connection.producerConfig);
        if (config.isPresent()) {
            required("--producer-config", config.get());
        }
        Topics names = new Topics(required("--statements-topic", topics.statements),
                required("--claims-topic", topics.claims));
        return new Publishing.Request(List.copyOf(files), bootstrap, registry, names, config);
    }

    private String required(String option, String value) {
        if (value == null) {
            throw new ParameterException(spec.commandLine(), option + " is required");
        }
        if (value.isBlank()) {
            throw new ParameterException(spec.commandLine(), option + " needs a value");
        }
        return value;
    }
}
