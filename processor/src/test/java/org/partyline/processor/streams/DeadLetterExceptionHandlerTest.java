package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.partyline.serde.RegistryException;
import org.partyline.serde.RegistryUnavailableException;

class DeadLetterExceptionHandlerTest {
    private static final byte[] KEY = "raw-key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "raw-value".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldSendTheSourceBytesToTheDeadLetterTopicAndResume() {
        DeadLetterExceptionHandler handler = new DeadLetterExceptionHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "my-dlq"));
        Headers original = new RecordHeaders().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));

        ProcessingExceptionHandler.Response response = handler.handleError(context(original),
                new Record<>("RU", "decoded", 0L), new IllegalStateException("boom"));

        assertEquals(ProcessingExceptionHandler.Result.RESUME, response.result());
        assertEquals(1, response.deadLetterQueueRecords().size());
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertEquals("my-dlq", dead.topic());
        assertArrayEquals(KEY, dead.key());
        assertArrayEquals(VALUE, dead.value());
        assertEquals("t-1", header(dead, "trace"));
        assertEquals("PROCESSING", header(dead, DeadLetter.TYPE));
        assertEquals("statements", header(dead, DeadLetter.TOPIC));
        assertEquals("2", header(dead, DeadLetter.PARTITION));
        assertEquals("41", header(dead, DeadLetter.OFFSET));
        assertTrue(header(dead, DeadLetter.REASON).contains("fold-statements"), header(dead, DeadLetter.REASON));
        assertTrue(header(dead, DeadLetter.REASON).contains("boom"), header(dead, DeadLetter.REASON));
    }

    @Test
    void shouldNeverDeadLetterARecordOnlyTheRegistryCouldNotServe() {
        RecordingMeters meters = new RecordingMeters();
        DeadLetterExceptionHandler handler = new DeadLetterExceptionHandler();
        handler.configure(Map.of(TopologyMeters.CONFIG, meters));
        RuntimeException failure = new StreamsException("sink failed", new RegistryUnavailableException(
                "cannot serialize string for topic 'stance-changes': registry answered HTTP 503",
                new RegistryException("HTTP 503", "http://registry:8081", 503, RegistryException.NO_ERROR_CODE)));

        ProcessingExceptionHandler.Response response = handler.handleError(context(new RecordHeaders()),
                new Record<>("RU", "v", 0L), failure);

        assertEquals(ProcessingExceptionHandler.Result.FAIL, response.result());
        assertEquals(List.of(), response.deadLetterQueueRecords());
        assertEquals(List.of(), meters.deadLettered);
    }

    @Test
    void shouldDefaultToTheContractDeadLetterTopic() {
        DeadLetterExceptionHandler handler = new DeadLetterExceptionHandler();
        handler.configure(Map.of());
        var response = handler.handleError(context(new RecordHeaders()), new Record<>("RU", "v", 0L),
                new RuntimeException("x"));
        assertEquals("partyline-dlq", response.deadLetterQueueRecords().get(0).topic());
    }

    @Test
    void shouldReportTheDeadLetterToTheMetersKafkaStreamsHandsItFromTheStreamsProperties() {
        RecordingMeters meters = new RecordingMeters();
        StreamsConfig config = new StreamsConfig(StreamsSettings.builder().meters(meters)
                .with(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class)
                .build());
        ProcessingExceptionHandler handler = config.processingExceptionHandler();

        handler.handleError(context(new RecordHeaders()), new Record<>("RU", "v", 0L), new RuntimeException("x"));

        assertEquals(List.of(new RecordingMeters.Report("statements", DeadLetter.Type.PROCESSING)),
                meters.deadLettered);
    }

    @Test
    void shouldRefuseAMetersPropertyThatIsNoListener() {
        DeadLetterExceptionHandler handler = new DeadLetterExceptionHandler();

        ConfigException e = assertThrows(ConfigException.class,
                () -> handler.configure(Map.of(TopologyMeters.CONFIG, "counting please")));
        assertTrue(e.getMessage().contains(TopologyMeters.CONFIG), e.getMessage());
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ErrorHandlerContext context(Headers headers) {
        return new ErrorHandlerContext() {
            @Override public String topic() {
                return "statements";
            }
            @Override public int partition() {
                return 2;
            }
            @Override public long offset() {
                return 41;
            }
            @Override public Headers headers() {
                return headers;
            }
            @Override public String processorNodeId() {
                return "fold-statements";
            }
            @Override public TaskId taskId() {
                return new TaskId(0, 2);
            }
            @Override public long timestamp() {
                return 0L;
            }
            @Override public byte[] sourceRawKey() {
                return KEY;
            }
            @Override public byte[] sourceRawValue() {
                return VALUE;
            }
        };
    }
}
