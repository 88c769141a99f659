package org.partyline.processor.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a refused record back into its original bytes with the error headers, logs where it came from, and reports
 * it to the {@link TopologyMeters}.
 */
final class DeadLetterProcessor implements Processor<String, DeadLetter, byte[], byte[]> {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessor.class);

    private final TopologyMeters meters;

    private ProcessorContext<byte[], byte[]> context;

    DeadLetterProcessor(TopologyMeters meters) {
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, DeadLetter> record) {
        DeadLetter letter = record.value();
        log.warn("Dead-lettered record {} ({}): {}", letter.origin(), letter.type(), letter.reason());
        context.forward(new Record<>(letter.rawKey(), letter.rawValue(), record.timestamp(),
                letter.headers(record.headers())));
        meters.deadLettered(letter.topic(), letter.type());
    }
}
