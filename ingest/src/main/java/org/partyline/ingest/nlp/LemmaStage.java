package org.partyline.ingest.nlp;

import opennlp.tools.lemmatizer.LemmatizerME;

/**
 * Gives each token its lemma ("denied" -> "deny") with OpenNLP's UD English lemmatizer, from words and tags. The
 * statistical lemmatizer is the slowest of the linguistic stages, so it lemmatizes only the sentences that the
 * stage's filter selects (the rules read lemmas only where an actor is named or referred to); tokens of other
 * sentences keep an empty lemma and are matched by their text.
 */
public final class LemmaStage implements Stage {

  private final ThreadLocal<LemmatizerME> lemmatizer;
  private final java.util.function.BiPredicate<Document, Sentence> wanted;

  public LemmaStage(Models models) {
    this(models, (document, sentence) -> true);
  }

  public LemmaStage(Models models, java.util.function.BiPredicate<Document, Sentence> wanted) {
    lemmatizer = ThreadLocal.withInitial(() -> new LemmatizerME(models.lemmas()));
    this.wanted = wanted;
  }

  @Override
  public String name() {
    return "lemmas";
  }

  @Override
  public void process(Document document) {
    for (Sentence sentence : document.sentences()) {
      if (!wanted.test(document, sentence)) {
        continue;
      }
      String[] tags = sentence.tokens().stream().map(Token::pos).toArray(String[]::new);
      String[] lemmas = lemmatizer.get().lemmatize(PosStage.texts(sentence), tags);
      for (int i = 0; i < lemmas.length; i++) {
        sentence.token(i).lemma(lemmas[i]);
      }
    }
  }
}
