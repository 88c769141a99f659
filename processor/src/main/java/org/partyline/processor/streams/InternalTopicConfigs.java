package org.partyline.processor.streams;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Topic settings of the internal topics Kafka Streams creates, chosen so that their disk stays bounded.
 *
 * <p>Repartition topics (through the {@code topic.} prefix): Kafka Streams deletes what it has read and committed
 * every {@link #REPARTITION_PURGE_INTERVAL_MS} ms, but a broker frees only whole segments that are no longer written
 * to, so a segment rolls after {@link #SEGMENT_MS} ms or {@link #SEGMENT_BYTES} bytes, and a deleted segment's files
 * go {@link #FILE_DELETE_DELAY_MS} ms later (a broker checks for such segments every
 * {@code log.retention.check.interval.ms}: the embedded broker every 10 s). Purged data leaves the disk within a
 * minute.
 *
 * <p>Changelogs (compacted): the segment being written is never compacted, so they roll at {@link #CHANGELOG_SEGMENT_BYTES}
 * bytes or after {@link #CHANGELOG_SEGMENT_MS} ms instead of Kafka's 1 GiB or a week, and the keys the fold rewrites
 * (a stance, a claim's view) keep only their latest value on disk.
 */
public final class InternalTopicConfigs {
    public static final int SEGMENT_BYTES = 16 * 1024 * 1024;
    public static final long SEGMENT_MS = 15_000;
    public static final long FILE_DELETE_DELAY_MS = 5_000;
    public static final long REPARTITION_PURGE_INTERVAL_MS = 10_000;
    public static final int CHANGELOG_SEGMENT_BYTES = 32 * 1024 * 1024;
    public static final long CHANGELOG_SEGMENT_MS = 10 * 60_000;

    /** Settings of every internal topic, given to Kafka Streams with the {@code topic.} prefix. */
    public static final Map<String, String> ALL = Map.of(
            TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(SEGMENT_BYTES),
            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(SEGMENT_MS),
            TopicConfig.FILE_DELETE_DELAY_MS_CONFIG, Long.toString(FILE_DELETE_DELAY_MS));

    /** Settings of each changelog, winning over {@link #ALL}. */
    public static final Map<String, String> CHANGELOG = Map.of(
            TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(CHANGELOG_SEGMENT_BYTES),
            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(CHANGELOG_SEGMENT_MS));

    private InternalTopicConfigs() {
    }
}
