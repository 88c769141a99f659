package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProbesTest {
    private static final Set<State> LIVE = Set.of(State.CREATED, State.REBALANCING, State.RUNNING);
    private static final Set<State> PROCESSING = Set.of(State.REBALANCING, State.RUNNING);

    @ParameterizedTest
    @EnumSource(State.class)
    void shouldBeLiveUnlessFailedOrShuttingDown(State state) {
        assertEquals(LIVE.contains(state), Probes.live(state));
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void shouldBeProcessingWhileRunningOrRebalancing(State state) {
        assertEquals(PROCESSING.contains(state), Probes.processing(state));
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void shouldBeReadyOnlyWhenRunningWithQueryableStores(State state) {
        Optional<String> notReady = Probes.notReady(state, Optional.empty());
        assertEquals(state != State.RUNNING, notReady.isPresent(), () -> state + " -> " + notReady);
        notReady.ifPresent(reason -> assertEquals("Kafka Streams is " + state + ", not RUNNING", reason));
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void shouldNotBeReadyWhileAStoreDoesNotOpen(State state) {
        Optional<String> notReady = Probes.notReady(state, Optional.of("store claims is not queryable"));
        assertEquals(state == State.RUNNING ? Optional.of("store claims is not queryable")
                : Optional.of("Kafka Streams is " + state + ", not RUNNING"), notReady);
    }
}
