package org.partyline.processor.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.partyline.serde.RegistryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: a processing failure the topology did not foresee sends the source record, with its
 * original key and value bytes and the same headers as every other dead letter (type {@code PROCESSING}), to the
 * dead-letter topic ({@code errors.dead.letter.queue.topic.name}), logs where it came from, and lets the app go
 * on. A failure only because the schema registry cannot serve now is no dead letter: it fails the stream thread,
 * which is replaced, and the record is read again. Registered as {@code processing.exception.handler}; each dead
 * letter is reported to the {@link TopologyMeters} found under {@value TopologyMeters#CONFIG} in the Streams properties (none counted when absent).
 */
public final class DeadLetterExceptionHandler implements ProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

    private String deadLetterTopic = TopicNames.defaults().dlq();
    private TopologyMeters meters = TopologyMeters.NONE;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? TopicNames.defaults().dlq() : topic.toString();
        meters = meters(configs.get(TopologyMeters.CONFIG));
    }

    private static TopologyMeters meters(Object configured) {
        if (configured == null) {
            return TopologyMeters.NONE;
        }
        if (configured instanceof TopologyMeters given) {
            return given;
        }
        throw new ConfigException(TopologyMeters.CONFIG, configured.getClass().getName(),
                "must be a " + TopologyMeters.class.getName() + " object");
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (RegistryUnavailableException.find(exception) != null) {
            log.error("Record {}-{}@{} failed in {} because the schema registry cannot serve now; it is not "
                            + "dead-lettered: the stream thread fails and is replaced, and the record is read again",
                    context.topic(), context.partition(), context.offset(), context.processorNodeId(), exception);
            return Response.fail();
        }
        DeadLetter letter = new DeadLetter(context.sourceRawKey(), context.sourceRawValue(),
                DeadLetter.Type.PROCESSING, "processor " + context.processorNodeId() + " failed: " + exception,
                context.topic(), context.partition(), context.offset());
        log.error("Dead-lettered record {} after a processing failure in {}", letter.origin(),
                context.processorNodeId(), exception);
        meters.deadLettered(letter.topic(), letter.type());
        return Response.resume(List.of(new ProducerRecord<>(deadLetterTopic, null, letter.rawKey(),
                letter.rawValue(), letter.headers(context.headers()))));
    }
}
