package org.partyline.processor.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The repository's root and its Markdown files, for the tests that keep the documentation true. */
final class RepositoryFiles {
    /** Folders that hold build output, tools' state or other checkouts, not documentation. */
    private static final Set<String> SKIPPED = Set.of("target", ".git", "node_modules", ".idea", ".mvn");

    private RepositoryFiles() {
    }

    /** The folder holding the root pom and docker-compose.yml, found upwards from the working directory. */
    static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("docker-compose.yml"))
                && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + System.getProperty("user.dir"));
        }
        return dir;
    }

    /** Every {@code .md} file under the root, outside build output and tool folders, sorted. */
    static List<Path> markdownFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> root.relativize(p).getNameCount() == 1
                            || Stream.iterate(root.relativize(p).getParent(), q -> q != null, Path::getParent)
                                    .noneMatch(q -> SKIPPED.contains(q.getFileName().toString())))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Markdown files under " + root, e);
        }
    }
}
