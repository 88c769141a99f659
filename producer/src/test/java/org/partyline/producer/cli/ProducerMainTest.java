package org.partyline.producer.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ProducerMainTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void writeFile() throws IOException {
        file = dir.resolve("events.jsonl");
        Files.writeString(file, "{\"type\":\"statement\",\"eventId\":\"st-1\",\"party\":\"RU\","
                + "\"occurredAt\":\"2025-12-05T14:00:00Z\",\"topic\":\"nato\",\"stance\":\"OPPOSE\"}\n");
    }

    private int run(String... args) {
        return ProducerMain.run(args, new PrintStream(outBytes, true, UTF_8), new PrintStream(errBytes, true, UTF_8));
    }

    private String out() {
        return outBytes.toString(UTF_8);
    }

    private String err() {
        return errBytes.toString(UTF_8);
    }

    /** A localhost port nothing listens on: bound, then released. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldPrintUsageOnHelp() {
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("Usage: partyline-producer [-hV] [COMMAND]"), out());
        assertTrue(out().matches("(?s).*\\n  publish +Publishes the statements, claims and articles of JSON Lines files.*"), out());
        assertTrue(out().matches("(?s).*\\n  replay-dlq +Re-publishes the records of the dead-letter topic.*"), out());
        assertEquals("", err());
    }

    @Test
    void shouldPrintTheProjectVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out().matches("partyline-producer \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), out());
    }

    @Test
    void shouldDescribeEveryPublishOptionByConcern() {
        assertEquals(0, run("publish", "--help"));
        assertTrue(out().contains("%nKafka and schema registry:%n      --bootstrap-servers=HOST:PORT".formatted()),
                out());
        assertTrue(out().contains("%nTopics:%n      --statements-topic=NAME".formatted()), out());
        assertTrue(out().contains("Topic for claims (default: claims)."), out());
        assertTrue(out().contains("2   bad usage, an unreadable file, or Kafka or the schema registry cannot be"),
                out());
    }

    @Test
    void shouldSuggestTheClosestOptionForAMistypedOne() {
        assertEquals(2, run("publish", file.toString(), "--bootstrap-server", "localhost:9092",
                "--schema-registry-url", "mock://x"));
        assertTrue(err().startsWith("error: Unknown option: '--bootstrap-server'"), err());
        assertTrue(err().contains("Possible solutions: --bootstrap-servers"), err());
        assertEquals("", out());
    }

    @Test
    void shouldSuggestTheClosestCommandForAMistypedOne() {
        assertEquals(2, run("pubilsh", file.toString()));
        assertTrue(err().contains("Did you mean: partyline-producer publish?"), err());
    }

    @Test
    void shouldPrintUsageOnPublishHelp() {
        assertEquals(0, run("publish", "-h"));
        assertTrue(out().contains("--bootstrap-servers=HOST:PORT"), out());
    }

    @Test
    void shouldExit2WithoutCommand() {
        assertEquals(2, run());
        assertTrue(err().startsWith("error: no command given"), err());
        assertTrue(err().contains("Usage: "), err());
        assertEquals("", out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "send FILE --bootstrap-servers localhost:9092 --schema-registry-url mock://x|error: Unmatched arguments from index 0: 'send'",
            "publish FILE --bootstrap-servers localhost:9092 --schema-registry-url mock://x --acks 1|error: Unknown option: '--acks'",
            "publish FILE --bootstrap-servers localhost:9092 --schema-registry-url mock://x -v|error: Unknown option: '-v'",
            "publish --bootstrap-servers localhost:9092 --schema-registry-url mock://x|error: Missing required parameter: 'FILE'",
            "publish FILE --schema-registry-url mock://x|error: --bootstrap-servers is required",
            "publish FILE --bootstrap-servers localhost:9092|error: --schema-registry-url is required",
            "publish FILE --bootstrap-servers localhost:9092 --schema-registry-url|error: Missing required parameter for option '--schema-registry-url'",
            "publish FILE --bootstrap-servers= --schema-registry-url mock://x|error: --bootstrap-servers needs a value"})
    void shouldExit2OnBadUsage(String commandLine, String message) {
        String[] args = commandLine.replace("FILE", file.toString()).split(" ");
        assertEquals(2, run(args));
        assertTrue(err().startsWith(message), err());
        assertTrue(err().contains("Usage: "), err());
        assertEquals("", out());
    }

    @Test
    void shouldExit2OnMissingFile() {
        String missing = dir.resolve("missing.jsonl").toString();
        assertEquals(2, run("publish", file.toString(), missing, "--bootstrap-servers", "localhost:9092",
                "--schema-registry-url", "mock://producer-main-test"));
        assertEquals("error: cannot read " + missing + ": no such file", err().strip());
        assertEquals("", out());
    }

    @Test
    void shouldExit2OnDirectoryGivenAsFile() {
        assertEquals(2, run("publish", dir.toString(), "--bootstrap-servers", "localhost:9092",
                "--schema-registry-url", "mock://producer-main-test"));
        assertEquals("error: cannot read " + dir + ": is a directory", err().strip());
    }

    @Test
    void shouldExit2OnUnreadableFile() throws IOException {
        Files.setPosixFilePermissions(file, Set.of());
        assumeFalse(Files.isReadable(file), "running as a user who reads anything");
        assertEquals(2, run("publish", file.toString(), "--bootstrap-servers", "localhost:9092",
                "--schema-registry-url", "mock://producer-main-test"));
        assertEquals("error: cannot read " + file + ": permission denied", err().strip());
    }

    @Test
    @Timeout(60)
    void shouldExit2QuicklyWhenTheRegistryCannotBeReached() throws IOException {
        String url = "http://localhost:" + freePort();
        long start = System.nanoTime();
        int status = run("publish", file.toString(), "--bootstrap-servers", "localhost:" + freePort(),
                "--schema-registry-url", url);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(2, status);
        assertEquals("error: cannot reach schema registry at " + url + ": connection refused", err().strip());
        assertEquals("", out());
        assertTrue(took.compareTo(Duration.ofSeconds(40)) < 0, "took " + took);
    }

    @Test
    @Timeout(60)
    void shouldExit2QuicklyWhenKafkaCannotBeReached() throws IOException {
        String bootstrap = "localhost:" + freePort();
        long start = System.nanoTime();
        // flags before the file, in --flag=value form
        int status = run("publish", "--bootstrap-servers=" + bootstrap, "--schema-registry-url",
                "mock://producer-main-test", file.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(2, status);
        assertTrue(err().startsWith("error: cannot reach Kafka at " + bootstrap + ": "), err());
        assertEquals("", out());
        assertTrue(took.compareTo(Duration.ofSeconds(40)) < 0, "took " + took);
    }

    private static Publishing.Request parse(String... args) {
        CommandLine commandLine = ProducerMain.commandLine(System.out, System.err);
        List<CommandLine> parsed = commandLine.parseArgs(args).asCommandLineList();
        return ((PublishCommand) parsed.get(parsed.size() - 1).getCommand()).request();
    }

    @Test
    void shouldParseFlagsBeforeAndAfterFiles() {
        Publishing.Request parsed = parse("publish", "a.jsonl", "--bootstrap-servers", "k:9092", "b.jsonl",
                "--schema-registry-url=http://r:8081", "--claims-topic", "cl", "--", "--odd-name.jsonl");
        assertEquals(List.of("a.jsonl", "b.jsonl", "--odd-name.jsonl"), parsed.files());
        assertEquals("k:9092", parsed.bootstrapServers());
        assertEquals("http://r:8081", parsed.schemaRegistryUrl());
        assertEquals("statements", parsed.topics().statements());
        assertEquals("cl", parsed.topics().claims());
    }

    @Test
    void shouldKeepFilesInCommandLineOrder() {
        List<String> args = new ArrayList<>(List.of("publish", "--bootstrap-servers", "k:1", "--schema-registry-url",
                "mock://s"));
        args.addAll(List.of("3.jsonl", "1.jsonl", "2.jsonl"));
        assertEquals(List.of("3.jsonl", "1.jsonl", "2.jsonl"), parse(args.toArray(String[]::new)).files());
    }
}
