package org.partyline.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * One news article, already validated by its reader: {@code id}, {@code text} and {@code publishedAt} are required,
 * {@code url}, {@code outlet} and {@code title} may be null.
 */
public record Article(String id, String text, Instant publishedAt, String url, String outlet, String title) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(publishedAt, "publishedAt");
  }
}
