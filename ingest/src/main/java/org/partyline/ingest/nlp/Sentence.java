package org.partyline.ingest.nlp;

import java.util.ArrayList;
import java.util.List;

/** One sentence of the article, by its offsets in the article text, and its tokens once the token stage ran. */
public final class Sentence {

  private final int index;
  private final int start;
  private final int end;
  private final String text;
  private final List<Token> tokens = new ArrayList<>();

  public Sentence(int index, int start, int end, String text) {
    this.index = index;
    this.start = start;
    this.end = end;
    this.text = text;
  }

  public int index() {
    return index;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  public String text() {
    return text;
  }

  public List<Token> tokens() {
    return tokens;
  }

  public Token token(int i) {
    return tokens.get(i);
  }

  public int size() {
    return tokens.size();
  }
}
