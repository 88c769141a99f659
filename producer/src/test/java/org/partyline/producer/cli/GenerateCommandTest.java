package org.partyline.producer.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of {@code generate}; what it writes is shown by {@code ArchiveGeneratorTest}. */
class GenerateCommandTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return ProducerMain.run(args, new PrintStream(outBytes, true, UTF_8), new PrintStream(errBytes, true, UTF_8));
    }

    @Test
    void shouldWriteTheEventsToStandardOutputAndCountThemOnStandardError() {
        assertEquals(ProducerMain.OK, run("generate", "--events", "50", "--parties", "5", "--topics", "3",
                "--claims", "4", "--claim-share", "0", "--seed", "3"));

        assertEquals(50, outBytes.toString(UTF_8).lines().filter(l -> l.contains("\"type\":\"statement\"")).count());
        assertEquals("generated 50 events (50 statements, 0 claims, 0 redeliveries)",
                errBytes.toString(UTF_8).strip());
    }

    @Test
    void shouldWriteTheSameLinesToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("archive.jsonl");
        assertEquals(ProducerMain.OK, run("generate", "--events", "30", "--out", file.toString()));
        String written = Files.readString(file, UTF_8);
        outBytes.reset();
        assertEquals(ProducerMain.OK, run("generate", "--events", "30"));

        assertEquals(outBytes.toString(UTF_8), written);
        assertEquals(30, written.lines().count());
    }

    @Test
    void shouldRefuseANegativeSkew() {
        assertEquals(ProducerMain.FAILED, run("generate", "--skew", "-1"));
        assertEquals("error: skew -1.0 is out of range: 0 to 4", errBytes.toString(UTF_8).lines().findFirst()
                .orElse(""));
        assertTrue(outBytes.toString(UTF_8).isEmpty());
    }
}
