package org.partyline.ingest.nlp;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.Span;

/**
 * Splits the article into sentences with OpenNLP's sentence detector. Paragraphs (separated by a blank line or a
 * line break) are detected one by one, so a headline or a subheading without a full stop stays its own sentence.
 */
public final class SentenceStage implements Stage {

  private final ThreadLocal<SentenceDetectorME> detector;

  public SentenceStage(Models models) {
    detector = ThreadLocal.withInitial(() -> new SentenceDetectorME(models.sentences()));
  }

  @Override
  public String name() {
    return "sentences";
  }

  @Override
  public void process(Document document) {
    String text = document.text();
    int paragraphStart = 0;
    while (paragraphStart < text.length()) {
      int paragraphEnd = text.indexOf('\n', paragraphStart);
      if (paragraphEnd < 0) {
        paragraphEnd = text.length();
      }
      String paragraph = text.substring(paragraphStart, paragraphEnd);
      if (!paragraph.isBlank()) {
        for (Span span : detector.get().sentPosDetect(paragraph)) {
          int start = paragraphStart + span.getStart();
          int end = paragraphStart + span.getEnd();
          document.sentences().add(new Sentence(document.sentences().size(), start, end, text.substring(start, end)));
        }
      }
      paragraphStart = paragraphEnd + 1;
    }
  }
}
