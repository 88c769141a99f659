package org.partyline.producer.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the example article and codebook are, from wherever the tests run. */
final class IngestCommandITSupport {

    private IngestCommandITSupport() {
    }

    static Path examples() {
        Path at = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(at.resolve("examples"))) {
            at = at.getParent();
        }
        return at.resolve("examples");
    }
}
