package org.partyline.producer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.partyline.producer.PartylinePublisher.Topics;

/**
 * The parsed {@code publish} command line. Flags may come before or after the files, as {@code --flag VALUE} or
 * {@code --flag=VALUE}; {@code --} ends the flags.
 */
record PublishArguments(List<String> files, String bootstrapServers, String schemaRegistryUrl, Topics topics,
                        Optional<String> producerConfig) {

    static final String USAGE = """
            Usage: java -jar partyline-producer.jar publish FILE... --bootstrap-servers HOST:PORT --schema-registry-url URL
                   java -jar partyline-producer.jar ingest --help     (articles to candidate events)
            Publishes the statements, claims and articles of JSON Lines files (UTF-8, one per line) to Kafka.
            Rejected lines are reported as FILE:LINE: reason on stderr; the summary 'published N, rejected M' goes to stdout.
            Exit status: 0 all lines published, 1 some lines rejected, 2 bad usage or Kafka/registry unreachable.

            Options:
              --bootstrap-servers HOST:PORT    Kafka brokers (required)
              --schema-registry-url URL        Confluent-compatible schema registry (required; mock://SCOPE for tests)
              --statements-topic NAME          topic for statements (default: statements)
              --claims-topic NAME              topic for claims (default: claims)
              --producer-config FILE           properties file: Kafka producer settings (security.protocol, sasl.*,
                                               ssl.*, batching) and schema registry client settings
                                               (schema.registry.basic.auth.user.info=USER:PASSWORD,
                                               schema.registry.ssl.truststore.location/.password/.type)
              -h, --help                       show this help""";

    /** Parses the arguments after the command name. */
    static PublishArguments parse(List<String> args) throws UsageException {
        List<String> files = new ArrayList<>();
        String bootstrap = null;
        String registry = null;
        String statementsTopic = Topics.DEFAULT.statements();
        String claimsTopic = Topics.DEFAULT.claims();
        String producerConfig = null;
        boolean flagsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (flagsEnded || !arg.startsWith("-") || arg.equals("-")) {
                files.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                flagsEnded = true;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!List.of("--bootstrap-servers", "--schema-registry-url", "--statements-topic", "--claims-topic",
                    "--producer-config").contains(name)) {
                throw new UsageException("unknown option " + name);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                value = args.get(++i);
            }
            if (value.isBlank()) {
                throw new UsageException(name + " needs a value");
            }
            switch (name) {
                case "--bootstrap-servers" -> bootstrap = value;
                case "--schema-registry-url" -> registry = value;
                case "--statements-topic" -> statementsTopic = value;
                case "--claims-topic" -> claimsTopic = value;
                default -> producerConfig = value;
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("no FILE given");
        }
        if (bootstrap == null) {
            throw new UsageException("--bootstrap-servers is required");
        }
        if (registry == null) {
            throw new UsageException("--schema-registry-url is required");
        }
        return new PublishArguments(List.copyOf(files), bootstrap, registry, new Topics(statementsTopic, claimsTopic),
                Optional.ofNullable(producerConfig));
    }
}
