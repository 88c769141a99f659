package org.partyline.ingest.rules;

/**
 * "Who says it" in one sentence: the speaker's mention (which may lie in an earlier sentence when a pronoun was
 * resolved), the first cue token that attributes speech or a position to it, and the rule that linked them.
 * {@code scopeStart} and {@code scopeEnd} bound the tokens of the sentence that the speaker's words are read from.
 */
public record Attribution(int sentence, Mention speaker, int cue, int scopeStart, int scopeEnd, String rule,
    double strength) {}
