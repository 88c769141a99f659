package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The heap guard asks for a collection when G1 has committed much more heap than the limit and than the last
 * collection left in use, not more often than its spacing allows, and stands aside when the command line sizes the
 * heap.
 */
class HeapGuardTest {
    private static final long MIB = 1024 * 1024;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private MemoryUsage usage;
    private MemoryUsage afterCollection;
    private int collected;
    private long nanos = 1_000_000_000_000L;

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private HeapGuard guard() {
        return new HeapGuard(() -> usage, () -> {
            collected++;
            usage = afterCollection;
        }, timer, () -> nanos);
    }

    private static MemoryUsage heap(long usedMiB, long committedMiB) {
        return new MemoryUsage(0, usedMiB * MIB, committedMiB * MIB, 6144 * MIB);
    }

    @Test
    void shouldCollectWhenTheCommittedHeapIsOverTheLimit() {
        HeapGuard guard = guard();
        usage = heap(300, 2000);
        afterCollection = heap(150, 220);
        guard.check();
        assertEquals(1, collected);
    }

    @Test
    void shouldLeaveAHeapUnderTheLimitAlone() {
        HeapGuard guard = guard();
        usage = heap(300, 400);
        guard.check();
        assertEquals(0, collected);
    }

    @Test
    void shouldNotCollectAgainWithinTheSpacing() {
        HeapGuard guard = guard();
        usage = heap(300, 2000);
        afterCollection = heap(150, 2000);
        guard.check();
        nanos += HeapGuard.MIN_SPACING.toNanos() - 1;
        guard.check();
        assertEquals(1, collected);
        nanos += 1;
        guard.check();
        assertEquals(2, collected);
    }

    @Test
    void shouldLeaveAHeapThatNeedsMoreThanHalfOfWhatItHasAlone() {
        HeapGuard guard = guard();
        usage = heap(900, 1000);
        afterCollection = heap(800, 1000);
        guard.check();
        nanos += HeapGuard.MIN_SPACING.toNanos();
        usage = heap(1000, 1500);
        guard.check();
        assertEquals(1, collected);
    }

    @Test
    void shouldStandAsideWhenTheCommandLineSizesTheHeap() {
        assertEquals(Optional.of("-Xmx512m"), HeapGuard.heapSizeOption(List.of("-Dx=y", "-Xmx512m")));
        assertEquals(Optional.of("-XX:MaxRAMPercentage=25"),
                HeapGuard.heapSizeOption(List.of("-XX:MaxRAMPercentage=25")));
        assertEquals(Optional.empty(), HeapGuard.heapSizeOption(List.of("-XX:NativeMemoryTracking=summary",
                "-XX:+UseG1GC")));
    }
}
