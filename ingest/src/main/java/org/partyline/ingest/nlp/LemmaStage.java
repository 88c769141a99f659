package org.partyline.ingest.nlp;

import opennlp.tools.lemmatizer.LemmatizerME;

/** Gives each token its lemma ("denied" -> "deny") with OpenNLP's UD English lemmatizer, from words and tags. */
public final class LemmaStage implements Stage {

  private final ThreadLocal<LemmatizerME> lemmatizer;

  public LemmaStage(Models models) {
    lemmatizer = ThreadLocal.withInitial(() -> new LemmatizerME(models.lemmas()));
  }

  @Override
  public String name() {
    return "lemmas";
  }

  @Override
  public void process(Document document) {
    for (Sentence sentence : document.sentences()) {
      String[] tags = sentence.tokens().stream().map(Token::pos).toArray(String[]::new);
      String[] lemmas = lemmatizer.get().lemmatize(PosStage.texts(sentence), tags);
      for (int i = 0; i < lemmas.length; i++) {
        sentence.token(i).lemma(lemmas[i]);
      }
    }
  }
}
