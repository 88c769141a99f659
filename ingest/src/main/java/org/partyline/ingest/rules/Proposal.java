package org.partyline.ingest.rules;

import java.time.LocalDate;

/**
 * One reading of a sentence before folding: the speaker's party and name, the codebook entry, the stance or
 * position, the day it was said, the quote's offsets in the article, a confidence and the rules that gave it.
 */
public record Proposal(int sentence, String party, String speaker, Target target, String value, LocalDate day,
    int quoteStart, int quoteEnd, double confidence, String rules) {

  public String type() {
    return target.topic() ? "statement" : "claim";
  }
}
