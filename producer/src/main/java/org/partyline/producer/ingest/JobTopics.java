package org.partyline.producer.ingest;

import java.util.Objects;

/** The topics of the streaming job: where articles come from, where events and dead letters go. Names are API. */
public record JobTopics(String articles, String statements, String claims, String deadLetters) {

    public static final JobTopics DEFAULT = new JobTopics("articles", "statements", "claims", "partyline-dlq");

    public JobTopics {
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(statements, "statements");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }
}
