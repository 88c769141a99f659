package org.partyline.processor.bench.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a process from outside, as an operator would: its resident memory (VmRSS of {@code /proc/PID/status}) every
 * half second on a thread of its own, keeping the peak; its CPU time (user and system, all threads) on demand.
 */
final class ProcessSampler implements AutoCloseable {
    private final long pid;
    private final Thread thread;
    private final AtomicLong peakKb = new AtomicLong();
    private final AtomicLong lastKb = new AtomicLong();
    private final AtomicLong windowPeakKb = new AtomicLong();
    private volatile boolean running = true;

    ProcessSampler(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::loop, "rss-sampler-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            rssKb().ifPresent(kb -> {
                lastKb.set(kb);
                peakKb.accumulateAndGet(kb, Math::max);
                windowPeakKb.accumulateAndGet(kb, Math::max);
            });
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** VmRSS now, in KiB, if the process still runs. */
    Optional<Long> rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The highest VmRSS sampled so far, in MiB. */
    double peakMib() {
        return peakKb.get() / 1024.0;
    }

    /** The highest VmRSS sampled since the last call (or the start), in MiB; the next window starts now. */
    double takeWindowPeakMib() {
        return windowPeakKb.getAndSet(lastKb.get()) / 1024.0;
    }

    /** VmRSS now (or the last sample), in MiB. */
    double currentMib() {
        return rssKb().orElse(lastKb.get()) / 1024.0;
    }

    /** CPU time the process has used so far, all its threads. */
    Duration cpu() {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2_000);
    }
}
