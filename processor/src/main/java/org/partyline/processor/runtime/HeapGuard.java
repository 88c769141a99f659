package org.partyline.processor.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the heap of a processor started without a heap size ({@code java -jar}, as the README starts it) near what it
 * uses. The JVM's default maximum heap is a quarter of the machine's memory, and G1 grows the heap whenever its pauses
 * take more than a small share of the time, as they do on a busy machine, but gives memory back only after a full
 * collection or a marking cycle, which a heap far larger than its live objects seldom needs: the heap of a processor
 * folding a large archive grew past 2 GiB with about 200 MiB in use.
 *
 * <p>So, when the command line sets no heap size and the collector is G1, this lowers two of the JVM's manageable flags
 * (through {@link HotSpotDiagnosticMXBean}): {@code MaxHeapFreeRatio} to {@value #MAX_HEAP_FREE_RATIO} %, so that a
 * collection gives back what is more than that share free, and {@code G1PeriodicGCInterval} to a minute, so that an
 * idle processor gives memory back too. Every {@link #CHECK_INTERVAL} it compares the committed heap with
 * {@link #COMMITTED_LIMIT} (and with twice what the last collection left in use, so a heap that needs more is left
 * alone); when the heap is over both, it asks for a collection ({@link System#gc()}, G1's parallel full collection),
 * at most once per {@link #MIN_SPACING}. A heap size given on the command line ({@code -Xmx}, {@code -XX:MaxRAMPercentage},
 * ...) turns all of this off: the operator sizes the heap.
 */
public final class HeapGuard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeapGuard.class);
    static final int MAX_HEAP_FREE_RATIO = 30;
    static final int MIN_HEAP_FREE_RATIO = 10;
    static final long COMMITTED_LIMIT = 448L * 1024 * 1024;
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);
    static final Duration MIN_SPACING = Duration.ofSeconds(5);
    static final Duration PERIODIC_GC_INTERVAL = Duration.ofMinutes(1);
    private static final List<String> HEAP_SIZE_OPTIONS = List.of("-Xmx", "-XX:MaxHeapSize", "-XX:MaxRAM",
            "-XX:MaxRAMPercentage", "-XX:MaxRAMFraction", "-XX:SoftMaxHeapSize");

    private final Supplier<MemoryUsage> heap;
    private final Runnable collect;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoTime;
    private long lastCollectedNanos;
    private long usedAfterCollection;
    private long collections;

    HeapGuard(Supplier<MemoryUsage> heap, Runnable collect, ScheduledExecutorService timer, LongSupplier nanoTime) {
        this.heap = heap;
        this.collect = collect;
        this.timer = timer;
        this.nanoTime = nanoTime;
        this.lastCollectedNanos = nanoTime.getAsLong() - MIN_SPACING.toNanos();
    }

    /**
     * Starts the guard when the JVM's command line sets no heap size and the collector is G1; empty otherwise (the
     * log says why).
     */
    public static Optional<HeapGuard> startUnlessSized() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<String> sized = heapSizeOption(arguments);
        if (sized.isPresent()) {
            LOG.info("Heap sized on the command line ({}): the processor leaves the heap to the JVM", sized.get());
            return Optional.empty();
        }
        boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(gc -> gc.getName().startsWith("G1"));
        if (!g1) {
            return Optional.empty();
        }
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        vm.setVMOption("MinHeapFreeRatio", Integer.toString(MIN_HEAP_FREE_RATIO));
        vm.setVMOption("MaxHeapFreeRatio", Integer.toString(MAX_HEAP_FREE_RATIO));
        vm.setVMOption("G1PeriodicGCInterval", Long.toString(PERIODIC_GC_INTERVAL.toMillis()));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "partyline-heap-guard");
            t.setDaemon(true);
            return t;
        });
        HeapGuard guard = new HeapGuard(ManagementFactory.getMemoryMXBean()::getHeapMemoryUsage, System::gc, timer,
                System::nanoTime);
        timer.scheduleWithFixedDelay(guard::check, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("No heap size on the command line: the processor keeps the committed heap near {} MiB when it"
                + " can (MaxHeapFreeRatio {}); give -Xmx to size it yourself", COMMITTED_LIMIT >> 20,
                MAX_HEAP_FREE_RATIO);
        return Optional.of(guard);
    }

    /** The first option of {@code arguments} that sets the heap's size, if any. */
    static Optional<String> heapSizeOption(List<String> arguments) {
        return arguments.stream()
                .filter(a -> HEAP_SIZE_OPTIONS.stream().anyMatch(o -> a.startsWith(o + (o.startsWith("-XX:") ? "=" : ""))))
                .findFirst();
    }

    /** One check: a collection when the committed heap is over the limit and over twice the last one's leftover. */
    void check() {
        MemoryUsage now = heap.get();
        long committed = now.getCommitted();
        if (committed <= COMMITTED_LIMIT || committed <= 2 * usedAfterCollection
                || nanoTime.getAsLong() - lastCollectedNanos < MIN_SPACING.toNanos()) {
            return;
        }
        long started = nanoTime.getAsLong();
        collect.run();
        lastCollectedNanos = nanoTime.getAsLong();
        MemoryUsage after = heap.get();
        usedAfterCollection = after.getUsed();
        collections++;
        LOG.debug("Heap committed {} MiB over {} MiB: collected in {} ms, {} MiB in use, {} MiB committed",
                committed >> 20, COMMITTED_LIMIT >> 20, TimeUnit.NANOSECONDS.toMillis(lastCollectedNanos - started),
                after.getUsed() >> 20, after.getCommitted() >> 20);
    }

    /** Collections asked for so far. */
    long collections() {
        return collections;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
