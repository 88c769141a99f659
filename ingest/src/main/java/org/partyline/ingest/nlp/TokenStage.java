package org.partyline.ingest.nlp;

import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/** Splits each sentence into tokens with OpenNLP's tokenizer, keeping each token's offsets in the article. */
public final class TokenStage implements Stage {

  private final ThreadLocal<TokenizerME> tokenizer;

  public TokenStage(Models models) {
    tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(models.tokens()));
  }

  @Override
  public String name() {
    return "tokens";
  }

  @Override
  public void process(Document document) {
    for (Sentence sentence : document.sentences()) {
      for (Span span : tokenizer.get().tokenizePos(sentence.text())) {
        int start = sentence.start() + span.getStart();
        int end = sentence.start() + span.getEnd();
        sentence.tokens().add(new Token(document.text().substring(start, end), start, end));
      }
    }
  }
}
