package org.partyline.producer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.partyline.ingest.Ingestor;
import org.partyline.ingest.codebook.Codebook;
import org.partyline.ingest.codebook.CodebookException;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.producer.ingest.CandidateEvents;
import org.partyline.producer.ingest.IngestJob;
import org.partyline.producer.ingest.JobTopics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The {@code ingest} command (CONTRACT 7.3 and 7.4): turns article files into candidate events written as JSON Lines
 * for review ({@link CandidateWriting}), publishes them with {@code --publish} ({@link CandidatePublishing}), or runs
 * the streaming job with {@code --follow} ({@link FollowRun}). This class holds the options and their rules. Ends with
 * {@code articles N, rejected M, candidates K} on stderr; exit status 0, 1 when some article lines were rejected, 2 on
 * bad usage, an unreadable or invalid codebook, or Kafka or the registry unreachable.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpWidth = 100, sortOptions = false,
        description = {
            "Turns news articles (JSON Lines, one article a line) into candidate statements and claims, each with its "
                    + "verbatim quote and evidence, for a person to review and then publish.",
            "Rejected article lines are reported as FILE:LINE: reason; the summary 'articles N, rejected M, "
                    + "candidates K' goes to stderr."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every article line was read",
            "1:some article lines were rejected",
            "2:bad usage, an unreadable or invalid codebook, or Kafka or the schema registry unreachable"})
final class IngestCommand implements Callable<Integer> {

    /** What to read and what to code. */
    static final class Input {
        @Option(names = "--codebook", paramLabel = "FILE",
                description = "codebook JSON file: the actors, topics and claims to code (repeat to merge several; "
                        + "a later file's entry wins on the same key)")
        List<Path> codebooks = new ArrayList<>();
    }

    /** Where the candidates go. */
    static final class Output {
        @Option(names = "--out", paramLabel = "FILE",
                description = "write the candidates to FILE instead of standard output")
        Path out;

        @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0",
                description = "leave out candidates whose confidence is below X, from 0 to 1 (default: ${DEFAULT-VALUE})")
        double minConfidence;
    }

    /** Publishing the candidates, once or as a streaming job. */
    static final class Kafka {
        @Option(names = "--publish",
                description = "publish the candidates (after the same checks as 'publish') instead of writing them")
        boolean publish;

        @Option(names = "--follow",
                description = "run the streaming job until stopped: read the articles topic, write each article's "
                        + "events to the statements and claims topics exactly once")
        boolean follow;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka brokers")
        String bootstrapServers;

        @Option(names = "--schema-registry-url", paramLabel = "URL",
                description = "Confluent-compatible schema registry")
        String schemaRegistryUrl;

        @Option(names = "--producer-config", paramLabel = "FILE",
                description = "properties file: Kafka client settings (security.protocol, sasl.*, ssl.*) and schema "
                        + "registry client settings (schema.registry.basic.auth.user.info, "
                        + "schema.registry.ssl.truststore.*)")
        Path producerConfig;
    }

    /** The streaming job's topics and identity. */
    static final class Job {
        @Option(names = "--articles-topic", paramLabel = "NAME", defaultValue = "articles",
                description = "topic the job reads articles from (default: ${DEFAULT-VALUE})")
        String articles;

        @Option(names = "--statements-topic", paramLabel = "NAME", defaultValue = "statements",
                description = "topic for statements (default: ${DEFAULT-VALUE})")
        String statements;

        @Option(names = "--claims-topic", paramLabel = "NAME", defaultValue = "claims",
                description = "topic for claims (default: ${DEFAULT-VALUE})")
        String claims;

        @Option(names = "--dead-letter-topic", paramLabel = "NAME", defaultValue = "partyline-dlq",
                description = "topic for article records that cannot be read (default: ${DEFAULT-VALUE})")
        String deadLetters;

        @Option(names = "--group-id", paramLabel = "ID", defaultValue = "partyline-ingest",
                description = "consumer group of the streaming job (default: ${DEFAULT-VALUE})")
        String groupId;

        @Option(names = "--instance-id", paramLabel = "ID",
                description = "this job instance's name, stable across restarts and unique among instances; its "
                        + "transactional id is GROUP-ID-INSTANCE-ID (default: the host name)")
        String instanceId;
    }

    @ArgGroup(validate = false, heading = "%nArticles and codebook:%n", order = 1)
    Input input = new Input();

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "article files, JSON Lines ('-' for standard input; none with --follow)")
    List<String> files = new ArrayList<>();

    @ArgGroup(validate = false, heading = "%nCandidates:%n", order = 2)
    Output output = new Output();

    @ArgGroup(validate = false, heading = "%nPublishing (--publish, --follow):%n", order = 3)
    Kafka kafka = new Kafka();

    @ArgGroup(validate = false, heading = "%nStreaming job (--follow):%n", order = 4)
    Job job = new Job();

    @Spec
    CommandSpec spec;

    @ParentCommand
    ProducerCommand producer;

    @Override
    public Integer call() {
        checkUsage();
        PrintStream out = producer.out();
        PrintStream err = producer.err();
        InputStream stdin = producer.in();
        try {
            Codebook codebook = loadCodebook();
            ArticleRun run = new ArticleRun(files, stdin, err);
            run.checkFiles();
            ProducerConfigFile config = producerConfig();
            try (Ingestor ingestor = Ingestor.create(codebook)) {
                CandidateEvents events = new CandidateEvents(ingestor, output.minConfidence);
                if (kafka.follow) {
                    KafkaAccess access = KafkaAccess.checked(kafka.bootstrapServers, kafka.schemaRegistryUrl, config);
                    return FollowRun.follow(access, jobSettings(config), events, err);
                }
                if (kafka.publish) {
                    KafkaAccess access = KafkaAccess.checked(kafka.bootstrapServers, kafka.schemaRegistryUrl, config);
                    return CandidatePublishing.publish(run, events, access,
                            new PartylinePublisher.Topics(job.statements, job.claims, job.articles));
                }
                return CandidateWriting.write(run, events, output.out, out);
            }
        } catch (IngestFailure e) {
            err.println("error: " + e.getMessage());
            return ProducerMain.FAILED;
        }
    }

    private Codebook loadCodebook() throws IngestFailure {
        try {
            return Codebook.load(input.codebooks);
        } catch (CodebookException e) {
            throw new IngestFailure(e.getMessage());
        }
    }

    private IngestJob.Settings jobSettings(ProducerConfigFile config) {
        String instance = job.instanceId != null ? job.instanceId : hostName();
        return new IngestJob.Settings(kafka.bootstrapServers, config.kafka(),
                new JobTopics(job.articles, job.statements, job.claims, job.deadLetters), job.groupId,
                job.groupId + "-" + instance);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "local";
            }
        }
        return host;
    }

    private ProducerConfigFile producerConfig() throws IngestFailure {
        if (kafka.producerConfig == null) {
            return ProducerConfigFile.NONE;
        }
        try {
            return ProducerConfigFile.read(kafka.producerConfig.toString());
        } catch (IOException e) {
            throw new IngestFailure(e.getMessage());
        }
    }

    private void checkUsage() {
        if (input.codebooks.isEmpty()) {
            throw usage("--codebook FILE is required: the topics and claims to code");
        }
        if (kafka.publish && kafka.follow) {
            throw usage("--publish and --follow cannot be given together");
        }
        if (kafka.publish || kafka.follow) {
            if (kafka.bootstrapServers == null || kafka.bootstrapServers.isBlank()) {
                throw usage((kafka.follow ? "--follow" : "--publish") + " needs --bootstrap-servers");
            }
            if (kafka.schemaRegistryUrl == null || kafka.schemaRegistryUrl.isBlank()) {
                throw usage((kafka.follow ? "--follow" : "--publish") + " needs --schema-registry-url");
            }
        } else if (kafka.bootstrapServers != null || kafka.schemaRegistryUrl != null || kafka.producerConfig != null) {
            throw usage("--bootstrap-servers, --schema-registry-url and --producer-config need --publish or --follow");
        }
        if (kafka.follow && (!files.isEmpty() || output.out != null)) {
            throw usage("--follow reads the articles topic: no FILE and no --out");
        }
        if (!kafka.follow && files.isEmpty()) {
            throw usage("no FILE given (use - for standard input)");
        }
        if (kafka.publish && output.out != null) {
            throw usage("--publish sends the candidates to Kafka: no --out");
        }
        if (!(output.minConfidence >= 0 && output.minConfidence <= 1)) {
            throw usage("--min-confidence must lie between 0 and 1, not " + output.minConfidence);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
