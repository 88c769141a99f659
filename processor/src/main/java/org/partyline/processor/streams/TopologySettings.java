package org.partyline.processor.streams;

import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroDeserializer;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.AvroStringDeserializer;
import org.partyline.serde.SchemaRegistryClient;

/**
 * What the topology is built from: topic names, the serdes of the output topics and the deserializers of the
 * input topics (all in the Confluent wire format), the listener told of each folded event and dead letter
 * ({@link TopologyMeters#NONE} unless given), and where the stream threads wait for a schema registry that cannot
 * answer now ({@link DependencyWaits}, a fresh one unless given). Building it does no I/O: schemas are registered on first use.
 */
public record TopologySettings(
        TopicNames topics,
        Serde<String> keySerde,
        Serde<StanceChange> stanceChangeSerde,
        Serde<ClaimStatusChange> claimStatusSerde,
        Deserializer<String> keyDeserializer,
        Deserializer<Statement> statementDeserializer,
        Deserializer<Claim> claimDeserializer,
        TopologyMeters meters,
        DependencyWaits waits) {

    public TopologySettings {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(stanceChangeSerde, "stanceChangeSerde");
        Objects.requireNonNull(claimStatusSerde, "claimStatusSerde");
        Objects.requireNonNull(keyDeserializer, "keyDeserializer");
        Objects.requireNonNull(statementDeserializer, "statementDeserializer");
        Objects.requireNonNull(claimDeserializer, "claimDeserializer");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(waits, "waits");
    }

    /** Settings whose topology reports to nobody ({@link TopologyMeters#NONE}). */
    public TopologySettings(TopicNames topics, Serde<String> keySerde, Serde<StanceChange> stanceChangeSerde,
                            Serde<ClaimStatusChange> claimStatusSerde, Deserializer<String> keyDeserializer,
                            Deserializer<Statement> statementDeserializer, Deserializer<Claim> claimDeserializer) {
        this(topics, keySerde, stanceChangeSerde, claimStatusSerde, keyDeserializer, statementDeserializer,
                claimDeserializer, TopologyMeters.NONE, new DependencyWaits());
    }

    /** The settings of production: every topic in the wire format of the given registry. */
    public static TopologySettings withRegistry(TopicNames topics, SchemaRegistryClient registry) {
        return new TopologySettings(
                topics,
                AvroSerdes.stringKey(registry),
                AvroSerdes.value(StanceChange.class, registry),
                AvroSerdes.value(ClaimStatusChange.class, registry),
                new AvroStringDeserializer(registry),
                new AvroDeserializer<>(registry, Statement.class, false),
                new AvroDeserializer<>(registry, Claim.class, false));
    }

    /** The same settings, with a topology that reports each folded event and dead letter to {@code meters}. */
    public TopologySettings withMeters(TopologyMeters meters) {
        return new TopologySettings(topics, keySerde, stanceChangeSerde, claimStatusSerde, keyDeserializer,
                statementDeserializer, claimDeserializer, meters, waits);
    }

    /**
     * The same settings, with a topology whose stream threads report their waits for the schema registry to
     * {@code dependencyWaits} (which {@code /health/ready} and the metrics read).
     */
    public TopologySettings withWaits(DependencyWaits dependencyWaits) {
        return new TopologySettings(topics, keySerde, stanceChangeSerde, claimStatusSerde, keyDeserializer,
                statementDeserializer, claimDeserializer, meters, dependencyWaits);
    }
}
