package org.partyline.ingest.nlp;

import java.time.Instant;
import org.partyline.ingest.Article;

class Probe {
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Models m = Models.shared();
    System.out.println("load ms " + (System.nanoTime() - t0) / 1e6);
    Document d = new Document(new Article("a", "Kremlin spokesman Dmitry Peskov told reporters on Monday that Russia denied the claims. \"This is fake,\" he said.\n\nIndia's Ministry of External Affairs dismissed what it called \"preposterous imputations\".", Instant.parse("2025-01-01T12:00:00Z"), null, null, null));
    for (Stage s : new Stage[] {new SentenceStage(m), new TokenStage(m), new PosStage(m), new LemmaStage(m)}) s.process(d);
    for (Sentence s : d.sentences()) System.out.println(s.text() + " -> " + s.tokens());
    for (int k = 0; k < 3; k++) {
      long t = System.nanoTime();
      for (int i = 0; i < 100; i++) m.embeddings().embed("Kremlin spokesman Dmitry Peskov told reporters on Monday that Russia denied the claims number " + i + " of the many things");
      System.out.println("embed ms each " + (System.nanoTime() - t) / 1e6 / 100);
    }
  }
}
