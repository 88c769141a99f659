package org.partyline.ingest.rules;

/** Every cue list the rules use, read once from the shipped data files. */
public record Lexicons(
    Lexicon speechVerbs,
    Lexicon speechNouns,
    Lexicon support,
    Lexicon oppose,
    Lexicon hedge,
    Lexicon leanOppose,
    Lexicon condition,
    Lexicon neutral,
    Lexicon deny,
    Lexicon dispute,
    Lexicon retract,
    Lexicon negations,
    Lexicon nonActors,
    Lexicon subordinators,
    Lexicon anaphors,
    Lexicon nonPositions,
    Lexicon openQuestions) {

  public static Lexicons load() {
    return new Lexicons(Lexicon.load("speech-verbs"), Lexicon.load("speech-nouns"), Lexicon.load("support-cues"),
        Lexicon.load("oppose-cues"), Lexicon.load("hedge-cues"), Lexicon.load("lean-oppose-cues"),
        Lexicon.load("condition-cues"), Lexicon.load("neutral-cues"), Lexicon.load("deny-cues"),
        Lexicon.load("dispute-cues"), Lexicon.load("retract-cues"), Lexicon.load("negations"),
        Lexicon.load("non-actors"), Lexicon.load("subordinators"), Lexicon.load("anaphors"),
        Lexicon.load("non-position-cues"), Lexicon.load("open-question-cues"));
  }
}
