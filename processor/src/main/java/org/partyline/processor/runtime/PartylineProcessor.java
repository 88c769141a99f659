package org.partyline.processor.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.partyline.processor.config.KafkaClientSettings;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.config.HttpSettings;
import org.partyline.processor.config.StreamsTuning;
import org.partyline.processor.config.TopicSettings;
import org.partyline.processor.config.RegistryClientConfig;
import org.partyline.processor.live.ChangeFeed;
import org.partyline.processor.live.ChangeTopics;
import org.partyline.processor.live.FeedSettings;
import org.partyline.processor.metrics.PartylineMeters;
import org.partyline.processor.query.StreamsInstanceLocator;
import org.partyline.processor.query.StreamsStoreProvider;
import org.partyline.processor.rest.RequestObserver;
import org.partyline.processor.rest.RestServer;
import org.partyline.processor.rest.RestSettings;
import org.partyline.processor.streams.DeadLetterExceptionHandler;
import org.partyline.processor.streams.DependencyWaits;
import org.partyline.processor.streams.PartylineTopology;
import org.partyline.processor.streams.StreamsSettings;
import org.partyline.processor.streams.TopicNames;
import org.partyline.processor.streams.TopologyMeters;
import org.partyline.processor.streams.TopologySettings;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.events.publish.PublishException;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.RegistryUrls;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Partyline processor: the embedded stack when asked for, the topics, the topology in Kafka Streams,
 * the metrics of both, the change feed of {@code /api/events} and the REST API. {@code ProcessorMain} and the integration tests both start it from a
 * {@link PartylineConfig}.
 */
public final class PartylineProcessor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PartylineProcessor.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final PartylineConfig config;
    private final KafkaClientSettings clientSettings;
    private final SchemaRegistryClient registry;
    private final EmbeddedStack stack;
    private final DependencyWaits waits;
    private final StreamsRuntime streams;
    private final PartylineMeters meters;
    private final ChangeFeed feed;
    private final RestServer rest;
    private final URI api;

    private PartylineProcessor(PartylineConfig config, KafkaClientSettings clientSettings, SchemaRegistryClient registry,
                               EmbeddedStack stack, DependencyWaits waits, StreamsRuntime streams, PartylineMeters meters, ChangeFeed feed,
                               RestServer rest, URI api) {
        this.config = config;
        this.clientSettings = clientSettings;
        this.registry = registry;
        this.stack = stack;
        this.waits = waits;
        this.streams = streams;
        this.meters = meters;
        this.feed = feed;
        this.rest = rest;
        this.api = api;
    }

    /** Starts everything and returns once the REST API serves and Kafka Streams is RUNNING. */
    public static PartylineProcessor start(PartylineConfig config) {
        KafkaClientSettings clientSettings = KafkaClientSettings.from(config);
        LOG.info("Kafka clients connect with security protocol {} ({})", clientSettings.securityProtocol(),
                clientSettings);
        EmbeddedStack stack = EmbeddedStack.start(config);
        DependencyWaits waits = new DependencyWaits();
        StreamsRuntime streams = null;
        PartylineMeters meters = null;
        ChangeFeed feed = null;
        RestServer rest = null;
        try {
            TopicNames topics = topicNames(config);
            short replication = (short) config.intValue(TopicSettings.REPLICATION_FACTOR);
            TopicProvisioner.ensureTopics(clientSettings.forBootstrap(stack.bootstrapServers()),
                    List.of(topics.statements(), topics.claims(), topics.stanceChanges(), topics.claimStatus(),
                            topics.dlq()),
                    java.util.Set.of(topics.statements(), topics.claims()),
                    config.intValue(TopicSettings.PARTITIONS), replication, TopicSettings.minInsyncReplicas(config));
            SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.registryUrl(),
                    RegistryClientConfig.of(config, stack.runsRegistry()));
            String host = config.get(HttpSettings.HTTP_HOST);
            int port = portOrFree(config.intValue(HttpSettings.HTTP_PORT));

            meters = new PartylineMeters(topics);
            Topology topology = PartylineTopology.build(TopologySettings.withRegistry(topics, registry)
                    .withMeters(meters).withWaits(waits));
            streams = new StreamsRuntime(topology,
                    streamsProperties(config, clientSettings, stack.bootstrapServers(), host, port, topics, meters));
            meters.bindStreams(streams.streams());
            BrokerConnections brokers = new BrokerConnections(streams.streams());
            Map<String, BooleanSupplier> waiting = new LinkedHashMap<>();
            waiting.put(DependencyWaits.SCHEMA_REGISTRY, () -> waits.waiting(DependencyWaits.SCHEMA_REGISTRY));
            waiting.put(BrokerConnections.DEPENDENCY, brokers::waiting);
            meters.bindWaits(waiting);
            Supplier<Optional<String>> waitingReason = () -> waits.reason().or(brokers::reason);
            feed = changeFeed(config, clientSettings.forBootstrap(stack.bootstrapServers()), registry, topics, meters);
            rest = new RestServer(new StreamsStoreProvider(streams.streams()),
                    new StreamsInstanceLocator(streams.streams(), new HostInfo(host, port),
                            AvroSerdes.stringKey(registry).serializer(),
                            StorePartitions.of(clientSettings.forBootstrap(stack.bootstrapServers()), topics)),
                    streams.streams()::state,
                    RestSettings.defaults().withAuthToken(config.optional(HttpSettings.HTTP_AUTH_TOKEN))
                            .withMetrics(meters::scrape).withObserver(observerOf(meters))
                            .withEvents(feed, RestSettings.DEFAULT_KEEP_ALIVE).withWaiting(waitingReason));
            rest.start("0.0.0.0", port);
            streams.start(START_TIMEOUT, waits::reason);
            URI api = URI.create("http://" + host + ":" + port);
            LOG.info("Partyline processor serving at {} (Kafka {}, schema registry {})", api,
                    stack.bootstrapServers(), RegistryUrls.redact(stack.registryUrl()));
            return new PartylineProcessor(config, clientSettings, registry, stack, waits, streams, meters, feed, rest,
                    api);
        } catch (RuntimeException e) {
            waits.stop();
            closeQuietly(feed, rest, streams, meters, stack);
            throw e;
        }
    }

    /**
     * The change feed of {@code /api/events}: its own consumer with the processor's Kafka client settings, reading the
     * change topics with the topology's registry client, each client's buffer {@code http.events.buffer} events.
     */
    private static ChangeFeed changeFeed(PartylineConfig config, Map<String, Object> clientProperties,
                                         SchemaRegistryClient registry, TopicNames topics, PartylineMeters meters) {
        ChangeFeed feed = ChangeFeed.start(clientProperties, registry,
                new ChangeTopics(topics.stanceChanges(), topics.claimStatus()),
                FeedSettings.defaults().withClientBuffer(config.intValue(HttpSettings.HTTP_EVENTS_BUFFER)),
                meters::slowSseClientDisconnected);
        meters.bindSseClients(feed::subscribers);
        return feed;
    }

    /** The REST server's request observer, counting and timing into the meters. */
    private static RequestObserver observerOf(PartylineMeters meters) {
        return new RequestObserver() {
            @Override
            public void observed(String route, int status, long nanos) {
                meters.observed(route, status, nanos);
            }

            @Override
            public void forwarded(boolean failed) {
                meters.forwarded(failed);
            }
        };
    }

    static TopicNames topicNames(PartylineConfig config) {
        return new TopicNames(config.get(TopicSettings.TOPIC_STATEMENTS), config.get(TopicSettings.TOPIC_CLAIMS),
                config.get(TopicSettings.TOPIC_STANCE_CHANGES), config.get(TopicSettings.TOPIC_CLAIM_STATUS),
                config.get(TopicSettings.TOPIC_DLQ));
    }

    static Properties streamsProperties(PartylineConfig config, KafkaClientSettings clientSettings,
                                        String bootstrapServers, String host, int port, TopicNames topics,
                                        TopologyMeters meters) {
        return StreamsSettings.builder()
                .clientProperties(clientSettings.properties())
                .applicationId(config.get(StreamsTuning.APPLICATION_ID))
                .bootstrapServers(bootstrapServers)
                .stateDir(StreamsTuning.stateDir(config).resolve("streams"))
                .applicationServer(host + ":" + port)
                .groupInstanceId(groupInstanceId(config, InstanceNames.machineName()).orElse(null))
                .processingGuarantee(config.get(StreamsTuning.PROCESSING_GUARANTEE))
                .replicationFactor(config.intValue(TopicSettings.REPLICATION_FACTOR))
                .minInsyncReplicas(TopicSettings.minInsyncReplicas(config).orElse(null))
                .with(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.intValue(StreamsTuning.STANDBY_REPLICAS))
                .with(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.intValue(StreamsTuning.COMMIT_INTERVAL_MS))
                .with(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
                        (long) config.intValue(StreamsTuning.CACHE_MAX_BYTES))
                .with(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.intValue(StreamsTuning.STREAM_THREADS))
                .rocksDbMemory(StreamsTuning.rocksDbMemoryBytes(config))
                .with(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.dlq())
                .with(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class)
                .with(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true)
                .meters(meters)
                .build();
    }

    /**
     * The static group membership id: {@code instance.id} when set; otherwise, with a fixed {@code http.port},
     * {@code MACHINE-PORT} (this machine's host name and the REST port: stable across restarts, and two instances on
     * one machine cannot share a port); with {@code http.port} 0 none (dynamic membership), since the port and so
     * the id would change at every start.
     */
    static java.util.Optional<String> groupInstanceId(PartylineConfig config, String machineName) {
        java.util.Optional<String> configured = config.optional(StreamsTuning.INSTANCE_ID);
        if (configured.isPresent()) {
            return configured;
        }
        int port = config.intValue(HttpSettings.HTTP_PORT);
        return port == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(InstanceNames.sanitize(machineName) + "-" + port);
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

    /** The registry URL, without any credentials it was configured with. */
    public String registryUrl() {
        return RegistryUrls.redact(stack.registryUrl());
    }

    /**
     * The metrics of this processor: Kafka Streams' own and Partyline's. The REST server answers {@code /metrics}
     * with {@link PartylineMeters#scrape()} and reports each request to {@link PartylineMeters#observed}.
     */
    public PartylineMeters meters() {
        return meters;
    }

    /** Every metric of this processor in the Prometheus text format: the body of {@code GET /metrics}. */
    public String scrapeMetrics() {
        return meters.scrape();
    }

    /** The Kafka Streams instance, for tests in this package that ask who holds a key. */
    KafkaStreams kafkaStreams() {
        return streams.streams();
    }

    /** {@code --demo}: publishes the bundled example and prints the summary of the views. */
    public boolean runDemo(PrintStream out, Duration timeout) {
        TopicNames topics = topicNames(config);
        try (PartylinePublisher publisher = demoPublisher(stack.bootstrapServers(), registry,
                new PartylinePublisher.Topics(topics.statements(), topics.claims()), clientSettings)) {
            Path example = Demo.exampleFile(StreamsTuning.stateDir(config));
            return new Demo(api, config.optional(HttpSettings.HTTP_AUTH_TOKEN)).run(example, publisher, out, timeout);
        } catch (IOException | PublishException e) {
            LOG.error("Demo failed: {}", e.getMessage(), e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The demo's producer: the processor's registry client and Kafka client settings. */
    static PartylinePublisher demoPublisher(String bootstrapServers, SchemaRegistryClient registry,
                                            PartylinePublisher.Topics topics, KafkaClientSettings clientSettings) {
        return new PartylinePublisher(bootstrapServers, registry, topics, clientSettings.properties());
    }

    /**
     * Stops every wait for the schema registry (so that no stream thread holds up the shutdown), closes the change
     * feed, which ends every {@code /api/events} stream, then the rest.
     */
    @Override
    public void close() {
        waits.stop();
        closeQuietly(feed, rest, streams, meters, stack);
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
