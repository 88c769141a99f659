package org.partyline.processor.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How the change feed runs.
 *
 * @param clientBuffer how many events may wait for one client before it is cut off as too slow
 * @param refresh      how often the feed looks for partitions added to the change topics since it started
 * @param retryBackoff how long the feed waits before trying again after Kafka or the schema registry failed
 */
public record FeedSettings(int clientBuffer, Duration refresh, Duration retryBackoff) {
    public static final int DEFAULT_CLIENT_BUFFER = 1000;

    public FeedSettings {
        if (clientBuffer < 1) {
            throw new IllegalArgumentException("the buffer of each client holds at least 1 event, not " + clientBuffer);
        }
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
    }

    /** 1,000 events per client, partitions looked up every 30 s, 1 s between retries. */
    public static FeedSettings defaults() {
        return new FeedSettings(DEFAULT_CLIENT_BUFFER, Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    public FeedSettings withClientBuffer(int events) {
        return new FeedSettings(events, refresh, retryBackoff);
    }

    public FeedSettings withRefresh(Duration interval) {
        return new FeedSettings(clientBuffer, interval, retryBackoff);
    }
}
