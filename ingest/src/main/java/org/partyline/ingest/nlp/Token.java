package org.partyline.ingest.nlp;

/** One token of the article: its text, its place in the article text, and the tags later stages add. */
public final class Token {

  private final String text;
  private final int start;
  private final int end;
  private String pos = "";
  private String lemma = "";

  public Token(String text, int start, int end) {
    this.text = text;
    this.start = start;
    this.end = end;
  }

  public String text() {
    return text;
  }

  /** Offset of the first character in the article text. */
  public int start() {
    return start;
  }

  /** Offset after the last character in the article text. */
  public int end() {
    return end;
  }

  /** Universal Dependencies part of speech (NOUN, PROPN, VERB, ...). */
  public String pos() {
    return pos;
  }

  public String lemma() {
    return lemma;
  }

  /** The lemma in lower case, or the lower-cased text where the lemmatizer gave none. */
  public String key() {
    return lemma.isEmpty() || "O".equals(lemma) ? text.toLowerCase(java.util.Locale.ROOT)
        : lemma.toLowerCase(java.util.Locale.ROOT);
  }

  public boolean capitalized() {
    return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
  }

  void pos(String pos) {
    this.pos = pos;
  }

  void lemma(String lemma) {
    this.lemma = lemma;
  }

  @Override
  public String toString() {
    return text + "/" + pos + "/" + lemma;
  }
}
