package org.partyline.ingest.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.partyline.ingest.nlp.Sentence;
import org.partyline.ingest.nlp.Token;

/**
 * Splits a speaker's part of a sentence into its clauses, by the marks a reporter uses to join them: a semicolon, a
 * participle clause after a comma (", arguing that ...", ", calling it ..."), a coordinated predicate or clause after
 * a comma (", and urged ...", ", but it rejected ..."), and a second complement ("said that ... and that ...").
 * Each clause can be about a different matter ("would keep the country in the treaty, she said, arguing that the
 * treaty does not require ..."), so each is matched on its own.
 */
public final class Clauses {

  /** A clause shorter than this many tokens stays with the clause before it. */
  static final int MIN_TOKENS = 4;
  private static final Set<String> COORDINATORS = Set.of("and", "but", "while", "whereas");
  private static final Set<String> SUBJECTS = Set.of("PRON", "PROPN", "DET", "NOUN");

  private Clauses() {}

  /** The clauses of tokens [from, to) as [start, end) pairs, in order; one pair when there is one clause. */
  public static List<int[]> of(Sentence sentence, int from, int to) {
    List<Integer> starts = new ArrayList<>();
    starts.add(from);
    for (int i = from + 1; i < to - 1; i++) {
      int start = boundary(sentence, i, to);
      if (start > 0 && start - starts.get(starts.size() - 1) >= MIN_TOKENS && to - start >= MIN_TOKENS) {
        starts.add(start);
      }
    }
    List<int[]> clauses = new ArrayList<>();
    for (int k = 0; k < starts.size(); k++) {
      clauses.add(new int[] {starts.get(k), k + 1 < starts.size() ? starts.get(k + 1) : to});
    }
    return clauses;
  }

  /** Where a new clause starts at or right after token {@code i}, or -1. */
  private static int boundary(Sentence sentence, int i, int to) {
    Token token = sentence.token(i);
    String word = token.text();
    if (word.equals(";")) {
      return i + 1;
    }
    if (word.equals(",")) {
      Token next = sentence.token(i + 1);
      String lower = next.text().toLowerCase(Locale.ROOT);
      if (next.pos().equals("VERB") && lower.endsWith("ing")) {
        return i + 1;
      }
      if (COORDINATORS.contains(lower) && i + 2 < to && (predicate(sentence.token(i + 2))
          || subjectThenPredicate(sentence, i + 2, to))) {
        return i + 1;
      }
      return -1;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if ((lower.equals("and") || lower.equals("but")) && i + 1 < to
        && sentence.token(i + 1).text().equalsIgnoreCase("that")) {
      return i;
    }
    return -1;
  }

  private static boolean predicate(Token token) {
    return token.pos().equals("VERB") || token.pos().equals("AUX");
  }

  /** A short subject (a pronoun, a name, "the government") and then a verb: the start of a new clause. */
  private static boolean subjectThenPredicate(Sentence sentence, int at, int to) {
    for (int k = at; k < Math.min(to, at + 4); k++) {
      Token token = sentence.token(k);
      if (predicate(token)) {
        return k > at;
      }
      if (!SUBJECTS.contains(token.pos()) && !token.pos().equals("ADJ")) {
        return false;
      }
    }
    return false;
  }
}
