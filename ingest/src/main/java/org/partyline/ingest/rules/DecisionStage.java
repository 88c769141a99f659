package org.partyline.ingest.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.partyline.ingest.nlp.Document;
import org.partyline.ingest.nlp.Sentence;
import org.partyline.ingest.nlp.Stage;
import org.partyline.ingest.nlp.Token;

/**
 * Turns each attribution into proposals: the codebook entries its sentence matches well enough, the stance or
 * position read from the speaker's part of the sentence, the day, the quote and a confidence.
 */
public final class DecisionStage implements Stage {

  /** Lowest combined match score for an entry to be coded at all. */
  static final double MIN_SCORE = 0.45;
  /** Entries this close to the best one in a sentence are coded too (one sentence can carry two). */
  static final double SECOND_MARGIN = 0.03;
  /** Match score above which the match adds nothing more to the confidence. */
  static final double FULL_SCORE = 0.75;

  private final StanceReader stances;

  public DecisionStage(StanceReader stances) {
    this.stances = stances;
  }

  @Override
  public String name() {
    return "decisions";
  }

  @Override
  public void process(Document document) {
    LocalDate published = TimeResolver.day(document.article().publishedAt());
    List<Attribution> attributions = new ArrayList<>(document.layer(Attribution.class));
    attributions.sort(Comparator.comparingInt(Attribution::sentence).thenComparingInt(Attribution::cue));
    List<TargetMatch> matches = document.layer(TargetMatch.class);
    List<Proposal> proposals = document.layer(Proposal.class);
    Set<String> asserted = new HashSet<>();
    TimeResolver.Day previousDay = null;
    for (int k = 0; k < attributions.size(); k++) {
      Attribution attribution = attributions.get(k);
      Sentence sentence = document.sentences().get(attribution.sentence());
      int from = scopeStart(attributions, k);
      int to = k + 1 < attributions.size() && attributions.get(k + 1).sentence() == attribution.sentence()
          ? scopeStart(attributions, k + 1) : sentence.size();
      if (to <= attribution.cue()) {
        to = sentence.size();
      }
      TimeResolver.Day day = TimeResolver.resolve(sentence, from, to, attribution.cue(), published, previousDay);
      previousDay = day;
      for (TargetMatch match : chosen(matches, sentence.index())) {
        Target target = match.target();
        String party = attribution.speaker().party();
        StanceReader.Reading reading = target.topic()
            ? stances.statement(sentence, from, to, target)
            : stances.claim(sentence, from, to, attribution.cue(), target, asserted.contains(party + "/"
                + target.key()));
        if (reading.value().equals("ASSERTS")) {
          asserted.add(party + "/" + target.key());
        }
        int[] quote = quote(sentence, from, to, attribution.cue());
        double fit = Math.min(1, Math.max(0, (match.score() - MIN_SCORE) / (FULL_SCORE - MIN_SCORE)));
        double confidence = (0.5 + 0.5 * fit) * attribution.strength() * reading.strength();
        String rules = attribution.speaker().rule() + "+" + attribution.rule() + "+target.meaning+" + reading.rule()
            + "+" + day.rule();
        proposals.add(new Proposal(sentence.index(), party, attribution.speaker().person(), target, reading.value(),
            day.date(), quote[0], quote[1], confidence, rules));
      }
    }
  }

  private static int scopeStart(List<Attribution> attributions, int k) {
    Attribution attribution = attributions.get(k);
    if (k == 0 || attributions.get(k - 1).sentence() != attribution.sentence()) {
      return 0;
    }
    Mention speaker = attribution.speaker();
    return speaker.sentence() == attribution.sentence() ? Math.min(speaker.start(), attribution.cue())
        : attribution.cue();
  }

  private static List<TargetMatch> chosen(List<TargetMatch> matches, int sentence) {
    List<TargetMatch> forSentence = matches.stream().filter(m -> m.sentence() == sentence).toList();
    List<TargetMatch> chosen = new ArrayList<>();
    if (forSentence.isEmpty() || forSentence.get(0).score() < MIN_SCORE) {
      return chosen;
    }
    double best = forSentence.get(0).score();
    for (TargetMatch match : forSentence) {
      if (match.score() >= MIN_SCORE && match.score() >= best - SECOND_MARGIN) {
        chosen.add(match);
      }
    }
    return chosen;
  }

  /**
   * The shortest span that carries the evidence: a quotation inside the speaker's part when there is one, else from
   * the cue to the end of its clause. Offsets into the article text.
   */
  static int[] quote(Sentence sentence, int from, int to, int cue) {
    int open = -1;
    for (int i = from; i < to; i++) {
      if (sentence.token(i).text().equals("\"")) {
        if (open < 0) {
          open = i;
        } else if (i - open > 3) {
          return new int[] {sentence.token(open).start(), sentence.token(i).end()};
        } else {
          open = -1;
        }
      }
    }
    int start = Math.max(from, cue);
    int end = to;
    for (int i = start + 1; i < to; i++) {
      if (sentence.token(i).text().equals(";")) {
        end = i;
        break;
      }
    }
    while (end - 1 > start && isTrailing(sentence.token(end - 1))) {
      end--;
    }
    return new int[] {sentence.token(start).start(), sentence.token(end - 1).end()};
  }

  private static boolean isTrailing(Token token) {
    return token.text().equals(".") || token.text().equals(",") || token.text().equals(";");
  }
}
