package org.partyline.processor.bench.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.partyline.processor.faults.JvmProcess;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The capacity table of docs/capacity.md in one command: for each shape (the demo's example, the 24-party shape of
 * the other benchmarks, the skewed archive of a newsroom) it generates the events with the producer jar's
 * {@code generate}, runs a {@link CapacityRun} (the processor jar as the README starts it, the file published with
 * {@code publish}) and prints the figures as Markdown tables.
 *
 * <pre>mvn -B -q -DskipTests install &amp;&amp; mvn -B -q -pl processor test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partyline.processor.bench.capacity.CapacityReport -Dexec.args="--out capacity.md"</pre>
 */
@Command(name = "capacity-report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures throughput, disk, memory and page latency of the processor jar at the demo's, the "
                + "benchmarks' and the archive's shape, and prints them as Markdown tables.")
public final class CapacityReport implements Callable<Integer> {
    private static final List<Long> MILESTONES = List.of(100_000L, 300_000L, 1_000_000L);

    @Option(names = "--shapes", split = ",", paramLabel = "SHAPE",
            description = "Shapes to measure, of demo, bench, archive (default: all).")
    List<String> shapes = List.of("demo", "bench", "archive");

    @Option(names = "--archive-events", paramLabel = "N",
            description = "Events of the archive shape; 1000000 also shows RSS at 100,000, 300,000 and 1,000,000 "
                    + "(default: ${DEFAULT-VALUE}).")
    long archiveEvents = 300_000;

    @Option(names = "--bench-events", paramLabel = "N",
            description = "Events of the 24-party shape (default: ${DEFAULT-VALUE}).")
    long benchEvents = 100_000;

    @Option(names = "--settle-seconds", paramLabel = "S",
            description = "Seconds to wait once folded before the disk is measured again and the pages walked "
                    + "(default: ${DEFAULT-VALUE}).")
    long settleSeconds = 65;

    @Option(names = "--busiest", paramLabel = "N",
            description = "Busiest parties, topics, (party, topic) pairs and claims whose pages are walked "
                    + "(default: ${DEFAULT-VALUE}).")
    int busiest = 10;

    @Option(names = "--spread", paramLabel = "N",
            description = "Further parties and topics, evenly spaced in name order, whose pages are walked "
                    + "(default: ${DEFAULT-VALUE}).")
    int spread = 30;

    @Option(names = "--max-pages", paramLabel = "N",
            description = "Pages followed at most in one walk of a list (default: ${DEFAULT-VALUE}).")
    int maxPages = 2_000;

    @Option(names = "--timeout-minutes", paramLabel = "M",
            description = "Longest wait for a shape to be folded (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes = 90;

    @Option(names = "--min-free-gb", paramLabel = "G",
            description = "Stop a shape, and report what was folded until then, when less than this much disk is "
                    + "left where the work dir is (default: ${DEFAULT-VALUE}).")
    double minFreeGb = 10;

    @Option(names = "--processor-flag", paramLabel = "FLAG",
            description = "A flag for the processor, repeat for several (--processor-flag=--partitions "
                    + "--processor-flag=2); none by default, as the README starts it.")
    List<String> processorFlags = new ArrayList<>();

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the events files, state dirs and logs go (default: a new temporary directory, "
                    + "kept).")
    Path workDir;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the tables to FILE.")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CapacityReport()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("partyline-capacity");
        System.out.printf("capacity report in %s; %d cores; load %s%n", dir, Runtime.getRuntime().availableProcessors(),
                CapacityRun.loadAverage());
        List<CapacityRun.Figures> figures = new ArrayList<>();
        for (String shape : shapes) {
            Path shapeDir = Files.createDirectories(dir.resolve(shape));
            Path events = events(shape, shapeDir);
            CapacityRun.Plan plan = new CapacityRun.Plan(label(shape), events, shapeDir, processorFlags,
                    Duration.ofSeconds(settleSeconds), MILESTONES, busiest, spread, maxPages,
                    Duration.ofMinutes(timeoutMinutes), (long) (minFreeGb * 1024 * 1024 * 1024));
            figures.add(new CapacityRun(plan).run());
            String tables = CapacityTables.markdown(figures, LocalDate.now(ZoneOffset.UTC), processorFlags);
            System.out.println();
            System.out.println(tables);
            if (out != null) {
                Files.writeString(out, tables);
            }
        }
        return 0;
    }

    private String label(String shape) {
        return switch (shape) {
            case "demo" -> "demo";
            case "bench" -> String.format(Locale.ROOT, "24 parties, %,d", benchEvents);
            case "archive" -> String.format(Locale.ROOT, "archive, %,d", archiveEvents);
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "unknown shape " + shape + ": demo, bench or archive");
        };
    }

    /** The events file of a shape: the demo's bundled example, or one written by the producer's generate. */
    private Path events(String shape, Path shapeDir) throws Exception {
        Path file = shapeDir.resolve("events.jsonl");
        List<String> generate = switch (shape) {
            case "demo" -> null;
            case "bench" -> List.of("--events", Long.toString(benchEvents), "--parties", "24", "--topics", "30",
                    "--claims", "60", "--skew", "0", "--years", "1", "--redeliveries", "0.05");
            case "archive" -> List.of("--events", Long.toString(archiveEvents));
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        };
        if (generate == null) {
            Files.copy(seedExample(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
        List<String> command = new ArrayList<>(List.of("-jar", JvmProcess.producerJar().toString(), "generate"));
        command.addAll(generate);
        command.addAll(List.of("--out", file.toString()));
        JvmProcess generator = JvmProcess.start("generate " + shape, List.of(), command, Map.of(),
                shapeDir.resolve("generate.log"));
        if (generator.awaitExit(Duration.ofMinutes(30)) != 0) {
            throw new IllegalStateException("generate failed: " + generator.logText());
        }
        System.out.printf("[%s] %s", shape, generator.logText());
        return file;
    }

    private static Path seedExample() throws IOException {
        for (Path p : List.of(Path.of("processor/src/main/resources/examples/seed-article.jsonl"),
                Path.of("src/main/resources/examples/seed-article.jsonl"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("run from the repository root: the demo's seed-article.jsonl is not found");
    }

    /** Bytes per event of each topic, largest first, over the shapes (for the table). */
    static Map<String, long[]> byTopic(List<CapacityRun.Figures> figures, boolean settled) {
        Map<String, long[]> rows = new TreeMap<>();
        for (int i = 0; i < figures.size(); i++) {
            DiskUsage usage = settled ? figures.get(i).settled() : figures.get(i).folded();
            for (var e : usage.byTopic().entrySet()) {
                rows.computeIfAbsent(e.getKey(), k -> new long[figures.size()])[i] = e.getValue();
            }
        }
        return rows;
    }
}
