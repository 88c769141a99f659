package org.partyline.producer.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partyline.events.JsonEventParser;

/**
 * The {@code ingest} command without Kafka (CONTRACT 7.3): article lines in, candidate lines out, bad lines and bad
 * codebooks reported with where they came from, and the exit status. Assertions hold for any correct pipeline: they
 * count and check the candidates it gives rather than expect particular ones.
 */
class IngestCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path codebook;
    private Path seed;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeEach
    void files() throws IOException {
        codebook = examples().resolve("seed-codebook.json");
        seed = examples().resolve("seed-article.jsonl");
    }

    static Path examples() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        return dir.resolve("examples");
    }

    private int ingest(String... args) {
        return ingestWithInput(new ByteArrayInputStream(new byte[0]), args);
    }

    private int ingestWithInput(InputStream stdin, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "ingest";
        System.arraycopy(args, 0, command, 1, args.length);
        return ProducerMain.run(command, stdin, new PrintStream(outBytes, true, UTF_8),
                new PrintStream(errBytes, true, UTF_8));
    }

    private List<String> outLines() {
        String out = outBytes.toString(UTF_8);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    private List<String> errLines() {
        return List.of(errBytes.toString(UTF_8).split("\n"));
    }

    @Test
    void shouldWriteCandidatesThatPassPublishChecksWithQuotesFromTheArticle() throws Exception {
        int status = ingest("--codebook", codebook.toString(), seed.toString());

        assertEquals(0, status, errBytes.toString(UTF_8));
        String text = JSON.readTree(Files.readString(seed)).get("text").asText();
        JsonEventParser parser = new JsonEventParser();
        for (String line : outLines()) {
            SpecificRecord event = parser.parse(line);
            JsonNode candidate = JSON.readTree(line);
            assertEquals("seed", candidate.get("article").asText(), line);
            assertTrue(text.contains(candidate.get("quote").asText()), "quote not in the article: " + line);
            assertInstanceOf(SpecificRecord.class, event);
        }
        assertEquals(List.of("articles 1, rejected 0, candidates " + outLines().size()), errLines());
    }

    @Test
    void shouldReportBadArticleLinesAsFileAndLineAndGoOn() throws Exception {
        Path file = dir.resolve("articles.jsonl");
        String article = Files.readString(seed).strip();
        Files.writeString(file, String.join("\n",
                "{\"id\":\"a1\",\"text\":\"\",\"publishedAt\":\"2025-12-05\"}",
                "",
                article,
                "not json",
                "{\"id\":\"a2\",\"text\":\"Talks went on.\",\"publishedAt\":\"Friday\"}") + "\n");

        int status = ingest("--codebook", codebook.toString(), file.toString());

        assertEquals(1, status);
        assertEquals(List.of(
                file + ":1: text: empty",
                file + ":4: not JSON: Unrecognized token 'not': was expecting (JSON String, Number (or 'NaN'/'+INF'/"
                        + "'-INF'), Array, Object or token 'null', 'true' or 'false') (column 4)",
                file + ":5: publishedAt: neither an ISO-8601 instant with Z or an offset nor a date YYYY-MM-DD: "
                        + "\"Friday\"",
                "articles 1, rejected 3, candidates " + outLines().size()), errLines());
    }

    @Test
    void shouldGiveTheSameBytesForTheSameArticleFromAFileStandardInputOrOut() throws Exception {
        ingest("--codebook", codebook.toString(), seed.toString());
        byte[] fromFile = outBytes.toByteArray();
        outBytes.reset();
        errBytes.reset();
        ingestWithInput(new ByteArrayInputStream(Files.readAllBytes(seed)), "--codebook", codebook.toString(), "-");
        byte[] fromStdin = outBytes.toByteArray();
        Path out = dir.resolve("candidates.jsonl");

        int status = ingest("--codebook", codebook.toString(), "--out", out.toString(), seed.toString());

        assertEquals(0, status, errBytes.toString(UTF_8));
        assertEquals(new String(fromFile, UTF_8), new String(fromStdin, UTF_8));
        assertEquals(new String(fromFile, UTF_8), Files.readString(out));
    }

    @Test
    void shouldLeaveOutCandidatesBelowTheMinimumConfidence() throws Exception {
        ingest("--codebook", codebook.toString(), seed.toString());
        List<String> all = outLines();
        outBytes.reset();
        errBytes.reset();

        int status = ingest("--codebook", codebook.toString(), "--min-confidence", "0.6", seed.toString());

        List<String> expected = new ArrayList<>();
        for (String line : all) {
            if (JSON.readTree(line).get("confidence").asDouble() >= 0.6) {
                expected.add(line);
            }
        }
        assertEquals(0, status);
        assertEquals(expected, outLines());
    }

    @Test
    void shouldExitTwoNamingTheCodebookFileAndEntry() throws Exception {
        Path bad = dir.resolve("codebook.json");
        Files.writeString(bad, "{\"actors\": [], \"topics\": [], \"claims\": ["
                + "{\"claimId\": \"Pokrovsk Captured\", \"proposition\": \"Pokrovsk was taken.\"}]}");

        int status = ingest("--codebook", codebook.toString(), "--codebook", bad.toString(), seed.toString());

        assertEquals(2, status);
        assertEquals(List.of("error: " + bad + ": claims[0]: claimId 'Pokrovsk Captured' breaks "
                + "[a-z0-9][a-z0-9-]{0,127}"), errLines());
        assertEquals(List.of(), outLines());
    }

    @Test
    void shouldExitTwoForAMissingCodebookOrArticleFile() {
        Path missing = dir.resolve("missing.json");

        assertEquals(2, ingest("--codebook", missing.toString(), seed.toString()));
        assertTrue(errLines().get(0).startsWith("error: " + missing + ": "), errLines().toString());
        errBytes.reset();
        assertEquals(2, ingest("--codebook", codebook.toString(), missing.toString()));
        assertEquals(List.of("error: cannot read " + missing + ": no such file"), errLines());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no codebook              | seed.jsonl                                                        | --codebook FILE is required: the topics and claims to code
            no file                  | --codebook c.json                                                 | no FILE given (use - for standard input)
            follow without Kafka     | --codebook c.json --follow                                        | --follow needs --bootstrap-servers
            publish without registry | --codebook c.json --publish --bootstrap-servers localhost:9 a.jsonl | --publish needs --schema-registry-url
            follow with a file       | --codebook c.json --follow --bootstrap-servers b:9 --schema-registry-url http://r a.jsonl | --follow reads the articles topic: no FILE and no --out
            Kafka without publishing | --codebook c.json --bootstrap-servers b:9 a.jsonl                 | --bootstrap-servers, --schema-registry-url and --producer-config need --publish or --follow
            confidence above one     | --codebook c.json --min-confidence 1.5 a.jsonl                    | --min-confidence must lie between 0 and 1, not 1.5
            unknown option           | --codebook c.json --folow a.jsonl                                 | Unknown option: '--folow'
            """)
    void shouldExitTwoOnBadUsageSayingWhy(String name, String args, String message) {
        int status = ingest(args.split(" "));

        assertEquals(2, status);
        assertEquals("error: " + message, errLines().get(0));
    }

    @Test
    void shouldBeReachedThroughTheProducerMainCommand() {
        int status = ProducerMain.run(new String[] {"ingest", "--codebook", codebook.toString(), seed.toString()},
                new PrintStream(outBytes, true, UTF_8), new PrintStream(errBytes, true, UTF_8));

        assertEquals(0, status, errBytes.toString(UTF_8));
        assertEquals("articles 1, rejected 0, candidates " + outLines().size(), errLines().get(0));
    }
}
