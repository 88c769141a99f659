package org.partyline.processor.bench.capacity;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.partyline.processor.faults.ConsumerGroupLag;
import org.partyline.processor.faults.JvmProcess;

/**
 * One shape measured as a user runs Partyline: a fresh {@code --state-dir}, the processor jar started as the README
 * starts it ({@code java -jar}, no JVM options, its embedded broker and registry; only the ports are chosen free),
 * the events file published with the producer jar's {@code publish}, and then:
 * <ul>
 *   <li>folded: from the start of {@code publish} until the processor's group has committed the end of the inputs
 *   and of its repartition topics, with the processor's CPU time over the same span;</li>
 *   <li>memory: the process's VmRSS, sampled every half second (peak, at milestones of events folded, at the end);</li>
 *   <li>disk: {@code du} of the state dir, the stores and the broker's topics, once folded and after a pause in which
 *   the broker may drop what Kafka Streams has purged;</li>
 *   <li>pages: every list route walked page by page, for the busiest parties and topics and a spread of the rest.</li>
 * </ul>
 */
final class CapacityRun {
    private static final Pattern READY = Pattern.compile(
            "(?m)^READY api=(\\S+) bootstrap=(\\S+) schema-registry=(\\S+)");
    private static final Pattern PUBLISHED = Pattern.compile("published (\\d+), rejected (\\d+)");
    private static final String APPLICATION_ID = "partyline";

    /** What to measure: a name, the events file, and how long to wait after folding. */
    record Plan(String name, Path events, Path dir, List<String> processorFlags, Duration settle,
                List<Long> milestones, int busiest, int spread, int maxPages, Duration timeout, long minFreeBytes) {
    }

    /** RSS as the fold passed a milestone, and the highest RSS sampled since the previous milestone (or READY). */
    record RssAt(double nowMib, double peakSinceMib) {
    }

    /** What was measured. */
    record Figures(String name, long events, double readySeconds, double idleRssMib, double publishSeconds,
                   double foldSeconds, double cpuSeconds, Map<Long, RssAt> rssAtMilestones, DiskUsage folded,
                   DiskUsage settled, double peakRssMib, double finalRssMib, List<PageWalk.RouteFigures> routes,
                   PageWalk.RouteFigures pages, List<String> missingRoutes, String load, String stopped) {
        double coresUsed() {
            return cpuSeconds / foldSeconds;
        }

        double eventsPerSecond() {
            return events / foldSeconds;
        }

        double eventsPerCpuSecond() {
            return events / cpuSeconds;
        }
    }

    private final Plan plan;

    CapacityRun(Plan plan) {
        this.plan = plan;
    }

    Figures run() throws Exception {
        Census census = Census.of(plan.events());
        Path stateDir = plan.dir().resolve("state");
        List<String> command = new ArrayList<>(List.of("-jar", JvmProcess.processorJar().toString(),
                "--state-dir", stateDir.toString(), "--http-port", "0", "--kafka-port", "0", "--registry-port", "0"));
        command.addAll(plan.processorFlags());
        long launched = System.nanoTime();
        try (JvmProcess processor = JvmProcess.start("processor " + plan.name(), List.of(), command, Map.of(),
                plan.dir().resolve("processor.log"));
             ProcessSampler sampler = new ProcessSampler(processor.pid())) {
            Matcher ready = processor.awaitLine(READY, Duration.ofMinutes(3));
            double readySeconds = (System.nanoTime() - launched) / 1e9;
            URI api = URI.create(ready.group(1) + "/");
            String bootstrap = ready.group(2);
            String registry = ready.group(3);
            double idleRss = sampler.currentMib();
            progress("READY in %.1f s, RSS %.0f MiB; publishing %,d lines", readySeconds, idleRss, census.lines());

            long cpuStart = sampler.cpu().toNanos();
            long start = System.nanoTime();
            Map<Long, RssAt> rssAt = new LinkedHashMap<>();
            double publishSeconds;
            try (JvmProcess publish = JvmProcess.start("publish " + plan.name(), List.of(), List.of("-jar",
                    JvmProcess.producerJar().toString(), "publish", plan.events().toString(), "--bootstrap-servers",
                    bootstrap, "--schema-registry-url", registry), Map.of(), plan.dir().resolve("publish.log"))) {
                publishSeconds = awaitInputsFolded(bootstrap, census.lines(), publish, sampler, rssAt, start);
                awaitRepartitionsCommitted(bootstrap, census.lines(), start);
            } catch (DiskLow low) {
                Figures figures = stopped(low, sampler, stateDir, readySeconds, idleRss, rssAt, start, cpuStart);
                processor.stop(Duration.ofSeconds(60));
                return figures;
            }
            double foldSeconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (sampler.cpu().toNanos() - cpuStart) / 1e9;
            DiskUsage folded = DiskUsage.of(stateDir);
            progress("folded in %.1f s (%.1f s of CPU); state dir %,.0f MiB; RSS %.0f MiB; waiting %d s",
                    foldSeconds, cpuSeconds, folded.total() / 1048576.0, sampler.currentMib(),
                    plan.settle().toSeconds());
            Thread.sleep(plan.settle().toMillis());
            DiskUsage settled = DiskUsage.of(stateDir);
            PageWalk walk = walk(api, census);
            double finalRss = sampler.currentMib();
            progress("walked %d pages; RSS %.0f MiB (peak %.0f)", walk.overall().pages(), finalRss,
                    sampler.peakMib());
            Figures figures = new Figures(plan.name(), census.lines(), readySeconds, idleRss, publishSeconds,
                    foldSeconds, cpuSeconds, rssAt, folded, settled, sampler.peakMib(), finalRss, walk.figures(),
                    walk.overall(), walk.missing(), loadAverage(), null);
            processor.stop(Duration.ofSeconds(60));
            return figures;
        }
    }

    /** The disk ran low before the events were folded: what was folded and measured until then. */
    private static final class DiskLow extends Exception {
        private final long committed;

        DiskLow(long committed, String message) {
            super(message);
            this.committed = committed;
        }
    }

    private Figures stopped(DiskLow low, ProcessSampler sampler, Path stateDir, double readySeconds, double idleRss,
                            Map<Long, RssAt> rssAt, long start, long cpuStart) throws Exception {
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (sampler.cpu().toNanos() - cpuStart) / 1e9;
        DiskUsage usage = DiskUsage.of(stateDir);
        progress("STOPPED: %s", low.getMessage());
        PageWalk.RouteFigures none = new PageWalk.RouteFigures("every page", 0, 0, 0, 0, 0);
        return new Figures(plan.name(), low.committed, readySeconds, idleRss, -1, seconds, cpuSeconds, rssAt, usage,
                usage, sampler.peakMib(), sampler.currentMib(), List.of(), none, List.of(), loadAverage(),
                low.getMessage());
    }

    /**
     * Waits until {@code publish} has ended with every line published and the group has committed the end of the
     * inputs, noting RSS as the committed count passes each milestone; returns how long {@code publish} took.
     */
    private double awaitInputsFolded(String bootstrap, long lines, JvmProcess publish, ProcessSampler sampler,
                                     Map<Long, RssAt> rssAt, long start) throws Exception, DiskLow {
        double publishSeconds = -1;
        long deadline = start + plan.timeout().toNanos();
        try (ConsumerGroupLag lag = ConsumerGroupLag.onInputs(bootstrap, APPLICATION_ID)) {
            while (true) {
                if (publishSeconds < 0 && !publish.isAlive()) {
                    publishSeconds = (System.nanoTime() - start) / 1e9;
                    Matcher m = PUBLISHED.matcher(publish.logText());
                    if (publish.awaitExit(Duration.ofSeconds(5)) != 0 || !m.find()
                            || Long.parseLong(m.group(1)) != lines) {
                        throw new IllegalStateException("publish of " + plan.events() + " failed: "
                                + publish.logText());
                    }
                    progress("published %,d lines in %.1f s", lines, publishSeconds);
                }
                long end = lag.endOffsets();
                long committed = end - lag.lag();
                for (long m : plan.milestones()) {
                    if (committed >= m && !rssAt.containsKey(m)) {
                        rssAt.put(m, new RssAt(sampler.currentMib(), sampler.takeWindowPeakMib()));
                        progress("%,d events folded: RSS %.0f MiB, peak since the last milestone %.0f MiB", m,
                                rssAt.get(m).nowMib(), rssAt.get(m).peakSinceMib());
                    }
                }
                if (publishSeconds >= 0 && end >= lines && committed >= end) {
                    return publishSeconds;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(plan.name() + ": " + committed + " of " + lines
                            + " input records committed after " + plan.timeout().toMinutes() + " min");
                }
                checkDisk(committed, lines, start, "");
                Thread.sleep(500);
            }
        }
    }

    /** Fails with {@link DiskLow} when less than the plan's minimum is left on the work dir's disk. */
    private void checkDisk(long committed, long lines, long start, String what) throws IOException, DiskLow {
        long free = Files.getFileStore(plan.dir()).getUsableSpace();
        if (free < plan.minFreeBytes()) {
            throw new DiskLow(committed, String.format(Locale.ROOT, "stopped after %.0f s with %,d of %,d events "
                    + "folded%s: %.1f GiB left on the disk of %s", (System.nanoTime() - start) / 1e9, committed,
                    lines, what, free / 1073741824.0, plan.dir()));
        }
    }

    /** Waits until the group has committed the end of its repartition topics twice in a row, a second apart. */
    private void awaitRepartitionsCommitted(String bootstrap, long lines, long start) throws Exception, DiskLow {
        List<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(APPLICATION_ID + "-") && t.endsWith("-repartition")).toList();
        }
        long deadline = System.nanoTime() + plan.timeout().toNanos();
        try (ConsumerGroupLag lag = new ConsumerGroupLag(bootstrap, APPLICATION_ID, topics)) {
            int caughtUp = 0;
            while (caughtUp < 2) {
                caughtUp = lag.lag() == 0 ? caughtUp + 1 : 0;
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(plan.name() + ": repartition topics not committed");
                }
                checkDisk(lines, lines, start, " (inputs), not yet the re-keyed views");
                Thread.sleep(1_000);
            }
        }
    }

    /**
     * Every list route for the busiest names and a spread of the rest, page by page, after a first page of each
     * route for a warm-up that is not counted (the first requests after start-up load classes and connections).
     */
    private PageWalk walk(URI api, Census census) throws Exception {
        PageWalk warmUp = new PageWalk(api, 1);
        String busiest = Census.sample(census.parties(), 1, 0).get(0);
        List<String> warmUpPaths = new ArrayList<>(List.of("api/parties", "api/claims?status=CONTESTED"));
        for (String list : List.of("stances", "changes", "contested-claims", "claim-changes", "agreement")) {
            warmUpPaths.add("api/parties/" + busiest + "/" + list);
        }
        for (String path : warmUpPaths) {
            warmUp.walk(path, path);
        }
        PageWalk walk = new PageWalk(api, plan.maxPages());
        walk.walk("/api/parties", "api/parties");
        walk.walk("/api/topics", "api/topics");
        walk.walk("/api/claims", "api/claims");
        walk.walk("/api/claims?status=CONTESTED", "api/claims?status=CONTESTED");
        for (String party : Census.sample(census.parties(), plan.busiest(), plan.spread())) {
            for (String list : List.of("stances", "changes", "contested-claims", "claim-changes", "agreement")) {
                walk.walk("/api/parties/{party}/" + list, "api/parties/" + party + "/" + list);
            }
        }
        for (String topic : Census.sample(census.topics(), plan.busiest(), plan.spread())) {
            walk.walk("/api/topics/{topic}/stances", "api/topics/" + topic + "/stances");
        }
        for (String pair : Census.sample(census.partyTopics(), plan.busiest(), 0)) {
            String[] parts = pair.split("/", 2);
            walk.walk("/api/parties/{party}/stances/{topic}", "api/parties/" + parts[0] + "/stances/" + parts[1]);
        }
        for (String claim : Census.sample(census.claims(), plan.busiest(), 0)) {
            walk.walk("/api/claims/{claimId} (one claim, not a list)", "api/claims/" + claim);
        }
        return walk;
    }

    private void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s] " + format + " | load %s%n", prepend(plan.name(), args));
    }

    private static Object[] prepend(String first, Object[] rest) {
        Object[] all = new Object[rest.length + 2];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        all[all.length - 1] = loadAverage();
        return all;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
