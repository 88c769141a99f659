package org.partyline.processor.query;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.partyline.processor.streams.PartylineTopology;

/**
 * {@link InstanceLocator} over the Kafka Streams metadata. A key is routed with the serializer of the topic that
 * partitions its store: the Avro string wire format of the input topics, or plain UTF-8 for the repartition
 * topics of {@code topic-stances} and {@code party-claims}. This instance is the one whose host AND port equal
 * its {@code application.server}.
 */
public final class StreamsInstanceLocator implements InstanceLocator {
    private final KafkaStreams streams;
    private final HostInfo self;
    private final Serializer<String> inputKeySerializer;
    private final ToIntFunction<String> partitionCount;

    /**
     * @param self               this instance's {@code application.server}
     * @param inputKeySerializer serializer of the input topics' keys ({@code AvroSerdes.stringKey(client).serializer()})
     * @param partitionCount     the number of partitions of each store (those of the input topic it derives from)
     */
    public StreamsInstanceLocator(KafkaStreams streams, HostInfo self, Serializer<String> inputKeySerializer,
                                  ToIntFunction<String> partitionCount) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.self = Objects.requireNonNull(self, "self");
        this.inputKeySerializer = Objects.requireNonNull(inputKeySerializer, "inputKeySerializer");
        this.partitionCount = Objects.requireNonNull(partitionCount, "partitionCount");
    }

    @Override
    public Instance self() {
        return new Instance(self.host(), self.port());
    }

    @Override
    public KeyOwner ownerOf(String store, String key) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key,
                    PartylineTopology.routingKeySerializer(store, inputKeySerializer));
        } catch (IllegalStateException | StreamsException e) {
            return new KeyOwner.Unavailable("Kafka Streams is " + streams.state() + ": " + e.getMessage(), -1,
                    List.of());
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new KeyOwner.Unavailable("no instance holds its partition yet (Kafka Streams is "
                    + streams.state() + ")", -1, List.of());
        }
        int partition = metadata.partition();
        List<Instance> standbys = metadata.standbyHosts().stream().map(h -> new Instance(h.host(), h.port()))
                .sorted(Comparator.comparing(Instance::host).thenComparingInt(Instance::port)).toList();
        HostInfo active = metadata.activeHost();
        if (active == null || active.port() < 0) {
            return new KeyOwner.Unavailable("no instance holds partition " + partition + " yet (Kafka Streams is "
                    + streams.state() + ")", partition, standbys);
        }
        if (active.host().equals(self.host()) && active.port() == self.port()) {
            return new KeyOwner.Local(partition, standbys);
        }
        return new KeyOwner.Remote(new Instance(active.host(), active.port()), partition, standbys);
    }

    @Override
    public int partitionCount(String store) {
        return partitionCount.applyAsInt(store);
    }

    @Override
    public List<InstanceInfo> instances() {
        Collection<StreamsMetadata> all;
        try {
            all = streams.metadataForAllStreamsClients();
        } catch (IllegalStateException | StreamsException e) {
            all = List.of();
        }
        List<InstanceInfo> infos = all.stream().map(this::info)
                .sorted(Comparator.comparing(InstanceInfo::host).thenComparingInt(InstanceInfo::port))
                .collect(Collectors.toList());
        if (infos.stream().noneMatch(InstanceInfo::self)) {
            infos.add(0, new InstanceInfo(self.host(), self.port(), true, List.of(), List.of(), List.of(), List.of()));
        }
        return List.copyOf(infos);
    }

    private InstanceInfo info(StreamsMetadata m) {
        boolean isSelf = m.host().equals(self.host()) && m.port() == self.port();
        return new InstanceInfo(m.host(), m.port(), isSelf, sorted(m.stateStoreNames()), partitions(m.topicPartitions()),
                sorted(m.standbyStateStoreNames()), partitions(m.standbyTopicPartitions()));
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static List<String> partitions(Set<TopicPartition> partitions) {
        return partitions.stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .map(TopicPartition::toString).toList();
    }
}
