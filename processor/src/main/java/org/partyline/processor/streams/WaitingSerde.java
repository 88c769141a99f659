package org.partyline.processor.streams;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of an output topic whose serializer waits out a schema registry that cannot register or look up the
 * schema now ({@link DependencyWaits}), rather than failing the change record it writes. Once the schema's id is
 * cached the serializer makes no registry call, so this costs nothing on the hot path.
 */
final class WaitingSerde {

    private WaitingSerde() {
    }

    static <T> Serde<T> of(Serde<T> serde, DependencyWaits waits) {
        return Serdes.serdeFrom(new WaitingSerializer<>(serde.serializer(), waits), serde.deserializer());
    }

    private record WaitingSerializer<T>(Serializer<T> delegate, DependencyWaits waits) implements Serializer<T> {

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            delegate.configure(configs, isKey);
        }

        @Override
        public byte[] serialize(String topic, T data) {
            return waits.await("writing to " + topic, () -> delegate.serialize(topic, data));
        }

        @Override
        public byte[] serialize(String topic, Headers headers, T data) {
            return waits.await("writing to " + topic, () -> delegate.serialize(topic, headers, data));
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
