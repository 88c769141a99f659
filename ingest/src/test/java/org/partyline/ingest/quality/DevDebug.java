package org.partyline.ingest.quality;

import java.util.List;
import org.partyline.ingest.Article;
import org.partyline.ingest.Ingestor;
import org.partyline.ingest.nlp.Document;
import org.partyline.ingest.nlp.Sentence;
import org.partyline.ingest.rules.Attribution;
import org.partyline.ingest.rules.Mention;
import org.partyline.ingest.rules.Proposal;
import org.partyline.ingest.rules.TargetMatch;

/** Prints every layer of the named development articles: {@code DevDebug dev03 dev04}. */
public final class DevDebug {

  public static void main(String[] args) throws Exception {
    List<String> wanted = List.of(args);
    try (Ingestor ingestor = Ingestor.create(DevSet.codebook())) {
      for (Article article : DevSet.articles()) {
        if (!wanted.contains(article.id())) {
          continue;
        }
        Document d = ingestor.annotate(article);
        System.out.println("===== " + article.id());
        List<Attribution> attributions = d.layer(Attribution.class);
        for (Sentence s : d.sentences()) {
          System.out.println("S" + s.index() + ": " + s.text());
          for (Mention m : d.layer(Mention.class)) {
            if (m.sentence() == s.index()) {
              System.out.println("   M " + m.party() + " " + m.person() + " " + m.rule() + " " + m.usable() + " ["
                  + s.tokens().subList(m.start(), m.end()).stream().map(t -> t.text()).toList() + "]");
            }
          }
          for (int a = 0; a < attributions.size(); a++) {
            Attribution at = attributions.get(a);
            if (at.sentence() != s.index()) {
              continue;
            }
            System.out.println("   A " + at.speaker().party() + " cue=" + s.token(at.cue()).text() + " " + at.rule()
                + " scope=" + at.scopeStart() + ".." + at.scopeEnd());
            int shown = 0;
            for (TargetMatch m : d.layer(TargetMatch.class)) {
              if (m.attribution() == a && shown++ < 3) {
                System.out.printf("      T %.3f cos=%.3f ov=%.3f %s%n", m.score(), m.cosine(), m.overlap(),
                    m.target().key());
              }
            }
          }
          for (Proposal p : d.layer(Proposal.class)) {
            if (p.sentence() == s.index()) {
              System.out.println("   P " + p.party() + " " + p.target().key() + " " + p.value() + " " + String.format(java.util.Locale.ROOT, "%.3f", p.confidence()) + " " + p.rules());
            }
          }
        }
      }
    }
  }
}
