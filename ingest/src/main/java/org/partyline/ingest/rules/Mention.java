package org.partyline.ingest.rules;

/**
 * A name of an actor in a sentence: tokens [start, end), the party it stands for, the person's full name when it
 * names a person, and the rule that found it. {@code usable} is false for unnamed collectives and non-actors
 * ("several Liberals", "people familiar with ...").
 */
public record Mention(int sentence, int start, int end, String party, String person, String rule, boolean usable) {

  public boolean isPerson() {
    return person != null;
  }
}
