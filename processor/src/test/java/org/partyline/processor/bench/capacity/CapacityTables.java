package org.partyline.processor.bench.capacity;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The figures of {@link CapacityRun}s as the Markdown tables of docs/capacity.md, one column per shape. */
final class CapacityTables {
    private static final double MIB = 1024.0 * 1024.0;
    /** Below this many events, rates and sizes per event say more about start-up and fixed costs than about events. */
    private static final long SMALL = 10_000;

    private CapacityTables() {
    }

    static String markdown(List<CapacityRun.Figures> runs, LocalDate date, List<String> flags) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%s, `java -jar` with no JVM options%s, %d cores, load at the end %s%n%n",
                date, flags.isEmpty() ? "" : " and " + String.join(" ", flags),
                Runtime.getRuntime().availableProcessors(), runs.isEmpty() ? "?" : runs.get(runs.size() - 1).load()));
        header(md, "figure", runs);
        if (runs.stream().anyMatch(r -> r.stopped() != null)) {
            row(md, "**stopped before the end**", runs, r -> r.stopped() == null ? "" : "**" + r.stopped() + "**");
        }
        row(md, "events (folded until the stop, when stopped)", runs, r -> String.format(Locale.ROOT, "%,d", r.events()));
        row(md, "start to READY", runs, r -> seconds(r.readySeconds()));
        row(md, "fold: from `publish` start until every view is folded", runs, r -> seconds(r.foldSeconds()));
        row(md, "`publish` alone, launch to exit", runs, r -> r.publishSeconds() < 0 ? "-" : seconds(r.publishSeconds()));
        row(md, "events per second", runs, r -> r.events() < SMALL ? "-"
                : String.format(Locale.ROOT, "%,.0f", r.eventsPerSecond()));
        row(md, "processor CPU during the fold (cores used on average)", runs,
                r -> String.format(Locale.ROOT, "%.1f s (%.2f)", r.cpuSeconds(), r.coresUsed()));
        row(md, "**events per second per core** (events / processor CPU seconds)", runs, r -> r.events() < SMALL
                ? "-" : String.format(Locale.ROOT, "**%,.0f**", r.eventsPerCpuSecond()));
        row(md, "RSS when READY, idle", runs, r -> mib(r.idleRssMib()));
        long previous = 0;
        for (long m : List.of(100_000L, 300_000L, 1_000_000L)) {
            if (runs.stream().anyMatch(r -> r.rssAtMilestones().containsKey(m))) {
                row(md, String.format(Locale.ROOT, "RSS at %,d events folded", m), runs,
                        r -> r.rssAtMilestones().containsKey(m) ? mib(r.rssAtMilestones().get(m).nowMib()) : "");
                row(md, String.format(Locale.ROOT, "RSS peak from %,d to %,d events folded", previous, m), runs,
                        r -> r.rssAtMilestones().containsKey(m) ? mib(r.rssAtMilestones().get(m).peakSinceMib()) : "");
            }
            previous = m;
        }
        row(md, "**RSS peak** (sampled every 0.5 s)", runs, r -> "**" + mib(r.peakRssMib()) + "**");
        row(md, "RSS at the end (after the page walk)", runs, r -> mib(r.finalRssMib()));
        row(md, "state dir once folded", runs, r -> disk(r.folded().total(), r.events()));
        row(md, "**state dir after the pause**", runs, r -> "**" + disk(r.settled().total(), r.events()) + "**");
        row(md, "of which Kafka Streams' stores", runs, r -> disk(r.settled().streams(), r.events()));
        row(md, "of which the embedded broker's topics", runs, r -> disk(r.settled().broker(), r.events()));
        row(md, "**pages**: every page walked, p50 / p99 / max", runs, r -> String.format(Locale.ROOT,
                "%d pages: %.1f / **%.1f** / %.0f ms", r.pages().pages(), r.pages().p50(), r.pages().p99(),
                r.pages().max()));
        row(md, "**largest page**", runs, r -> "**" + kib(r.pages().maxBytes()) + "**");

        List<CapacityRun.Figures> large = runs.stream().filter(r -> r.events() >= SMALL).toList();
        md.append(String.format(Locale.ROOT, "%nBytes on disk per event by topic (`du` of its partition directories), "
                + "once folded / after the pause:%n%n"));
        header(md, "topic", large);
        Map<String, long[]> folded = CapacityReport.byTopic(large, false);
        Map<String, long[]> settled = CapacityReport.byTopic(large, true);
        folded.keySet().stream().sorted(Comparator.comparingLong((String t) -> -max(folded.get(t))))
                .forEach(topic -> {
                    md.append("| `").append(topic).append("` |");
                    for (int i = 0; i < large.size(); i++) {
                        long events = large.get(i).events();
                        long after = settled.containsKey(topic) ? settled.get(topic)[i] : 0;
                        md.append(String.format(Locale.ROOT, " %,.0f / %,.0f |", (double) folded.get(topic)[i] / events,
                                (double) after / events));
                    }
                    md.append('\n');
                });

        for (CapacityRun.Figures run : runs) {
            md.append(String.format(Locale.ROOT, "%nPages at the %s shape (%s):%n%n", run.name(),
                    run.missingRoutes().isEmpty() ? "every route answered"
                            : "not served: " + String.join(", ", run.missingRoutes())));
            md.append("| route | pages | p50 | p99 | max | largest page |\n|---|---|---|---|---|---|\n");
            for (PageWalk.RouteFigures f : run.routes()) {
                md.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f ms | %.1f ms | %.1f ms | %s |%n",
                        f.route(), f.pages(), f.p50(), f.p99(), f.max(), kib(f.maxBytes())));
            }
        }
        return md.toString();
    }

    private static void header(StringBuilder md, String first, List<CapacityRun.Figures> runs) {
        md.append("| ").append(first).append(" |");
        runs.forEach(r -> md.append(' ').append(r.name()).append(" |"));
        md.append("\n|---|");
        runs.forEach(r -> md.append("---|"));
        md.append('\n');
    }

    private static void row(StringBuilder md, String name, List<CapacityRun.Figures> runs,
                            Function<CapacityRun.Figures, String> cell) {
        md.append("| ").append(name).append(" |");
        runs.forEach(r -> md.append(' ').append(cell.apply(r)).append(" |"));
        md.append('\n');
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String mib(double mib) {
        return String.format(Locale.ROOT, "%,.0f MiB", mib);
    }

    private static String kib(long bytes) {
        if (bytes < 10_240) {
            return String.format(Locale.ROOT, "%,d B", bytes);
        }
        return bytes >= MIB ? String.format(Locale.ROOT, "%.1f MiB", bytes / MIB)
                : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    /** A size, and per million events (for shapes of at least {@value #SMALL} events). */
    private static String disk(long bytes, long events) {
        if (events < SMALL) {
            return String.format(Locale.ROOT, "%,.0f MiB", bytes / MIB);
        }
        double perMillion = (double) bytes / events * 1_000_000 / (1024 * MIB);
        return String.format(Locale.ROOT, "%,.0f MiB (%.2f GiB per million events)", bytes / MIB, perMillion);
    }

    private static long max(long[] values) {
        long m = 0;
        for (long v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
