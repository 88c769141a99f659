package org.partyline.producer.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The command line of {@code replay-dlq}; what it does against Kafka is shown by {@code DeadLetterReplayIT}. */
class ReplayDlqCommandTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return ProducerMain.run(args, new PrintStream(outBytes, true, UTF_8), new PrintStream(errBytes, true, UTF_8));
    }

    @Test
    void shouldRequireTheBootstrapServers() {
        assertEquals(ProducerMain.FAILED, run("replay-dlq"));
        assertTrue(errBytes.toString(UTF_8).startsWith("error: --bootstrap-servers is required"),
                errBytes.toString(UTF_8));
    }

    @Test
    void shouldRefuseATimeThatIsNoInstant() {
        assertEquals(ProducerMain.FAILED, run("replay-dlq", "--bootstrap-servers", "localhost:9", "--from",
                "yesterday"));
        assertEquals("error: --from yesterday is not an instant like 2025-12-05T14:00:00Z",
                errBytes.toString(UTF_8).lines().findFirst().orElse(""));
    }

    @Test
    void shouldDescribeEveryFilterInItsHelp() {
        assertEquals(ProducerMain.OK, run("replay-dlq", "--help"));
        String help = outBytes.toString(UTF_8);
        for (String option : new String[] {"--bootstrap-servers", "--dlq-topic", "--from", "--to", "--type",
                "--reason", "--source-topic", "--producer-config"}) {
            assertTrue(help.contains(option), option + " in:\n" + help);
        }
        assertTrue(help.startsWith("Usage: partyline-producer replay-dlq "), help);
    }
}
