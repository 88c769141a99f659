package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.partyline.serde.RegistryException;
import org.partyline.serde.RegistryUnavailableException;

class DependencyWaitsTest {
    private final DependencyWaits waits = new DependencyWaits(Duration.ofSeconds(5), Duration.ofMillis(1),
            Duration.ofMillis(4));

    @Test
    void shouldRetryUntilTheRegistryAnswersAndSayWhyMeanwhile() {
        AtomicInteger calls = new AtomicInteger();
        List<Optional<String>> reasons = new ArrayList<>();

        String result = waits.await("statements-0@7", () -> {
            reasons.add(waits.reason());
            if (calls.incrementAndGet() <= 3) {
                throw unavailable(503);
            }
            return "decoded";
        });

        assertEquals("decoded", result);
        assertEquals(4, calls.get());
        assertEquals(Optional.empty(), reasons.get(0));
        assertEquals(Optional.of("waiting for the schema registry: cannot fetch schema id 7: registry answered "
                + "HTTP 503"), reasons.get(3));
        assertEquals(Optional.empty(), waits.reason());
        assertFalse(waits.waiting(DependencyWaits.SCHEMA_REGISTRY));
    }

    @Test
    void shouldShowTheWaitWhileItLasts() {
        AtomicInteger calls = new AtomicInteger();
        List<Boolean> waiting = new ArrayList<>();

        waits.await("claims-1@0", () -> {
            waiting.add(waits.waiting(DependencyWaits.SCHEMA_REGISTRY));
            if (calls.incrementAndGet() == 1) {
                throw unavailable(0);
            }
            return 1;
        });

        assertEquals(List.of(false, true), waiting);
        assertFalse(waits.waiting(DependencyWaits.SCHEMA_REGISTRY));
    }

    @Test
    void shouldCallARefusingRegistryAConfigurationError() {
        AtomicInteger calls = new AtomicInteger();
        List<Optional<String>> reasons = new ArrayList<>();

        waits.await("statements-2@9", () -> {
            reasons.add(waits.reason());
            if (calls.incrementAndGet() == 1) {
                throw unavailable(401);
            }
            return 1;
        });

        assertEquals(Optional.of("waiting for the schema registry: configuration error, the registry refuses this "
                + "client: cannot fetch schema id 7: registry answered HTTP 401"), reasons.get(1));
    }

    @Test
    void shouldPassABadRecordThroughAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        SerializationException bad = new SerializationException("unknown schema id 7");

        SerializationException thrown = assertThrows(SerializationException.class, () -> waits.await("s-0@1", () -> {
            calls.incrementAndGet();
            throw bad;
        }));

        assertEquals(bad, thrown);
        assertEquals(1, calls.get());
        assertEquals(Optional.empty(), waits.reason());
    }

    @Test
    void shouldGiveUpWhenThePatienceRunsOut() {
        DependencyWaits impatient = new DependencyWaits(Duration.ofMillis(50), Duration.ofMillis(5),
                Duration.ofMillis(10));

        DependencyWaits.GaveUp gaveUp = assertThrows(DependencyWaits.GaveUp.class,
                () -> impatient.await("statements-0@3", () -> {
                    throw unavailable(502);
                }));

        assertTrue(gaveUp.getMessage().startsWith("statements-0@3: the schema registry did not come back within 0 s"),
                gaveUp.getMessage());
        assertFalse(impatient.waiting(DependencyWaits.SCHEMA_REGISTRY));
    }

    @Test
    void shouldStopWaitingOnShutdown() {
        waits.stop();

        DependencyWaits.GaveUp gaveUp = assertThrows(DependencyWaits.GaveUp.class,
                () -> waits.await("claims-0@4", () -> {
                    throw unavailable(503);
                }));

        assertEquals("claims-0@4: shutting down while waiting for the schema registry", gaveUp.getMessage());
    }

    private static RegistryUnavailableException unavailable(int status) {
        String answer = status == 0 ? "no answer" : "registry answered HTTP " + status;
        return new RegistryUnavailableException("cannot fetch schema id 7: " + answer,
                new RegistryException(answer, "http://registry:8081", status, RegistryException.NO_ERROR_CODE));
    }
}
