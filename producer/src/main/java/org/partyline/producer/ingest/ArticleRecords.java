package org.partyline.producer.ingest;

import org.partyline.ingest.Article;

/**
 * Between the {@code articles} topic's Avro record (checked by {@code org.partyline.events.ArticleParser}) and the
 * ingestion pipeline's {@link Article}: the two carry the same fields, the pipeline's free of Avro.
 */
public final class ArticleRecords {
    private ArticleRecords() {
    }

    /** The pipeline's article of a checked record. */
    public static Article toArticle(org.partyline.schema.Article record) {
        return new Article(record.getId(), record.getText(), record.getPublishedAt(), record.getUrl(),
                record.getOutlet(), record.getTitle());
    }

    /** The Avro record of the {@code articles} topic. */
    public static org.partyline.schema.Article toRecord(Article article) {
        return org.partyline.schema.Article.newBuilder()
                .setId(article.id())
                .setText(article.text())
                .setPublishedAt(article.publishedAt())
                .setUrl(article.url())
                .setOutlet(article.outlet())
                .setTitle(article.title())
                .build();
    }
}
