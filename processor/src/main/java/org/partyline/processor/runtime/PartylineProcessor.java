package org.partyline.processor.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.query.StreamsInstanceLocator;
import org.partyline.processor.query.StreamsStoreProvider;
import org.partyline.processor.rest.RestServer;
import org.partyline.processor.rest.RestSettings;
import org.partyline.processor.streams.DeadLetterExceptionHandler;
import org.partyline.processor.streams.PartylineTopology;
import org.partyline.processor.streams.StreamsSettings;
import org.partyline.processor.streams.TopicNames;
import org.partyline.processor.streams.TopologySettings;
import org.partyline.producer.PartylinePublisher;
import org.partyline.producer.PublishException;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Partyline processor: the embedded stack when asked for, the topics, the topology in Kafka Streams and
 * the REST API. {@code ProcessorMain} and the integration tests both start it from a {@link PartylineConfig}.
 */
public final class PartylineProcessor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PartylineProcessor.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final PartylineConfig config;
    private final EmbeddedStack stack;
    private final StreamsRuntime streams;
    private final RestServer rest;
    private final URI api;

    private PartylineProcessor(PartylineConfig config, EmbeddedStack stack, StreamsRuntime streams, RestServer rest,
                               URI api) {
        this.config = config;
        this.stack = stack;
        this.streams = streams;
        this.rest = rest;
        this.api = api;
    }

    /** Starts everything and returns once the REST API serves and Kafka Streams is RUNNING. */
    public static PartylineProcessor start(PartylineConfig config) {
        EmbeddedStack stack = EmbeddedStack.start(config);
        StreamsRuntime streams = null;
        RestServer rest = null;
        try {
            TopicNames topics = topicNames(config);
            short replication = (short) config.intValue(PartylineConfig.REPLICATION_FACTOR);
            TopicProvisioner.ensureTopics(stack.bootstrapServers(), List.of(topics.statements(), topics.claims(),
                    topics.stanceChanges(), topics.claimStatus(), topics.dlq()),
                    config.intValue(PartylineConfig.PARTITIONS), replication);
            SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.registryUrl());
            String host = config.get(PartylineConfig.HTTP_HOST);
            int port = portOrFree(config.intValue(PartylineConfig.HTTP_PORT));

            Topology topology = PartylineTopology.build(TopologySettings.withRegistry(topics, registry));
            streams = new StreamsRuntime(topology, streamsProperties(config, stack, host, port, topics));
            rest = new RestServer(new StreamsStoreProvider(streams.streams()),
                    new StreamsInstanceLocator(streams.streams(), new HostInfo(host, port),
                            AvroSerdes.stringKey(registry).serializer()),
                    streams.streams()::state,
                    RestSettings.defaults().withAuthToken(config.optional(PartylineConfig.HTTP_AUTH_TOKEN)));
            rest.start("0.0.0.0", port);
            streams.start(START_TIMEOUT);
            URI api = URI.create("http://" + host + ":" + port);
            LOG.info("Partyline processor serving at {} (Kafka {}, schema registry {})", api,
                    stack.bootstrapServers(), stack.registryUrl());
            return new PartylineProcessor(config, stack, streams, rest, api);
        } catch (RuntimeException e) {
            closeQuietly(rest, streams, stack);
            throw e;
        }
    }

    static TopicNames topicNames(PartylineConfig config) {
        return new TopicNames(config.get(PartylineConfig.TOPIC_STATEMENTS), config.get(PartylineConfig.TOPIC_CLAIMS),
                config.get(PartylineConfig.TOPIC_STANCE_CHANGES), config.get(PartylineConfig.TOPIC_CLAIM_STATUS),
                config.get(PartylineConfig.TOPIC_DLQ));
    }

    static Properties streamsProperties(PartylineConfig config, EmbeddedStack stack, String host, int port,
                                        TopicNames topics) {
        return StreamsSettings.builder()
                .applicationId(config.get(PartylineConfig.APPLICATION_ID))
                .bootstrapServers(stack.bootstrapServers())
                .stateDir(config.stateDir().resolve("streams"))
                .applicationServer(host + ":" + port)
                .processingGuarantee(config.get(PartylineConfig.PROCESSING_GUARANTEE))
                .replicationFactor(config.intValue(PartylineConfig.REPLICATION_FACTOR))
                .with(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.intValue(PartylineConfig.STANDBY_REPLICAS))
                .with(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.dlq())
                .with(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class)
                .with(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true)
                .build();
    }

    private static int portOrFree(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port for the REST API", e);
        }
    }

    public URI apiUrl() {
        return api;
    }

    public String bootstrapServers() {
        return stack.bootstrapServers();
    }

    public String registryUrl() {
        return stack.registryUrl();
    }

    /** The Kafka Streams instance, for tests in this package that ask who holds a key. */
    KafkaStreams kafkaStreams() {
        return streams.streams();
    }

    /** {@code --demo}: publishes the bundled example and prints the summary of the views. */
    public boolean runDemo(PrintStream out, Duration timeout) {
        try (PartylinePublisher publisher = new PartylinePublisher(stack.bootstrapServers(), stack.registryUrl())) {
            Path example = Demo.exampleFile(config.stateDir());
            return new Demo(api).run(example, publisher, out, timeout);
        } catch (IOException | PublishException e) {
            LOG.error("Demo failed: {}", e.getMessage(), e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closeQuietly(rest, streams, stack);
    }

    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Error while closing {}: {}", part.getClass().getSimpleName(), e.getMessage(), e);
            }
        }
    }
}
