package org.partyline.ingest.nlp;

import opennlp.tools.postag.POSTaggerME;

/** Tags each token with its Universal Dependencies part of speech (OpenNLP's UD English model). */
public final class PosStage implements Stage {

  private final ThreadLocal<POSTaggerME> tagger;

  public PosStage(Models models) {
    tagger = ThreadLocal.withInitial(() -> new POSTaggerME(models.pos()));
  }

  @Override
  public String name() {
    return "pos";
  }

  @Override
  public void process(Document document) {
    for (Sentence sentence : document.sentences()) {
      String[] tags = tagger.get().tag(texts(sentence));
      for (int i = 0; i < tags.length; i++) {
        sentence.token(i).pos(tags[i]);
      }
    }
  }

  static String[] texts(Sentence sentence) {
    return sentence.tokens().stream().map(Token::text).toArray(String[]::new);
  }
}
