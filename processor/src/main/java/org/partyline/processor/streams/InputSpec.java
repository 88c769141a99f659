package org.partyline.processor.streams;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.avro.specific.SpecificRecord;

/**
 * One input topic as the first steps see it: how its values decode, which rules a decoded event must pass, how
 * it is normalized, and where its event ids are remembered for deduplication. {@code name} prefixes the names of
 * its processors.
 */
record InputSpec<T extends SpecificRecord>(
        String name,
        String topic,
        Deserializer<String> keyDeserializer,
        Deserializer<T> valueDeserializer,
        BiFunction<String, T, Optional<String>> violation,
        UnaryOperator<T> normalize,
        Function<T, String> eventId,
        String eventIdStore) {
}
