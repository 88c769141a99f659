package org.partyline.producer.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partyline.ingest.Article;
import org.partyline.events.ArticleParser;
import org.partyline.events.InvalidEventException;
import org.partyline.serde.AvroDeserializer;
import org.partyline.serde.AvroStringDeserializer;
import org.partyline.serde.RegistryException;
import org.partyline.serde.RegistryUnavailableException;
import org.partyline.serde.SchemaRegistryClient;

/**
 * Reads one record of the {@code articles} topic (an Avro string key and an {@code Article} value in the Confluent wire
 * format) and checks the article rules. A record that cannot be read is {@link Unreadable}, with the dead-letter type
 * and reason; a registry that does not answer is no fault of the record and is thrown, so that the job retries it.
 */
final class ArticleDecoder {

    /** What a record holds: an article, or why it cannot be read. */
    sealed interface Decoded permits Readable, Unreadable {
    }

    record Readable(Article article) implements Decoded {
    }

    /** {@code type} is a dead-letter type: {@code DESERIALIZATION} or {@code INVALID_EVENT}. */
    record Unreadable(String type, String reason) implements Decoded {
    }

    static final String DESERIALIZATION = "DESERIALIZATION";
    static final String INVALID_EVENT = "INVALID_EVENT";

    private final AvroStringDeserializer keys;
    private final AvroDeserializer<org.partyline.schema.Article> values;

    ArticleDecoder(SchemaRegistryClient registry) {
        this.keys = new AvroStringDeserializer(registry);
        this.values = new AvroDeserializer<>(registry, org.partyline.schema.Article.class, false);
    }

    Decoded decode(ConsumerRecord<byte[], byte[]> record) {
        String key;
        org.partyline.schema.Article value;
        try {
            key = record.key() == null ? null : keys.deserialize(record.topic(), record.headers(), record.key());
            value = record.value() == null ? null
                    : values.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            return new Unreadable(DESERIALIZATION, "cannot decode: " + e.getMessage());
        }
        if (value == null) {
            return new Unreadable(INVALID_EVENT, "record has no value");
        }
        Article article;
        try {
            article = ArticleRecords.toArticle(ArticleParser.check(value));
        } catch (InvalidEventException e) {
            return new Unreadable(INVALID_EVENT, e.reason());
        }
        if (key != null && !key.equals(article.id())) {
            return new Unreadable(INVALID_EVENT, "key \"" + key + "\" is not the article's id \"" + article.id() + "\"");
        }
        return new Readable(article);
    }

    /**
     * A registry that cannot serve the schema now (no answer, 408, 429, 5xx) or refuses this client (401, 403): no
     * fault of the record, as the processor judges it too.
     */
    static boolean isTransient(Throwable e) {
        if (RegistryUnavailableException.find(e) != null) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryException registry) {
                return RegistryUnavailableException.isUnavailable(registry);
            }
        }
        return false;
    }
}
