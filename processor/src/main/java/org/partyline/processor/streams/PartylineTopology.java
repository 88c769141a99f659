package org.partyline.processor.streams;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.avro.specific.SpecificRecord;
import org.partyline.processor.domain.ClaimUpdate;
import org.partyline.processor.domain.InputRules;
import org.partyline.processor.domain.StanceUpdate;
import org.partyline.schema.Claim;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimChangeAt;
import org.partyline.schema.view.ClaimEntry;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyClaim;
import org.partyline.schema.view.PartyPosition;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;
import org.partyline.schema.view.TopicStance;
import org.partyline.serde.AvroSerdes;

/**
 * The Partyline topology, built by one pure factory: for each input log, consume raw bytes, decode, deduplicate,
 * fold into the views, publish the change topics, and re-key the views that are read by another key.
 * Every processor, store, repartition and sink is named; the names are API (see {@link StoreNames}).
 */
public final class PartylineTopology {
    /** Repartition of the stance of each (party, topic) by topic: {@code <app>-stances-by-topic-repartition}. */
    public static final String STANCES_BY_TOPIC = "stances-by-topic";
    /**
     * Repartition of the entries of {@code party-claims} by party (a party's own position on a claim and the claim's
     * status): {@code <app>-claims-by-party-repartition}.
     */
    public static final String CLAIMS_BY_PARTY = "claims-by-party";
    /**
     * Repartition of every claim change set (put or delete) by its party:
     * {@code <app>-claim-changes-by-party-repartition}.
     */
    public static final String CLAIM_CHANGES_BY_PARTY = "claim-changes-by-party";
    /** Every repartition, each topic named {@code <application.id>-<name>-repartition}. */
    public static final List<String> REPARTITIONS = List.of(STANCES_BY_TOPIC, CLAIMS_BY_PARTY,
            CLAIM_CHANGES_BY_PARTY);

    /** The names of the internal topics Kafka Streams makes for this topology: a changelog per store, the repartitions. */
    public static Set<String> internalTopics(String applicationId) {
        Set<String> topics = new java.util.TreeSet<>();
        StoreNames.ALL.forEach(store -> topics.add(applicationId + "-" + store + "-changelog"));
        REPARTITIONS.forEach(name -> topics.add(applicationId + "-" + name + "-repartition"));
        return topics;
    }

    /**
     * Stores partitioned like the input topics, whose keys are Avro strings in the wire format: route a party or
     * claimId to its instance with the input key serializer ({@code AvroSerdes.stringKey(registry).serializer()}).
     */
    public static final Set<String> STORES_ROUTED_BY_INPUT_KEY = Set.of(StoreNames.STATEMENT_EVENT_IDS,
            StoreNames.STANCE_HISTORY, StoreNames.STANCE_CHANGE_HISTORY, StoreNames.PARTY_STANCE_CHANGES,
            StoreNames.STANCES, StoreNames.CLAIM_EVENT_IDS, StoreNames.CLAIMS, StoreNames.CLAIM_POSITIONS,
            StoreNames.CLAIM_SIDES, StoreNames.CLAIM_HISTORY, StoreNames.CLAIM_CHANGE_HISTORY);
    /** Stores partitioned by a repartition topic with plain UTF-8 keys: route with {@code Serdes.String()}. */
    public static final Set<String> STORES_ROUTED_BY_STRING_KEY = Set.of(StoreNames.TOPIC_STANCES,
            StoreNames.PARTY_CLAIMS, StoreNames.PARTY_CLAIM_CHANGES);

    /**
     * Stores with as many partitions as the {@code statements} topic (its sub-topologies, and the repartition of
     * {@code topic-stances}, which Kafka Streams sizes like its upstream); the others have as many as {@code claims}.
     */
    public static final Set<String> STORES_PARTITIONED_LIKE_STATEMENTS = Set.of(StoreNames.STATEMENT_EVENT_IDS,
            StoreNames.STANCE_HISTORY, StoreNames.STANCE_CHANGE_HISTORY, StoreNames.PARTY_STANCE_CHANGES,
            StoreNames.STANCES, StoreNames.TOPIC_STANCES);

    private PartylineTopology() {
    }

    /**
     * The serializer that {@code KafkaStreams.queryMetadataForKey(store, key, serializer)} needs for a store,
     * where {@code key} is the first part of its store keys (party, claimId or topic).
     */
    public static Serializer<String> routingKeySerializer(String store, Serializer<String> inputKeySerializer) {
        if (STORES_ROUTED_BY_INPUT_KEY.contains(store)) {
            return inputKeySerializer;
        }
        if (STORES_ROUTED_BY_STRING_KEY.contains(store)) {
            return Serdes.String().serializer();
        }
        throw new IllegalArgumentException("not a Partyline store: " + store);
    }

    public static Topology build(TopologySettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);

        KStream<String, Statement> statements = admit(builder, statementsSpec(settings), settings);
        KStream<String, StanceUpdate> stances = foldStances(statements, settings);
        publishStanceChanges(stances, settings);
        viewStancesByTopic(stances);

        KStream<String, Claim> claims = admit(builder, claimsSpec(settings), settings);
        KStream<String, ClaimUpdate> claimUpdates = foldClaims(claims, settings);
        publishClaimStatus(claimUpdates, settings);
        viewClaimsByParty(claimUpdates);
        viewClaimChangesByParty(claimUpdates);

        return builder.build();
    }

    // --- consume, decode, deduplicate -------------------------------------------------------------------------

    /** Consumes raw records, decodes and deduplicates them; refused records go to the dead-letter topic. */
    private static <T extends SpecificRecord> KStream<String, T> admit(StreamsBuilder builder, InputSpec<T> spec,
                                                                       TopologySettings settings) {
        KStream<String, Inbound<T>> inbound = deduplicate(decode(consume(builder, spec), spec, settings), spec);
        deadLetter(inbound, spec, settings);
        return accepted(inbound, spec);
    }

    private static <T extends SpecificRecord> KStream<byte[], byte[]> consume(StreamsBuilder builder,
                                                                            InputSpec<T> spec) {
        return builder.stream(spec.topic(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(spec.name() + "-source"));
    }

    private static <T extends SpecificRecord> KStream<String, Inbound<T>> decode(KStream<byte[], byte[]> raw,
                                                                                InputSpec<T> spec,
                                                                                TopologySettings settings) {
        return raw.process(() -> new DecodeProcessor<>(spec, settings.waits()), Named.as(spec.name() + "-decode"));
    }

    private static <T extends SpecificRecord> KStream<String, Inbound<T>> deduplicate(
            KStream<String, Inbound<T>> decoded, InputSpec<T> spec) {
        return decoded.process(() -> new DeduplicateProcessor<>(spec), Named.as(spec.name() + "-deduplicate"),
                spec.eventIdStore());
    }

    private static <T extends SpecificRecord> void deadLetter(KStream<String, Inbound<T>> inbound,
                                                              InputSpec<T> spec, TopologySettings settings) {
        inbound.flatMapValues(PartylineTopology::rejection, Named.as(spec.name() + "-rejected"))
                .process(() -> new DeadLetterProcessor(settings.meters()), Named.as(spec.name() + "-dead-letters"))
                .to(settings.topics().dlq(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(spec.name() + "-dead-letter-sink"));
    }

    private static <T extends SpecificRecord> KStream<String, T> accepted(KStream<String, Inbound<T>> inbound,
                                                                        InputSpec<T> spec) {
        return inbound.flatMapValues(PartylineTopology::<T>event, Named.as(spec.name() + "-accepted"));
    }

    private static <T> List<DeadLetter> rejection(Inbound<T> inbound) {
        return inbound instanceof Inbound.Rejected<T> rejected ? List.of(rejected.deadLetter()) : List.of();
    }

    private static <T> List<T> event(Inbound<T> inbound) {
        return inbound instanceof Inbound.Accepted<T> accepted ? List.of(accepted.event()) : List.of();
    }

    // --- fold --------------------------------------------------------------------------------------------------

    private static KStream<String, StanceUpdate> foldStances(KStream<String, Statement> statements,
                                                             TopologySettings settings) {
        return statements.process(() -> new StanceFoldProcessor(settings.topics().statements(), settings.meters()),
                Named.as("stances-fold"),
                StoreNames.STANCE_HISTORY, StoreNames.STANCE_CHANGE_HISTORY, StoreNames.STANCES,
                StoreNames.STATEMENT_EVENT_IDS, StoreNames.PARTY_STANCE_CHANGES);
    }

    private static KStream<String, ClaimUpdate> foldClaims(KStream<String, Claim> claims, TopologySettings settings) {
        return claims.process(() -> new ClaimFoldProcessor(settings.topics().claims(), settings.meters()),
                Named.as("claims-fold"), StoreNames.CLAIMS, StoreNames.CLAIM_POSITIONS, StoreNames.CLAIM_SIDES,
                StoreNames.CLAIM_HISTORY, StoreNames.CLAIM_CHANGE_HISTORY, StoreNames.CLAIM_EVENT_IDS);
    }

    // --- publish -----------------------------------------------------------------------------------------------

    private static void publishStanceChanges(KStream<String, StanceUpdate> stances, TopologySettings settings) {
        stances.flatMapValues(update -> listOf(update.currentChange()), Named.as("stance-changes-select"))
                .to(settings.topics().stanceChanges(),
                        Produced.with(WaitingSerde.of(settings.keySerde(), settings.waits()),
                                        WaitingSerde.of(settings.stanceChangeSerde(), settings.waits()))
                                .withName("stance-changes-sink"));
    }

    private static void publishClaimStatus(KStream<String, ClaimUpdate> claims, TopologySettings settings) {
        claims.flatMapValues(update -> listOf(update.statusChange()), Named.as("claim-status-select"))
                .to(settings.topics().claimStatus(),
                        Produced.with(WaitingSerde.of(settings.keySerde(), settings.waits()),
                                        WaitingSerde.of(settings.claimStatusSerde(), settings.waits()))
                                .withName("claim-status-sink"));
    }

    // --- re-keyed views ----------------------------------------------------------------------------------------

    private static void viewStancesByTopic(KStream<String, StanceUpdate> stances) {
        stances.flatMap((party, update) -> listOf(update.topicStance().map(ts -> KeyValue.pair(ts.getTopic(), ts))),
                        Named.as(STANCES_BY_TOPIC + "-select"))
                .repartition(Repartitioned.<String, TopicStance>as(STANCES_BY_TOPIC)
                        .withKeySerde(Serdes.String()).withValueSerde(AvroSerdes.binary(TopicStance.class)))
                .process(() -> new RekeyedViewWriter<>(StoreNames.TOPIC_STANCES, TopicStance::getParty),
                        Named.as(StoreNames.TOPIC_STANCES + "-write"), StoreNames.TOPIC_STANCES);
    }

    /**
     * Each party's small entry of a claim (its own position, the claim's status), re-keyed by party: one per event
     * for the event's party, and one per party on the claim when its status changes. A party's records of one claim
     * come from one task, in order, so the last one written is the current one.
     */
    private static void viewClaimsByParty(KStream<String, ClaimUpdate> claims) {
        claims.flatMap((claimId, update) -> update.partyClaims().stream()
                                .map(entry -> KeyValue.pair(entry.party(), entry.claim()))
                                .toList(),
                        Named.as(CLAIMS_BY_PARTY + "-select"))
                .repartition(Repartitioned.<String, PartyClaim>as(CLAIMS_BY_PARTY)
                        .withKeySerde(Serdes.String()).withValueSerde(AvroSerdes.binary(PartyClaim.class)))
                .process(() -> new RekeyedViewWriter<>(StoreNames.PARTY_CLAIMS, PartyClaim::getClaimId),
                        Named.as(StoreNames.PARTY_CLAIMS + "-write"), StoreNames.PARTY_CLAIMS);
    }

    /**
     * Every claim change the fold set (put, or none: a delete), re-keyed by its party, so that a party's changes
     * across claims are one prefix scan; a party's records of one claim come from one task, in order.
     */
    private static void viewClaimChangesByParty(KStream<String, ClaimUpdate> claims) {
        claims.flatMap((claimId, update) -> update.changes().stream()
                                .map(at -> KeyValue.pair(at.getParty(), at))
                                .toList(),
                        Named.as(CLAIM_CHANGES_BY_PARTY + "-select"))
                .repartition(Repartitioned.<String, ClaimChangeAt>as(CLAIM_CHANGES_BY_PARTY)
                        .withKeySerde(Serdes.String()).withValueSerde(AvroSerdes.binary(ClaimChangeAt.class)))
                .process(PartyClaimChangesWriter::new, Named.as(StoreNames.PARTY_CLAIM_CHANGES + "-write"),
                        StoreNames.PARTY_CLAIM_CHANGES);
    }

    // --- inputs and stores -------------------------------------------------------------------------------------

    private static InputSpec<Statement> statementsSpec(TopologySettings settings) {
        return new InputSpec<>("statements", settings.topics().statements(), settings.keyDeserializer(),
                settings.statementDeserializer(), InputRules::violation, InputRules::normalized,
                Statement::getEventId, StoreNames.STATEMENT_EVENT_IDS);
    }

    private static InputSpec<Claim> claimsSpec(TopologySettings settings) {
        return new InputSpec<>("claims", settings.topics().claims(), settings.keyDeserializer(),
                settings.claimDeserializer(), InputRules::violation, InputRules::normalized,
                Claim::getEventId, StoreNames.CLAIM_EVENT_IDS);
    }

    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(store(StoreNames.STATEMENT_EVENT_IDS, Serdes.ByteArray()));
        builder.addStateStore(store(StoreNames.STANCE_HISTORY, AvroSerdes.binary(StatementEntry.class)));
        builder.addStateStore(store(StoreNames.STANCE_CHANGE_HISTORY, AvroSerdes.binary(StanceChange.class)));
        builder.addStateStore(store(StoreNames.PARTY_STANCE_CHANGES, AvroSerdes.binary(StanceChange.class)));
        builder.addStateStore(cached(StoreNames.STANCES, AvroSerdes.binary(StanceSummary.class)));
        builder.addStateStore(cached(StoreNames.TOPIC_STANCES, AvroSerdes.binary(TopicStance.class)));
        builder.addStateStore(store(StoreNames.CLAIM_EVENT_IDS, Serdes.ByteArray()));
        builder.addStateStore(cached(StoreNames.CLAIMS, AvroSerdes.binary(ClaimSummary.class)));
        builder.addStateStore(cached(StoreNames.CLAIM_POSITIONS, AvroSerdes.binary(PartyPosition.class)));
        builder.addStateStore(store(StoreNames.CLAIM_SIDES, Serdes.ByteArray()));
        builder.addStateStore(store(StoreNames.PARTY_CLAIMS, AvroSerdes.binary(PartyClaim.class)));
        builder.addStateStore(store(StoreNames.CLAIM_HISTORY, AvroSerdes.binary(ClaimEntry.class)));
        builder.addStateStore(store(StoreNames.CLAIM_CHANGE_HISTORY, AvroSerdes.binary(ClaimChange.class)));
        builder.addStateStore(store(StoreNames.PARTY_CLAIM_CHANGES, AvroSerdes.binary(ClaimChange.class)));
    }

    /** A RocksDB store with string keys, its changelog enabled (segments as {@link InternalTopicConfigs} says). */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
                .withLoggingEnabled(InternalTopicConfigs.CHANGELOG);
    }

    /**
     * As {@link #store}, with Kafka Streams' record cache: for the stores whose keys the fold rewrites at nearly every
     * event (a (party, topic)'s summary, a claim's summary, a party's position on a claim), so that a key written
     * many times within a commit interval reaches RocksDB and its changelog once, at the commit. Reads, range scans and
     * interactive queries see the cache. The histories, whose keys are written once, go without, and so do
     * {@code claim-sides}, which the fold seeks at every event, and {@code party-claims}, in which the party list seeks
     * from party to party: a range over a cached store copies the cached keys in the range first.
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> cached(String name, Serde<V> valueSerde) {
        return store(name, valueSerde).withCachingEnabled();
    }

    private static <T> List<T> listOf(Optional<T> optional) {
        return optional.stream().toList();
    }
}
