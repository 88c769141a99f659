package org.partyline.producer.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.specific.SpecificRecord;
import org.partyline.ingest.Candidate;
import org.partyline.ingest.Ingestor;
import org.partyline.ingest.codebook.Codebook;
import org.partyline.ingest.codebook.CodebookException;
import org.partyline.producer.ErrorMessages;
import org.partyline.producer.PartylinePublisher;
import org.partyline.producer.events.InvalidEventException;
import org.partyline.producer.ingest.ArticleFiles;
import org.partyline.producer.ingest.CandidateEvents;
import org.partyline.producer.ingest.IngestJob;
import org.partyline.producer.ingest.JobTopics;
import org.partyline.serde.RegistryUrls;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code ingest} command (CONTRACT 7.3 and 7.4): turns article files into candidate events written as JSON Lines
 * for review, publishes them with {@code --publish}, or runs the streaming job with {@code --follow}. Ends with
 * {@code articles N, rejected M, candidates K} on stderr; exit status 0, 1 when some article lines were rejected, 2 on
 * bad usage, an unreadable or invalid codebook, or Kafka or the registry unreachable.
 */
@Command(name = "ingest", sortOptions = false, usageHelpAutoWidth = true,
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
public final class IngestCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(12);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

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

    @ArgGroup(validate = false, heading = "%nArticles and codebook%n", order = 1)
    Input input = new Input();

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "article files, JSON Lines ('-' for standard input; none with --follow)")
    List<String> files = new ArrayList<>();

    @ArgGroup(validate = false, heading = "%nCandidates%n", order = 2)
    Output output = new Output();

    @ArgGroup(validate = false, heading = "%nPublishing (--publish, --follow)%n", order = 3)
    Kafka kafka = new Kafka();

    @ArgGroup(validate = false, heading = "%nStreaming job (--follow)%n", order = 4)
    Job job = new Job();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream stdin;

    public IngestCommand(PrintStream out, PrintStream err, InputStream stdin) {
        this.out = out;
        this.err = err;
        this.stdin = stdin;
    }

    /** Runs {@code ingest} with the arguments after the command name; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err, InputStream stdin) {
        CommandLine command = new CommandLine(new IngestCommand(out, err, stdin));
        command.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        command.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return command.execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() throws Exception {
        checkUsage();
        Codebook codebook;
        try {
            codebook = Codebook.load(input.codebooks);
        } catch (CodebookException e) {
            err.println("error: " + e.getMessage());
            return ProducerMain.FAILED;
        }
        try {
            if (!kafka.follow) {
                checkFiles();
            }
            ProducerConfigFile config = producerConfig();
            try (Ingestor ingestor = Ingestor.create(codebook)) {
                CandidateEvents events = new CandidateEvents(ingestor, output.minConfidence);
                if (kafka.follow) {
                    return follow(events, config);
                }
                return kafka.publish ? publish(events, config) : write(events);
            }
        } catch (Failure e) {
            err.println("error: " + e.getMessage());
            return ProducerMain.FAILED;
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

    // ---- writing candidates for review

    private int write(CandidateEvents events) throws Failure {
        ArticleFiles articles = new ArticleFiles(err);
        Totals totals = new Totals();
        try (Writer writer = output.out == null
                ? new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(output.out, StandardCharsets.UTF_8)) {
            for (String file : files) {
                totals.add(readFile(articles, file, (article, line) -> {
                    for (Candidate candidate : events.candidates(article)) {
                        try {
                            writer.write(candidate.toJsonLine());
                            writer.write('\n');
                        } catch (IOException e) {
                            throw cannotWrite(e);
                        }
                        totals.candidates++;
                    }
                }));
            }
        } catch (IOException e) {
            throw cannotWrite(e);
        } finally {
            out.flush();
        }
        return totals.finish();
    }

    private Failure cannotWrite(IOException e) {
        return new Failure("cannot write " + (output.out == null ? "standard output" : output.out) + ": "
                + ErrorMessages.describe(e));
    }

    // ---- publishing candidates

    private int publish(CandidateEvents events, ProducerConfigFile config) throws Failure {
        SchemaRegistryClient registry = checkedRegistryAndKafka(config);
        Map<String, Object> clientProperties = new HashMap<>(config.kafka());
        ArticleFiles articles = new ArticleFiles(err);
        Totals totals = new Totals();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers, registry,
                new PartylinePublisher.Topics(job.statements, job.claims, job.articles), clientProperties)) {
            for (String file : files) {
                totals.add(readFile(articles, file, (article, line) -> {
                    for (Candidate candidate : events.candidates(article)) {
                        SpecificRecord event;
                        try {
                            event = events.event(candidate);
                        } catch (InvalidEventException e) {
                            err.println(file + ":" + line + ": candidate " + candidate.eventId() + ": " + e.reason());
                            totals.brokenCandidates++;
                            continue;
                        }
                        publisher.publish(event, (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                        totals.candidates++;
                    }
                }));
                publisher.flush();
                if (failure.get() != null) {
                    throw new Failure("sending the candidates of " + file + " failed: "
                            + ErrorMessages.describe(failure.get()));
                }
            }
        } catch (RuntimeException e) {
            throw new Failure("publishing to Kafka at " + kafka.bootstrapServers + " failed: "
                    + ErrorMessages.describe(e));
        }
        return totals.finish();
    }

    private SchemaRegistryClient checkedRegistryAndKafka(ProducerConfigFile config) throws Failure {
        String registryUrl = RegistryUrls.redact(kafka.schemaRegistryUrl);
        SchemaRegistryClient registry;
        try {
            registry = SchemaRegistryClients.forUrl(kafka.schemaRegistryUrl, config.registry());
        } catch (RuntimeException e) {
            throw new Failure("cannot use schema registry " + registryUrl + ": " + e.getMessage());
        }
        try {
            new Reachability(CHECK_TIMEOUT).check(registry, registryUrl, kafka.bootstrapServers,
                    new HashMap<>(config.kafka()));
        } catch (Reachability.UnreachableException e) {
            throw new Failure(e.getMessage());
        }
        return registry;
    }

    // ---- the streaming job

    private int follow(CandidateEvents events, ProducerConfigFile config) throws Failure, InterruptedException {
        SchemaRegistryClient registry = checkedRegistryAndKafka(config);
        String instance = job.instanceId != null ? job.instanceId : hostName();
        IngestJob.Settings settings = new IngestJob.Settings(kafka.bootstrapServers, config.kafka(),
                new JobTopics(job.articles, job.statements, job.claims, job.deadLetters), job.groupId,
                job.groupId + "-" + instance);
        ArticlesTopic.ensure(kafka.bootstrapServers, config.kafka(), job.articles);
        IngestJob ingestJob = new IngestJob(settings, registry, events);
        Thread hook = new Thread(() -> {
            try {
                if (!ingestJob.stopAndWait(STOP_TIMEOUT)) {
                    LOG.warn("The ingestion job did not stop within {} s", STOP_TIMEOUT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("ingesting articles from " + job.articles + " (group " + job.groupId + ", transactional id "
                + settings.transactionalId() + ")");
        try {
            ingestJob.run();
        } catch (RuntimeException e) {
            throw new Failure("the ingestion job stopped: " + ErrorMessages.describe(e));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the JVM is stopping this job
            }
        }
        return ProducerMain.OK;
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "local";
            }
        }
        return host;
    }

    // ---- shared

    /** Reads one file (or standard input); a failure of the handler comes out as it is, or as a {@link Failure}. */
    private ArticleFiles.Counts readFile(ArticleFiles articles, String file, ArticleFiles.ArticleHandler handler)
            throws Failure {
        try {
            if (file.equals("-")) {
                return articles.read("-", stdin, handler);
            }
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return articles.read(file, in, handler);
            }
        } catch (Failure | RuntimeException e) {
            throw e;
        } catch (IOException e) {
            throw new Failure("cannot read " + file + ": " + ErrorMessages.describe(e));
        } catch (Exception e) {
            throw new Failure(file + ": " + ErrorMessages.describe(e));
        }
    }

    private void checkFiles() throws Failure {
        for (String file : files) {
            if (file.equals("-")) {
                continue;
            }
            Path path = Path.of(file);
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

    private ProducerConfigFile producerConfig() throws Failure {
        if (kafka.producerConfig == null) {
            return ProducerConfigFile.NONE;
        }
        try {
            return ProducerConfigFile.read(kafka.producerConfig.toString());
        } catch (IOException e) {
            throw new Failure(e.getMessage());
        }
    }

    /** The counts of a run and its summary line. */
    private final class Totals {
        private ArticleFiles.Counts lines = ArticleFiles.Counts.NONE;
        private long candidates;
        private long brokenCandidates;

        void add(ArticleFiles.Counts counts) {
            lines = lines.plus(counts);
        }

        int finish() {
            err.println("articles " + lines.articles() + ", rejected " + lines.rejected() + ", candidates "
                    + candidates);
            return lines.rejected() == 0 && brokenCandidates == 0 ? ProducerMain.OK : ProducerMain.REJECTED;
        }
    }

    /** Ends the command with exit status 2 and a message. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
