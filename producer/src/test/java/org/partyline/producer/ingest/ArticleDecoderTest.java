package org.partyline.producer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partyline.serde.RegistryException;
import org.partyline.serde.SchemaRegistryClient;

/**
 * The streaming job's reading of an {@code articles} record: bytes that are bad in themselves are a dead letter; a
 * registry that cannot serve the writer's schema now, or refuses the job, is no fault of the record and is thrown, so
 * that the job waits and reads the record again.
 */
class ArticleDecoderTest {

    /** A registry that answers every lookup with {@code status}. */
    private static SchemaRegistryClient failing(int status) {
        return new SchemaRegistryClient() {
            @Override
            public int register(String subject, Schema schema) {
                throw error();
            }

            @Override
            public Schema schemaById(int id) {
                throw error();
            }

            @Override
            public int idOf(String subject, Schema schema) {
                throw error();
            }

            @Override
            public List<String> subjects() {
                throw error();
            }

            @Override
            public List<Integer> versions(String subject) {
                throw error();
            }

            private RegistryException error() {
                return new RegistryException("registry says " + status, "http://registry:8081/schemas/ids/7", status,
                        RegistryException.NO_ERROR_CODE);
            }
        };
    }

    /** A record in the wire format whose schema id is 7. */
    private static ConsumerRecord<byte[], byte[]> withSchemaId7() {
        byte[] value = ByteBuffer.allocate(6).put((byte) 0).putInt(7).put((byte) 0).array();
        return new ConsumerRecord<>("articles", 0, 42L, null, value);
    }

    @ParameterizedTest
    @ValueSource(ints = {RegistryException.NO_STATUS, 408, 429, 500, 503, 401, 403})
    void shouldThrowRatherThanDeadLetterWhenTheRegistryCannotServeTheSchema(int status) {
        ArticleDecoder decoder = new ArticleDecoder(failing(status));

        assertThrows(RuntimeException.class, () -> decoder.decode(withSchemaId7()));
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 422})
    void shouldDeadLetterARecordWhoseSchemaTheRegistryDoesNotHave(int status) {
        ArticleDecoder decoder = new ArticleDecoder(failing(status));

        ArticleDecoder.Unreadable unreadable = assertInstanceOf(ArticleDecoder.Unreadable.class,
                decoder.decode(withSchemaId7()));
        assertEquals(ArticleDecoder.DESERIALIZATION, unreadable.type());
    }

    @ParameterizedTest
    @ValueSource(ints = {503, 401})
    void shouldDeadLetterBytesWithoutTheMagicByteWhateverTheRegistry(int status) {
        ArticleDecoder decoder = new ArticleDecoder(failing(status));
        ConsumerRecord<byte[], byte[]> garbage = new ConsumerRecord<>("articles", 0, 43L, null,
                "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        ArticleDecoder.Unreadable unreadable = assertInstanceOf(ArticleDecoder.Unreadable.class,
                decoder.decode(garbage));
        assertEquals(ArticleDecoder.DESERIALIZATION, unreadable.type());
    }
}
