package org.partyline.ingest.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partyline.ingest.Article;

/**
 * An article being processed: each pipeline stage reads what the earlier ones added (sentences, tokens, tags,
 * mentions, attributions, targets) and adds its own layer. Layers other than the linguistic ones are kept by type.
 */
public final class Document {

  private final Article article;
  private final List<Sentence> sentences = new ArrayList<>();
  private final Map<Class<?>, List<?>> layers = new HashMap<>();

  public Document(Article article) {
    this.article = article;
  }

  public Article article() {
    return article;
  }

  public String text() {
    return article.text();
  }

  public List<Sentence> sentences() {
    return sentences;
  }

  /** The layer of annotations of this type, empty until a stage adds to it. */
  @SuppressWarnings("unchecked")
  public <T> List<T> layer(Class<T> type) {
    return (List<T>) layers.computeIfAbsent(type, t -> new ArrayList<>());
  }
}
