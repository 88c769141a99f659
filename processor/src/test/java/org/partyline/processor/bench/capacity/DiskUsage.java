package org.partyline.processor.bench.capacity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a processor's {@code --state-dir} holds on disk, as {@code du} counts it (blocks in use, so the sparse index
 * files Kafka preallocates count only for what they hold): the whole directory, Kafka Streams' stores
 * ({@code streams/}), the embedded broker's logs ({@code kafka/}), and the broker's bytes by topic, the partition
 * directories ({@code TOPIC-N}) of each topic summed.
 */
record DiskUsage(long total, long streams, long broker, Map<String, Long> byTopic) {
    private static final Pattern PARTITION_DIR = Pattern.compile("(.+)-(\\d+)");

    static DiskUsage of(Path stateDir) throws IOException, InterruptedException {
        Path kafka = stateDir.resolve("kafka");
        List<Path> partitions = new ArrayList<>();
        if (Files.isDirectory(kafka)) {
            try (Stream<Path> dirs = Files.walk(kafka, 2)) {
                dirs.filter(Files::isDirectory)
                        .filter(d -> PARTITION_DIR.matcher(d.getFileName().toString()).matches() && hasLogSegment(d))
                        .forEach(partitions::add);
            }
        }
        List<Path> all = new ArrayList<>(List.of(stateDir, stateDir.resolve("streams"), kafka));
        all.addAll(partitions);
        Map<Path, Long> bytes = du(all);
        Map<String, Long> byTopic = new TreeMap<>();
        for (Path p : partitions) {
            Matcher m = PARTITION_DIR.matcher(p.getFileName().toString());
            if (m.matches()) {
                byTopic.merge(m.group(1), bytes.getOrDefault(p, 0L), Long::sum);
            }
        }
        return new DiskUsage(bytes.getOrDefault(stateDir, 0L), bytes.getOrDefault(stateDir.resolve("streams"), 0L),
                bytes.getOrDefault(kafka, 0L), byTopic);
    }

    private static boolean hasLogSegment(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".log"));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code du -s -l -B1} of each path (-l: a path inside another is counted too) (those that exist), in bytes. */
    private static Map<Path, Long> du(List<Path> paths) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("du", "-s", "-l", "-B1"));
        paths.stream().filter(Files::exists).map(Path::toString).forEach(command::add);
        Process du = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        du.waitFor();
        Map<Path, Long> sizes = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] parts = line.split("\t", 2);
            if (parts.length == 2) {
                sizes.put(Path.of(parts[1]), Long.parseLong(parts[0].trim()));
            }
        }
        return sizes;
    }
}
