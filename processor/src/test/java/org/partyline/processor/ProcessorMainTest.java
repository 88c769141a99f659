package org.partyline.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The processor's command line before anything starts: help, version, and bad usage with exit code 2. */
class ProcessorMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ProcessorMain.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    @Test
    void shouldPrintHelpGroupedByConcernAndExit0() {
        assertEquals(0, run("--help"));
        String help = out.toString(UTF_8);
        assertTrue(help.startsWith("Usage: partyline-processor [--bootstrap-servers HOST:PORT]"), help);
        assertTrue(help.contains("%nREST API:%n      --http-port=N".formatted()), help);
        assertEquals("", err.toString(UTF_8));
    }

    @Test
    void shouldPrintTheProjectVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString(UTF_8).matches("partyline-processor \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"),
                out.toString(UTF_8));
    }

    @Test
    void shouldAnswerAMistypedOptionWithTheClosestAndExit2() {
        assertEquals(2, run("--state-dir", "/tmp/x", "--htp-port", "8090"));
        String message = err.toString(UTF_8);
        assertTrue(message.startsWith("partyline-processor: Unknown option: '--htp-port'"), message);
        assertTrue(message.contains("Possible solutions: --http-port"), message);
        assertEquals("", out.toString(UTF_8));
    }

    @Test
    void shouldExit2OnABadValueNamingTheSettingButNotASecret() {
        assertEquals(2, run("--registry-basic-auth-user-info", "noColonSecret"));
        String message = err.toString(UTF_8);
        assertTrue(message.startsWith("partyline-processor: registry.basic.auth.user.info must be USER:PASSWORD"),
                message);
        assertFalse(message.contains("noColonSecret"), message);
    }
}
