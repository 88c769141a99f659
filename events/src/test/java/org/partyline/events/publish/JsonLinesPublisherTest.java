package org.partyline.events.publish;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.events.publish.TestEvents.claim;
import static org.partyline.events.publish.TestEvents.claimLine;
import static org.partyline.events.publish.TestEvents.statement;
import static org.partyline.events.publish.TestEvents.statementLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.events.publish.JsonLinesPublisher.Counts;
import org.partyline.events.publish.PartylinePublisher.Topics;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

class JsonLinesPublisherTest {

    private final MockProducer<String, SpecificRecord> producer = TestEvents.mockProducer();
    private final PartylinePublisher publisher = new PartylinePublisher(producer, Topics.DEFAULT);
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, UTF_8);
    private final JsonLinesPublisher lines = new JsonLinesPublisher(publisher, err, Duration.ofHours(1));

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        publisher.close();
    }

    private String errors() {
        return errBytes.toString(UTF_8);
    }

    private Counts publish(String content) throws Exception {
        return lines.publish("events.jsonl", new ByteArrayInputStream(content.getBytes(UTF_8)));
    }

    @Test
    void shouldPublishValidLinesAndReportRejectedOnesWithFileAndLine() throws Exception {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, String.join("\n",
                statementLine("st-1", "ru ", "nato", "oppose"),
                "{not json",
                claimLine("cl-1", "UA", "pokrovsk-captured", "Denies"),
                statementLine("st-2", "RU", "Nato", "SUPPORT"),
                "[1,2]",
                statementLine("st-1", "ru ", "nato", "oppose")) + "\n");

        Counts counts = lines.publish(file, "data/in.jsonl");

        assertEquals(new Counts(3, 3), counts);
        assertEquals(List.of(
                "data/in.jsonl:2: not JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start"
                        + " field name (column 2)",
                "data/in.jsonl:4: topic: \"Nato\" does not match [a-z0-9][a-z0-9-]{0,127}",
                "data/in.jsonl:5: not a JSON object (got an array)"), errors().lines().toList());
        assertEquals(List.of(
                new ProducerRecord<>("statements", "RU", statement("st-1", "RU", "nato", Stance.OPPOSE)),
                new ProducerRecord<>("claims", "pokrovsk-captured", claim("cl-1", "UA", "pokrovsk-captured", Position.DENIES)),
                new ProducerRecord<>("statements", "RU", statement("st-1", "RU", "nato", Stance.OPPOSE))),
                producer.history());
    }

    @Test
    void shouldSkipBlankLinesButCountThemInLineNumbers() throws Exception {
        Counts counts = publish("\n   \n" + statementLine("st-1", "RU", "nato", "SUPPORT") + "\n\t\n\n{}\n\n");
        assertEquals(new Counts(1, 1), counts);
        assertEquals("events.jsonl:6: type: missing\n", errors().replace("\r\n", "\n"));
    }

    @Test
    void shouldPublishNothingFromAnEmptyFile() throws Exception {
        assertEquals(Counts.NONE, publish(""));
        assertEquals(List.of(), producer.history());
        assertEquals("", errors());
    }

    @Test
    void shouldReadLastLineWithoutNewlineAndWindowsLineEnds() throws Exception {
        Counts counts = publish(statementLine("st-1", "RU", "nato", "SUPPORT") + "\r\n"
                + claimLine("cl-1", "UA", "c", "ASSERTS"));
        assertEquals(new Counts(2, 0), counts);
        assertEquals("", errors());
    }

    @Test
    void shouldSkipByteOrderMarkAtStartOfFile() throws Exception {
        Counts counts = publish("\uFEFF" + statementLine("st-1", "RU", "nato", "SUPPORT") + "\n");
        assertEquals(new Counts(1, 0), counts);
    }

    @Test
    void shouldRejectOnlyTheLineThatIsNotUtf8() throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write((statementLine("st-1", "RU", "nato", "SUPPORT") + "\n").getBytes(UTF_8));
        content.write(statementLine("st-2", "RU", "nato", "SUPPORT").replace("st-2", "st-\u00e9").getBytes(UTF_8));
        content.write('\n');
        content.write("{\"type\":\"statement\",\"eventId\":\"\u00e9".getBytes(ISO_8859_1));
        content.write("\"}\n".getBytes(UTF_8));

        Counts counts = lines.publish("latin1.jsonl", new ByteArrayInputStream(content.toByteArray()));

        assertEquals(new Counts(2, 1), counts);
        assertEquals("latin1.jsonl:3: not valid UTF-8", errors().strip());
        assertEquals("st-\u00e9", ((Statement) producer.history().get(1).value()).getEventId());
    }

    @Test
    void shouldSendTheLinesOfALongFileInTheirOrderAndReportItsRejectedLinesInOrder() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 1; i <= 5_000; i++) {
            content.append(i % 1_000 == 0 ? "oops" : statementLine("st-" + i, "RU", "nato", "SUPPORT")).append('\n');
        }

        Counts counts = publish(content.toString());

        assertEquals(new Counts(4_995, 5), counts);
        List<String> sent = producer.history().stream().map(r -> ((Statement) r.value()).getEventId()).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 5_000).filter(i -> i % 1_000 != 0)
                .mapToObj(i -> "st-" + i).toList(), sent);
        assertEquals(List.of("events.jsonl:1000", "events.jsonl:2000", "events.jsonl:3000", "events.jsonl:4000",
                "events.jsonl:5000"), errors().lines().map(l -> l.substring(0, l.indexOf(": "))).toList());
    }

    @Test
    void shouldReportProgressWithCountAndRate() throws Exception {
        JsonLinesPublisher chatty = new JsonLinesPublisher(publisher, err, Duration.ZERO);
        chatty.publish("big.jsonl", new ByteArrayInputStream((statementLine("st-1", "RU", "nato", "SUPPORT") + "\n"
                + "oops\n").getBytes(UTF_8)));
        List<String> reported = errors().lines().toList();
        assertEquals(3, reported.size(), errors());
        assertTrue(reported.get(0).matches("big\\.jsonl: 1 lines read \\(1 published, 0 rejected\\), [\\d,]+ lines/s"),
                reported.get(0));
        assertTrue(reported.get(1).startsWith("big.jsonl:2: not JSON: "), reported.get(1));
        assertTrue(reported.get(2).matches("big\\.jsonl: 2 lines read \\(1 published, 1 rejected\\), [\\d,]+ lines/s"),
                reported.get(2));
    }

    @Test
    void shouldFailWhenKafkaRefusesAnEvent() {
        producer.sendException = new TimeoutException("Topic statements not present in metadata after 15000 ms.");
        PublishException e = assertThrows(PublishException.class,
                () -> publish(statementLine("st-1", "RU", "nato", "SUPPORT") + "\n"));
        assertTrue(e.getMessage().contains("Topic statements not present in metadata after 15000 ms."), e.getMessage());
        assertTrue(e.getMessage().contains("events.jsonl"), e.getMessage());
    }

    @Test
    void shouldFailOnIoErrorWhileReading() {
        Path missing = dir.resolve("gone.jsonl");
        assertThrows(IOException.class, () -> lines.publish(missing, "gone.jsonl"));
    }
}
